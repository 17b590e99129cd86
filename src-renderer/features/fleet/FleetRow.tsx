import { memo } from 'react';
import type { Rig, RigId } from '../../../src-shared/model/index.js';
import {
  formatDuration,
  formatEfficiency,
  formatFanSpeed,
  formatHashrate,
  formatPower,
  formatTemperature,
} from '../../../src-shared/units.js';
import {
  activePool,
  boardHeat,
  chipHeat,
  isFanFailing,
  liveSnapshot,
  poolHostOf,
  rigAddress,
  rigEfficiencyJPerTh,
  slowestFanRpm,
  worstBoardStatus,
} from '../../store/rig-figures.js';
import { StatusBadge } from '../../ui/StatusBadge.js';

export const ESTIMATE_HINT = "Estimated from the model's nominal efficiency: this firmware does not report power";

/** cgminer's API port: shown only when a rig uses another one, to keep the address column narrow. */
const DEFAULT_API_PORT = 4028;

function EstimateMark() {
  return (
    <span className="estimate-mark" aria-label="estimated">
      ≈
    </span>
  );
}

interface FleetRowProps {
  rig: Rig;
  selected: boolean;
  onSelect: (rigId: RigId) => void;
  /** Ticked for a bulk change (not the same as `selected`, the rig open in the detail panel). */
  checked: boolean;
  /** `range`: shift was held, to tick or untick every row from the last one clicked to this one. */
  onCheck: (rigId: RigId, checked: boolean, range: boolean) => void;
}

/**
 * One rig. Memoized on the rig object: the store replaces a rig's object only when that rig changes, so an update to
 * one rig re-renders one row, not a thousand.
 */
export const FleetRow = memo(function FleetRow({ rig, selected, onSelect, checked, onCheck }: FleetRowProps) {
  const snapshot = liveSnapshot(rig);
  const pool = snapshot === null ? null : activePool(snapshot);
  const slowestRpm = snapshot === null ? null : slowestFanRpm(snapshot);
  const chipTempC = snapshot?.maxChipTempC ?? null;
  const boardTempC = snapshot?.maxBoardTempC ?? null;
  const fanList = snapshot?.fans.map((fan) => `Fan ${fan.index + 1}: ${formatFanSpeed(fan.rpm)}`).join('\n');
  const boardTrouble = snapshot === null ? null : worstBoardStatus(snapshot);
  const estimated = snapshot?.powerIsEstimate === true && snapshot.powerW !== null;
  const className = [
    'rig-row',
    `rig-row-${rig.status}`,
    selected ? 'is-selected' : '',
    checked ? 'is-checked' : '',
  ].join(' ');

  return (
    <tr
      role="row"
      className={className}
      data-testid="rig-row"
      data-rig-id={rig.id}
      data-status={rig.status}
      onClick={() => onSelect(rig.id)}
    >
      {/* Clicks in this cell tick the box and must not also open the rig's details. */}
      <td role="cell" className="col-select" onClick={(event) => event.stopPropagation()}>
        <label className="check-hit" title="Select for a bulk change (shift-click for a range)">
          <input
            type="checkbox"
            className="check"
            data-testid="rig-select"
            aria-label={`Select ${rig.name}`}
            checked={checked}
            onChange={() => undefined}
            onClick={(event) => onCheck(rig.id, event.currentTarget.checked, event.shiftKey)}
          />
        </label>
      </td>
      <td role="cell" className="col-name">
        {/* The button is the keyboard way in; its click bubbles to the row, which does the selecting. */}
        <button type="button" className="rig-name-button" aria-expanded={selected} title={rig.problem?.message}>
          {rig.problem !== null && <span className="problem-dot" aria-label="has a problem" />}
          {rig.name}
        </button>
      </td>
      <td
        role="cell"
        className="col-model"
        data-testid="rig-model"
        title={`${rig.identity.make} ${rig.identity.model}`}
      >
        {rig.identity.model}
      </td>
      <td role="cell" className="col-address" title={rigAddress(rig)}>
        {rig.identity.host}
        {rig.identity.port !== DEFAULT_API_PORT && <span className="muted">:{rig.identity.port}</span>}
      </td>
      <td
        role="cell"
        className={`num col-hashrate ${boardTrouble === null ? '' : `board-${boardTrouble}`}`}
        data-testid="rig-hashrate"
        title={boardTrouble === null ? undefined : `A hashboard is ${boardTrouble}: see the rig's details`}
      >
        {formatHashrate(snapshot?.hashrateThs ?? null)}
      </td>
      <td role="cell" className={`num heat-${chipHeat(chipTempC)}`}>
        {formatTemperature(chipTempC)}
      </td>
      <td role="cell" className={`num heat-${boardHeat(boardTempC)}`}>
        {formatTemperature(boardTempC)}
      </td>
      <td role="cell" className={`num ${isFanFailing(slowestRpm) ? 'heat-hot' : ''}`} title={fanList}>
        {formatFanSpeed(slowestRpm)}
      </td>
      <td role="cell" className="num" title={estimated ? ESTIMATE_HINT : undefined}>
        {estimated && <EstimateMark />}
        {formatPower(snapshot?.powerW ?? null)}
      </td>
      <td role="cell" className="num" title={estimated ? ESTIMATE_HINT : undefined}>
        {estimated && <EstimateMark />}
        {formatEfficiency(snapshot === null ? null : rigEfficiencyJPerTh(snapshot))}
      </td>
      <td role="cell" className="col-pool" title={pool === null ? undefined : `${pool.url}\n${pool.user}`}>
        {pool === null ? <span className="muted">—</span> : poolHostOf(pool.url)}
      </td>
      <td role="cell" className="col-status">
        <StatusBadge status={rig.status} testId="rig-status" />
      </td>
      <td role="cell" className="num">
        {formatDuration(snapshot?.uptimeS ?? null)}
      </td>
    </tr>
  );
});
