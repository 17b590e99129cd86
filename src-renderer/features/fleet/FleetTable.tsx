import type { Rig } from '../../../src-shared/model/index.js';
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

export function FleetTable({ rigs, onClearFilters }: FleetTableProps) {
  const selectedRigId = useAppStore((state) => state.selectedRigId);
  const selectRig = useAppStore((state) => state.selectRig);

  return (
    <div className="fleet-table-wrap">
      {/* Explicit roles throughout: fleet-table.css lays these elements out as grid, which can cost them their
          implicit table semantics in some browsers. */}
      <table className="fleet-table" data-testid="fleet-table" role="table" aria-label="Rigs">
        <thead role="rowgroup">
          <tr role="row">
            {FLEET_COLUMNS.map((column) => (
              <SortableHeader key={column.key} column={column} />
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rigs.map((rig) => (
            <FleetRow key={rig.id} rig={rig} selected={rig.id === selectedRigId} onSelect={selectRig} />
          ))}
          {rigs.length === 0 && (
            <tr className="no-match" role="row">
              <td role="cell" colSpan={FLEET_COLUMNS.length}>
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
