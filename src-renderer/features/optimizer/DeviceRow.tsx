import { memo } from 'react';
import type { RigId } from '../../../src-shared/model/index.js';
import type { DeviceTuning } from '../../../src-shared/model/optimizer.js';
import { formatEfficiency } from '../../../src-shared/units.js';
import { KNOB_LABEL, describeSetting } from '../../ui/describe-tuning.js';
import { ExploreProgress, GainFigure, TuningBadge } from '../../ui/TuningFigures.js';
import { canRetune } from './device-rows.js';

interface DeviceRowProps {
  device: DeviceTuning;
  /** null until the optimizer's settings have arrived: the toggle waits for them. */
  excluded: boolean | null;
  selected: boolean;
  /** An include/exclude or retune for this rig is on its way to the engine. */
  busy: boolean;
  onOpen: (rigId: RigId) => void;
  onRetune: (rigId: RigId) => void;
  onSetExcluded: (rigId: RigId, excluded: boolean) => void;
}

/**
 * One device. Memoized: the store replaces a device's object only when an event for it arrives, and the callbacks are
 * stable, so a burst of updates re-renders the rows that changed, not a thousand.
 */
export const DeviceRow = memo(function DeviceRow({
  device,
  excluded,
  selected,
  busy,
  onOpen,
  onRetune,
  onSetExcluded,
}: DeviceRowProps) {
  const setting = describeSetting(device.current);
  return (
    <tr
      role="row"
      className={`device-row ${selected ? 'is-selected' : ''} ${excluded === true ? 'is-excluded' : ''}`}
      data-testid="optimizer-device-row"
      data-rig-id={device.rigId}
      data-state={device.state}
    >
      <td role="cell" className="device-name">
        <button
          type="button"
          className="device-name-button"
          aria-expanded={selected}
          title={device.rigId}
          onClick={() => onOpen(device.rigId)}
        >
          {device.rigName}
        </button>
      </td>
      <td role="cell" title={device.model}>
        {device.model}
      </td>
      <td role="cell" className="muted">
        {device.knob === null ? '—' : KNOB_LABEL[device.knob]}
      </td>
      <td role="cell">
        <TuningBadge device={device} testId="optimizer-state" />
      </td>
      <td role="cell" className="device-activity" title={device.activity}>
        {device.state === 'exploring' && <ExploreProgress progress={device.progress} />}
        <span className="device-activity-text">{device.activity}</span>
      </td>
      <td role="cell" className="num" title={setting}>
        {device.asleep ? <span className="muted">asleep</span> : setting}
      </td>
      <td role="cell" className="num">
        {formatEfficiency(device.stock?.efficiencyJPerTh ?? null)}
      </td>
      <td role="cell" className="num">
        {formatEfficiency(device.now?.efficiencyJPerTh ?? null)}
      </td>
      <td role="cell" className="num">
        <GainFigure gainPct={device.efficiencyGainPct} testId="optimizer-gain" />
      </td>
      <td role="cell" className="device-failure" title={device.failure ?? undefined}>
        {device.failure ?? ''}
      </td>
      <td role="cell" className="device-actions">
        {canRetune(device) && (
          <button
            type="button"
            className="button small"
            data-testid="optimizer-retune"
            disabled={busy}
            aria-label={`Retune ${device.rigName}`}
            onClick={() => onRetune(device.rigId)}
          >
            Retune
          </button>
        )}
      </td>
      <td role="cell" className="device-include">
        <label
          className="check-hit"
          title={excluded === true ? 'Left alone by the optimizer' : 'Tuned by the optimizer'}
        >
          <input
            type="checkbox"
            className="check"
            data-testid="optimizer-include"
            aria-label={`Tune ${device.rigName}`}
            checked={excluded === false}
            disabled={busy || excluded === null}
            onChange={(event) => onSetExcluded(device.rigId, !event.target.checked)}
          />
        </label>
      </td>
    </tr>
  );
});
