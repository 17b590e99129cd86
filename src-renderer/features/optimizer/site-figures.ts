import type { SiteState } from '../../../src-shared/model/optimizer.js';

export interface PowerBar {
  /** Measured power as a share of the cap, for the bar's width (at most 1); null without a cap. */
  measuredShare: number | null;
  /** Where the planned power sits on the bar; null without a cap or a plan. */
  plannedShare: number | null;
  /** Drawing more than the cap allows: the bar turns red. */
  over: boolean;
}

function share(powerW: number | null, capW: number | null): number | null {
  if (powerW === null || capW === null || capW <= 0) return null;
  return Math.min(1, Math.max(0, powerW / capW));
}

/** The site's measured (and planned) power against its cap, as the site panel's bar draws it. */
export function powerBar(site: Pick<SiteState, 'capW' | 'measuredPowerW' | 'plannedPowerW'>): PowerBar {
  return {
    measuredShare: share(site.measuredPowerW, site.capW),
    plannedShare: share(site.plannedPowerW, site.capW),
    over: site.capW !== null && site.measuredPowerW > site.capW,
  };
}
