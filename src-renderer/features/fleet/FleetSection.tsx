import { useDeferredValue, useMemo } from 'react';
import { countByStatusFilter, visibleRigs } from '../../store/fleet-selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { BulkBar } from '../bulk/BulkBar.js';
import { EmptyFleet } from '../discovery/EmptyFleet.js';
import { FleetTable } from './FleetTable.js';
import { FleetToolbar } from './FleetToolbar.js';
import { useFleetRigs } from './use-fleet-rigs.js';
import './fleet.css';

/** The fleet list: toolbar, then the table, or the empty state when the engine knows no rigs yet. */
export function FleetSection() {
  const rigs = useFleetRigs();
  const fleetLoaded = useAppStore((state) => state.fleetLoaded);
  const sort = useAppStore((state) => state.sort);
  const chosenStatusFilter = useAppStore((state) => state.statusFilter);
  const setFilterText = useAppStore((state) => state.setFilterText);
  const setStatusFilter = useAppStore((state) => state.setStatusFilter);
  const typedFilterText = useAppStore((state) => state.filterText);
  // Typing and the status buttons stay responsive with a thousand rows: the list re-filters at lower priority, in
  // interruptible slices, while the input and the pressed button update at once.
  const filterText = useDeferredValue(typedFilterText);
  const statusFilter = useDeferredValue(chosenStatusFilter);

  const shown = useMemo(
    () => visibleRigs(rigs, { sort, filterText, statusFilter }),
    [rigs, sort, filterText, statusFilter],
  );
  const counts = useMemo(() => countByStatusFilter(rigs), [rigs]);
  const shownRigIds = useMemo(() => new Set(shown.map((rig) => rig.id)), [shown]);

  if (!fleetLoaded) {
    return (
      <section className="fleet-section">
        <div className="placeholder" role="status">
          Loading the fleet…
        </div>
      </section>
    );
  }
  if (rigs.length === 0) {
    return (
      <section className="fleet-section">
        <EmptyFleet />
      </section>
    );
  }
  return (
    <section className="fleet-section" aria-label="Fleet">
      <FleetToolbar shownCount={shown.length} counts={counts} />
      <FleetTable
        rigs={shown}
        onClearFilters={() => {
          setFilterText('');
          setStatusFilter('all');
        }}
      />
      <BulkBar shownRigIds={shownRigIds} />
    </section>
  );
}
