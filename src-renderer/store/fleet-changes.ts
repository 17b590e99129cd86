import type { Rig, RigId } from '../../src-shared/model/index.js';

export type RigsById = Readonly<Record<RigId, Rig>>;

/** One event's worth of change to the fleet; `fleet.rigUpdated` carries the whole rig, so no merge is needed. */
export type FleetChange = { kind: 'updated'; rig: Rig } | { kind: 'removed'; rigId: RigId };

export function rigsByIdFromList(rigs: readonly Rig[]): RigsById {
  const byId: Record<RigId, Rig> = {};
  for (const rig of rigs) byId[rig.id] = rig;
  return byId;
}

/**
 * Applies a batch of changes and returns a new map, or the same map when nothing changed (removing a rig we never
 * had), so selectors and memoized rows keyed on identity do not re-run for nothing. Rigs that did not change keep
 * their object identity: that is what lets a 1,000-row table re-render only the rows that moved.
 */
export function applyFleetChanges(rigsById: RigsById, changes: Iterable<FleetChange>): RigsById {
  let next: Record<RigId, Rig> | null = null;
  for (const change of changes) {
    const current: Record<RigId, Rig> = next ?? rigsById;
    switch (change.kind) {
      case 'updated':
        if (current[change.rig.id] === change.rig) break;
        next ??= { ...rigsById };
        next[change.rig.id] = change.rig;
        break;
      case 'removed':
        if (!Object.hasOwn(current, change.rigId)) break;
        next ??= { ...rigsById };
        delete next[change.rigId];
        break;
    }
  }
  return next ?? rigsById;
}
