import { useState } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { OptimizerSettings, SiteState } from '../../../src-shared/model/optimizer.js';
import {
  formatHashrate,
  formatMilliseconds,
  formatPercent,
  formatPower,
  formatPricePerKwh,
} from '../../../src-shared/units.js';
import { useAppStore } from '../../store/store-context.js';
import { OBJECTIVE_LABEL } from '../../ui/describe-tuning.js';
import { formatCount } from '../../ui/format-plain.js';
import { Switch } from '../../ui/Switch.js';
import { powerBar } from './site-figures.js';

/** Switches the optimizer on or off at once (the rest of the settings form is left as it is). */
function EnabledSwitch({ settings }: { settings: OptimizerSettings | null }) {
  const save = useAppStore((state) => state.saveOptimizerSettings);
  // What the operator just asked for, shown until the engine's answer replaces it.
  const [asked, setAsked] = useState<boolean | null>(null);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const enabled = asked ?? settings?.enabled ?? false;

  const change = async (next: boolean): Promise<void> => {
    if (settings === null) return;
    setAsked(next);
    setError(null);
    setError(await save({ ...settings, enabled: next }));
    setAsked(null);
  };

  return (
    <div className="site-switch">
      <Switch
        checked={enabled}
        disabled={settings === null || asked !== null}
        testId="optimizer-enabled"
        label={enabled ? 'Optimizer on' : 'Optimizer off'}
        onChange={(next) => void change(next)}
      />
      {error !== null && (
        <span className="field-error" role="alert">
          <span className="error-code">{error.code}</span> {error.message}
        </span>
      )}
    </div>
  );
}

function PowerMeter({ site }: { site: SiteState }) {
  const bar = powerBar(site);
  return (
    <div className={`power-meter ${bar.over ? 'is-over' : ''}`} data-over={bar.over}>
      <div className="power-meter-head">
        <span className="field-label">Measured power</span>
        <span className="power-meter-figures">
          <strong>{formatPower(site.measuredPowerW)}</strong>
          {site.capW === null ? (
            <span className="muted"> · no site cap</span>
          ) : (
            <span className="muted">
              {' '}
              of {formatPower(site.capW)} cap ({formatPercent(site.measuredPowerW / site.capW)})
            </span>
          )}
        </span>
      </div>
      {bar.measuredShare !== null && (
        <div
          className="power-meter-track"
          role="meter"
          aria-label="Measured power against the site cap"
          aria-valuemin={0}
          aria-valuemax={site.capW ?? 0}
          aria-valuenow={Math.min(site.measuredPowerW, site.capW ?? 0)}
          aria-valuetext={`${formatPower(site.measuredPowerW)} of ${formatPower(site.capW)}`}
        >
          <div className="power-meter-fill" style={{ width: `${bar.measuredShare * 100}%` }} />
          {bar.plannedShare !== null && (
            <div
              className="power-meter-plan"
              style={{ left: `${bar.plannedShare * 100}%` }}
              title={`Planned: ${formatPower(site.plannedPowerW)}`}
            />
          )}
        </div>
      )}
      {bar.over && (
        <p className="field-error" role="status">
          Over the cap by {formatPower(site.measuredPowerW - (site.capW ?? 0))}.
        </p>
      )}
    </div>
  );
}

function Figure({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="site-figure" title={title}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function SiteFigures({ site }: { site: SiteState }) {
  return (
    <dl className="site-figures">
      <Figure label="Planned power" value={formatPower(site.plannedPowerW)} />
      <Figure label="Planned hashrate" value={formatHashrate(site.plannedHashrateThs)} />
      <Figure label="Measured hashrate" value={formatHashrate(site.measuredHashrateThs)} />
      <Figure label="Price now" value={formatPricePerKwh(site.pricePerKwh, site.currency)} />
      <Figure
        label="Devices"
        value={`${formatCount(site.devicesTuned)} tuned · ${formatCount(site.devicesExploring)} exploring · ${formatCount(site.devicesFailed)} failed`}
      />
      <Figure
        label="Decision time"
        value={`${formatMilliseconds(site.lastDecisionMs)} (worker)`}
        title="How long the last planning round took, measured inside the optimizer's worker"
      />
    </dl>
  );
}

/** The whole site at a glance: the switch, the objective, power against the cap, the plan and the price now. */
export function SitePanel() {
  const site = useAppStore((state) => state.optimizerSite);
  const settings = useAppStore((state) => state.optimizerSettings);
  const objective = site?.objective ?? settings?.objective ?? null;
  return (
    <section className="site-panel card" aria-label="Site" data-testid="optimizer-site">
      <div className="site-panel-head">
        <EnabledSwitch settings={settings} />
        {objective !== null && (
          <span className="site-objective">
            Objective: <strong>{OBJECTIVE_LABEL[objective]}</strong>
          </span>
        )}
      </div>
      {site === null ? (
        <p className="muted">Waiting for the optimizer's first report…</p>
      ) : (
        <div className="site-panel-body">
          <PowerMeter site={site} />
          <SiteFigures site={site} />
          {site.capFeasible === false && (
            <p className="site-warning" role="alert" data-testid="optimizer-cap-unmet">
              The cap cannot be met: every device is at its lowest settings and those that can sleep are asleep. Raise
              the cap or switch some rigs off.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
