// The profit switcher's rule for one rig: switch to another coin or pool only when what it expects to gain over the
// horizon beats what the switch costs (shares lost while reconnecting, the PPLNS window left behind, a GPU miner's
// DAG build and warm-up) by a hysteresis margin, and never before the minimum dwell on the current choice. Pure: the
// switcher worker and the backtest call it with the same figures.

export interface Option {
  /** Coin and pool, e.g. "ETC@2miners". */
  id: string;
  /** Expected net profit per day on this option at current figures (revenue less power), in money. */
  profitPerDay: number;
  /** PPLNS and the like: the share of a window's earnings a rig leaves behind when it goes (0 for PPS/FPPS). */
  windowLossDays: number;
}

export interface SwitchCosts {
  /** Time hashing nothing while the miner reconnects (and builds a DAG, warms up), in seconds. */
  downtimeS: number;
}

export interface SwitchPolicy {
  /** How far ahead the gain is counted. */
  horizonS: number;
  /** The gain must beat the cost by this share of the current option's profit over the horizon (0.05: 5 %). */
  hysteresis: number;
  /** No switch sooner than this after the last one. */
  minDwellS: number;
}

export type SwitchVerdict =
  { switchTo: null; reason: string } | { switchTo: string; reason: string; gainOverHorizon: number; cost: number };

const DAY_S = 86_400;

export function decideSwitch(
  current: Option,
  options: readonly Option[],
  sinceLastSwitchS: number,
  costs: SwitchCosts,
  policy: SwitchPolicy,
): SwitchVerdict {
  const best = options.reduce<Option | null>(
    (a, b) => (b.id !== current.id && (a === null || b.profitPerDay > a.profitPerDay) ? b : a),
    null,
  );
  if (!best) return { switchTo: null, reason: `Staying on ${current.id}: no other option` };
  if (sinceLastSwitchS < policy.minDwellS) {
    const left = Math.ceil((policy.minDwellS - sinceLastSwitchS) / 60);
    return {
      switchTo: null,
      reason: `Staying on ${current.id}: switched ${Math.floor(sinceLastSwitchS / 60)} min ago, ${left} min of its minimum stay left`,
    };
  }
  const horizonDays = policy.horizonS / DAY_S;
  const gain = (best.profitPerDay - current.profitPerDay) * horizonDays;
  // Downtime costs what the new option would have earned meanwhile; leaving a PPLNS window costs the current's share.
  const cost =
    Math.max(0, best.profitPerDay) * (costs.downtimeS / DAY_S) +
    Math.max(0, current.profitPerDay) * current.windowLossDays;
  const margin = policy.hysteresis * Math.abs(current.profitPerDay) * horizonDays;
  if (gain <= cost + margin) {
    return {
      switchTo: null,
      reason: `Staying on ${current.id}: ${best.id} would gain ${gain.toFixed(2)} over ${Math.round(policy.horizonS / 3600)} h, not enough over the switch's cost ${cost.toFixed(2)} and margin ${margin.toFixed(2)}`,
    };
  }
  return {
    switchTo: best.id,
    gainOverHorizon: gain,
    cost,
    reason: `Switching to ${best.id}: ${gain.toFixed(2)} more over ${Math.round(policy.horizonS / 3600)} h against a cost of ${cost.toFixed(2)} (margin ${margin.toFixed(2)})`,
  };
}
