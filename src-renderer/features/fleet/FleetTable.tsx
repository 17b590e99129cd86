import { useCallback, useEffect, useRef } from 'react';
import type { Rig, RigId } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { FLEET_COLUMNS } from './fleet-columns.js';
import type { FleetColumn } from './fleet-columns.js';
import { FleetRow } from './FleetRow.js';
import './fleet-table.css';

function SortableHeader({ column }: { column: FleetColumn }) {
  const sort = useAppStore((state) => state.sort);
  const sortBy = useAppStore((state) => state.sortBy);
  const active = sort.key === column.key;
  const ariaSort = !active ? 'none' : sort.direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th
      role="columnheader"
      scope="col"
      aria-sort={ariaSort}
      className={`col-${column.key} ${column.numeric ? 'num' : ''}`}
      title={column.hint}
    >
      <button type="button" className={`sort-button ${active ? 'is-sorted' : ''}`} onClick={() => sortBy(column.key)}>
        {column.label}
        <span className={`sort-arrow sort-${active ? sort.direction : 'none'}`} aria-hidden="true" />
      </button>
    </th>
  );
}

interface FleetTableProps {
  rigs: readonly Rig[];
  onClearFilters: () => void;
}

/** The header box: ticks every rig the filter shows, or unticks them when all are ticked; mixed shows as a dash. */
function SelectAllHeader({ rigs }: { rigs: readonly Rig[] }) {
  const checkedRigIds = useAppStore((state) => state.checkedRigIds);
  const setRigsChecked = useAppStore((state) => state.setRigsChecked);
  const shownChecked = rigs.reduce((count, rig) => count + (checkedRigIds.has(rig.id) ? 1 : 0), 0);
  const all = rigs.length > 0 && shownChecked === rigs.length;
  const some = shownChecked > 0 && !all;
  return (
    <th role="columnheader" scope="col" className="col-select">
      <label className="check-hit" title={all ? 'Unselect the rigs shown' : 'Select every rig shown'}>
        <input
          type="checkbox"
          className="check"
          data-testid="select-all"
          aria-label={all ? 'Unselect the rigs shown' : 'Select every rig shown'}
          checked={all}
          ref={(input) => {
            if (input !== null) input.indeterminate = some;
          }}
          disabled={rigs.length === 0}
          onChange={() =>
            setRigsChecked(
              rigs.map((rig) => rig.id),
              !all,
            )
          }
        />
      </label>
    </th>
  );
}

/** Row ticking, with shift-click ranges over the rows as currently shown (sorted and filtered). */
function useRowChecking(rigs: readonly Rig[]): (rigId: RigId, checked: boolean, range: boolean) => void {
  const setRigsChecked = useAppStore((state) => state.setRigsChecked);
  // Refs keep the callback's identity stable, so a tick re-renders only the row that changed, not all of them.
  const shownRef = useRef(rigs);
  const anchorRef = useRef<RigId | null>(null);
  useEffect(() => {
    shownRef.current = rigs;
  }, [rigs]);
  return useCallback(
    (rigId, checked, range) => {
      const shown = shownRef.current;
      const from = anchorRef.current === null ? -1 : shown.findIndex((rig) => rig.id === anchorRef.current);
      const to = shown.findIndex((rig) => rig.id === rigId);
      anchorRef.current = rigId;
      if (!range || from < 0 || to < 0) return setRigsChecked([rigId], checked);
      const [first, last] = from < to ? [from, to] : [to, from];
      setRigsChecked(
        shown.slice(first, last + 1).map((rig) => rig.id),
        checked,
      );
    },
    [setRigsChecked],
  );
}

export function FleetTable({ rigs, onClearFilters }: FleetTableProps) {
  const selectedRigId = useAppStore((state) => state.selectedRigId);
  const selectRig = useAppStore((state) => state.selectRig);
  const checkedRigIds = useAppStore((state) => state.checkedRigIds);
  const onCheck = useRowChecking(rigs);

  return (
    <div className="fleet-table-wrap">
      {/* Explicit roles throughout: fleet-table.css lays these elements out as grid, which can cost them their
          implicit table semantics in some browsers. */}
      <table className="fleet-table" data-testid="fleet-table" role="table" aria-label="Rigs">
        <thead role="rowgroup">
          <tr role="row">
            <SelectAllHeader rigs={rigs} />
            {FLEET_COLUMNS.map((column) => (
              <SortableHeader key={column.key} column={column} />
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rigs.map((rig) => (
            <FleetRow
              key={rig.id}
              rig={rig}
              selected={rig.id === selectedRigId}
              onSelect={selectRig}
              checked={checkedRigIds.has(rig.id)}
              onCheck={onCheck}
            />
          ))}
          {rigs.length === 0 && (
            <tr className="no-match" role="row">
              <td role="cell" colSpan={FLEET_COLUMNS.length + 1}>
                No rigs match this filter.{' '}
                <button type="button" className="link-button" onClick={onClearFilters}>
                  Show all rigs
                </button>
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
