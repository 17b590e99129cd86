import { useState } from 'react';
import { useAppStore } from '../../store/store-context.js';
import { SlidersIcon } from '../../ui/icons.js';
import { DecisionsList } from './DecisionsList.js';
import { DevicesTable } from './DevicesTable.js';
import { OptimizerSettingsForm } from './OptimizerSettingsForm.js';
import { SitePanel } from './SitePanel.js';
import './optimizer.css';

function LoadError() {
  const error = useAppStore((state) => state.optimizerError);
  const loadOptimizer = useAppStore((state) => state.loadOptimizer);
  if (error === null) return null;
  return (
    <div className="error-box" role="alert">
      <span className="error-code">{error.code}</span>
      <span>Could not read the optimizer's state: {error.message}</span>
      <button type="button" className="button small" onClick={() => void loadOptimizer()}>
        Retry
      </button>
    </div>
  );
}

/** Open by default; an operator watching a thousand devices can fold it away. */
function SettingsCard() {
  const settings = useAppStore((state) => state.optimizerSettings);
  const [open, setOpen] = useState(true);
  return (
    <section className="optimizer-settings card" aria-labelledby="optimizer-settings-title">
      <div className="optimizer-block-head">
        <h3 className="section-title" id="optimizer-settings-title">
          Settings
        </h3>
        <button
          type="button"
          className="button small button-ghost"
          aria-expanded={open}
          aria-controls="optimizer-settings-body"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide settings' : 'Show settings'}
        </button>
      </div>
      <div id="optimizer-settings-body" hidden={!open}>
        {settings === null ? (
          <p className="muted">Waiting for the optimizer's settings…</p>
        ) : (
          <OptimizerSettingsForm settings={settings} />
        )}
      </div>
    </section>
  );
}

/**
 * The optimizer (issue 5): the site against its power cap, every device's tuning, the decisions with their reasons,
 * and the settings that steer it.
 */
export function OptimizerView() {
  return (
    <section className="optimizer" aria-labelledby="optimizer-title" data-testid="optimizer-view">
      <div className="optimizer-titles">
        <h2 className="section-title" id="optimizer-title">
          <SlidersIcon /> Optimizer
        </h2>
        <p className="hint">
          Learns each device's curves and runs it where the objective is best, within the site's power cap, its heat and
          the price of power. Every change goes through the same checks, audit and rollback as yours.
        </p>
      </div>
      <LoadError />
      <SitePanel />
      <SettingsCard />
      <DevicesTable />
      <DecisionsList />
    </section>
  );
}
