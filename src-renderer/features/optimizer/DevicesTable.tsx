import { useCallback, useMemo, useState } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { RigId } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { formatCount } from '../../ui/format-plain.js';
import { DeviceRow } from './DeviceRow.js';
import { failedRigIds, sortDevicesByName } from './device-rows.js';

const NO_RIGS: ReadonlySet<RigId> = new Set();

const COLUMNS = [
  { label: 'Rig' },
  { label: 'Model' },
  { label: 'Knob' },
  { label: 'State' },
  { label: 'Activity' },
  { label: 'Setting', numeric: true },
  { label: 'Stock', numeric: true, hint: 'Efficiency at stock settings' },
  { label: 'Now', numeric: true, hint: 'Efficiency now' },
  { label: 'Gain', numeric: true, hint: 'Efficiency gain over stock (fewer J/TH)' },
  { label: 'Failure' },
  { label: 'Retune', hidden: true },
  { label: 'Tune', hint: 'Untick to leave a device alone' },
] as const;

/**
 * Actions in flight per rig, and the last refusal. Callbacks keep their identity (they only call store actions and
 * functional state updates), so rows stay memoized while one of them is busy.
 */
function useRowActions() {
  const retune = useAppStore((state) => state.retune);
  const setRigExcluded = useAppStore((state) => state.setRigExcluded);
  const [busy, setBusy] = useState<ReadonlySet<RigId>>(NO_RIGS);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const run = useCallback(async (rigIds: readonly RigId[], action: () => Promise<ApiErrorValue | null>) => {
    setBusy((current) => new Set([...current, ...rigIds]));
    setError(null);
    const failure = await action();
    setError(failure);
    setBusy((current) => new Set([...current].filter((rigId) => !rigIds.includes(rigId))));
  }, []);
  const onRetune = useCallback((rigId: RigId) => void run([rigId], () => retune([rigId])), [run, retune]);
  const onSetExcluded = useCallback(
    (rigId: RigId, excluded: boolean) => void run([rigId], () => setRigExcluded(rigId, excluded)),
    [run, setRigExcluded],
  );
  const onRetuneAll = useCallback((rigIds: RigId[]) => void run(rigIds, () => retune(rigIds)), [run, retune]);
  return { busy, error, onRetune, onSetExcluded, onRetuneAll };
}

/** Every device the optimizer knows, by name: what it is doing, where it runs and what that gained. */
export function DevicesTable() {
  const devicesById = useAppStore((state) => state.optimizerDevices);
  const loaded = useAppStore((state) => state.optimizerLoaded);
  const excludedRigs = useAppStore((state) => state.optimizerSettings?.excludedRigs);
  const selectedRigId = useAppStore((state) => state.selectedRigId);
  const selectRig = useAppStore((state) => state.selectRig);
  const { busy, error, onRetune, onSetExcluded, onRetuneAll } = useRowActions();
  const devices = useMemo(() => sortDevicesByName(devicesById), [devicesById]);
  const excluded = useMemo(() => (excludedRigs === undefined ? null : new Set(excludedRigs)), [excludedRigs]);
  const failed = useMemo(() => failedRigIds(devices), [devices]);

  return (
    <section className="optimizer-devices" aria-labelledby="optimizer-devices-title">
      <div className="optimizer-block-head">
        <h3 className="section-title" id="optimizer-devices-title">
          Devices <span className="section-count">{formatCount(devices.length)}</span>
        </h3>
        {failed.length > 0 && (
          <button type="button" className="button small" onClick={() => onRetuneAll(failed)}>
            Retune {formatCount(failed.length)} failed
          </button>
        )}
      </div>
      {error !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{error.code}</span>
          <span>{error.message}</span>
        </div>
      )}
      {devices.length === 0 ? (
        <p className="placeholder" role="status">
          {loaded ? 'The optimizer knows no devices yet: they appear once the fleet has rigs.' : 'Loading devices…'}
        </p>
      ) : (
        <div className="devices-table-wrap">
          {/* Explicit roles: rows are laid out as CSS grid (optimizer.css), which can drop implicit table roles. */}
          <table className="devices-table" role="table" aria-label="Devices the optimizer tunes">
            <thead role="rowgroup">
              <tr role="row">
                {COLUMNS.map((column) => (
                  <th
                    key={column.label}
                    role="columnheader"
                    scope="col"
                    className={'numeric' in column ? 'num' : undefined}
                    title={'hint' in column ? column.hint : undefined}
                  >
                    {'hidden' in column ? <span className="visually-hidden">{column.label}</span> : column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {devices.map((device) => (
                <DeviceRow
                  key={device.rigId}
                  device={device}
                  excluded={excluded === null ? null : excluded.has(device.rigId)}
                  selected={device.rigId === selectedRigId}
                  busy={busy.has(device.rigId)}
                  onOpen={selectRig}
                  onRetune={onRetune}
                  onSetExcluded={onSetExcluded}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
