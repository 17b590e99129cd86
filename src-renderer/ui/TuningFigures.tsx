import type { DeviceTuning } from '../../src-shared/model/optimizer.js';
import { formatPercent, formatSignedPercent } from '../../src-shared/units.js';
import { TUNING_STATE_HINT, TUNING_STATE_LABEL } from './describe-tuning.js';
import './tuning-figures.css';

// Small pieces of a device's tuning, shared by the Optimizer view's devices table and the rig panel's Tuning section.

export function TuningBadge({ device, testId }: { device: Pick<DeviceTuning, 'state'>; testId?: string }) {
  return (
    <span
      className={`tuning-badge tuning-${device.state}`}
      data-testid={testId}
      data-state={device.state}
      title={TUNING_STATE_HINT[device.state]}
    >
      {TUNING_STATE_LABEL[device.state]}
    </span>
  );
}

/** Efficiency gain over stock, green when the device spends fewer joules per TH than it did. */
export function GainFigure({ gainPct, testId }: { gainPct: number | null; testId?: string }) {
  const tone = gainPct === null || Math.abs(gainPct) < 0.05 ? '' : gainPct > 0 ? 'gain-up' : 'gain-down';
  return (
    <span className={tone} data-testid={testId} data-value={gainPct ?? ''}>
      {formatSignedPercent(gainPct === null ? null : gainPct / 100)}
    </span>
  );
}

export function ExploreProgress({ progress }: { progress: number }) {
  return (
    <span
      className="explore-progress"
      role="progressbar"
      aria-label="Exploration progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(progress * 100)}
      title={`${formatPercent(progress)} explored`}
    >
      <span className="explore-progress-fill" style={{ width: `${progress * 100}%` }} />
    </span>
  );
}
