import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { Rig, RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { capabilitiesStillValid, dropStaleCapabilities } from './capability-cache.js';
import { applyFleetChanges, rigsByIdFromList } from './fleet-changes.js';
import type { FleetChange, RigsById } from './fleet-changes.js';
import { NO_CHECKED_RIGS } from './ui-slice.js';

export interface FleetSlice {
  rigsById: RigsById;
  /** False until the first `fleet.list` arrives: an empty map before then means "not known yet", not "no rigs". */
  fleetLoaded: boolean;
  replaceFleet: (rigs: readonly Rig[]) => void;
  applyFleetChanges: (changes: readonly FleetChange[]) => void;
  /** The actions below resolve to null on success, or the engine's error value for the caller to show. */
  renameRig: (rigId: RigId, name: string) => Promise<ApiErrorValue | null>;
  pollRigNow: (rigId: RigId) => Promise<ApiErrorValue | null>;
  removeRig: (rigId: RigId) => Promise<ApiErrorValue | null>;
}

export function createFleetSlice(client: EngineClient): SliceCreator<FleetSlice> {
  return (set, get) => {
    /** Ticked rigs that are gone are unticked: a bulk change must never reach a rig the table no longer shows. */
    const checkedStillThere = (rigsById: RigsById): ReadonlySet<RigId> => {
      const { checkedRigIds } = get();
      if (checkedRigIds.size === 0) return checkedRigIds;
      const kept = [...checkedRigIds].filter((rigId) => Object.hasOwn(rigsById, rigId));
      if (kept.length === checkedRigIds.size) return checkedRigIds;
      return kept.length === 0 ? NO_CHECKED_RIGS : new Set(kept);
    };

    const applyChanges = (changes: readonly FleetChange[]): void => {
      const { rigsById, selectedRigId, capabilitiesByRig } = get();
      const next = applyFleetChanges(rigsById, changes);
      if (next === rigsById) return;
      // A removed rig cannot stay open in the detail panel.
      const selectionGone = selectedRigId !== null && !Object.hasOwn(next, selectedRigId);
      set({
        rigsById: next,
        selectedRigId: selectionGone ? null : selectedRigId,
        checkedRigIds: checkedStillThere(next),
        capabilitiesByRig: dropStaleCapabilities(capabilitiesByRig, rigsById, changes),
      });
    };

    return {
      rigsById: {},
      fleetLoaded: false,
      replaceFleet: (rigs) => {
        const rigsById = rigsByIdFromList(rigs);
        const { selectedRigId, capabilitiesByRig, rigsById: before } = get();
        const keepSelection = selectedRigId !== null && Object.hasOwn(rigsById, selectedRigId);
        set({
          rigsById,
          fleetLoaded: true,
          selectedRigId: keepSelection ? selectedRigId : null,
          checkedRigIds: checkedStillThere(rigsById),
          capabilitiesByRig: capabilitiesStillValid(capabilitiesByRig, before, rigsById),
        });
      },
      applyFleetChanges: applyChanges,
      renameRig: async (rigId, name) => {
        const outcome = await client.call('fleet.rename', { rigId, name });
        if (outcome.error) return outcome.error;
        applyChanges([{ kind: 'updated', rig: outcome.data }]);
        return null;
      },
      pollRigNow: async (rigId) => {
        const outcome = await client.call('fleet.pollNow', { rigId });
        if (outcome.error) return outcome.error;
        applyChanges([{ kind: 'updated', rig: outcome.data }]);
        return null;
      },
      removeRig: async (rigId) => {
        const outcome = await client.call('fleet.remove', { rigId });
        if (outcome.error) return outcome.error;
        applyChanges([{ kind: 'removed', rigId }]);
        return null;
      },
    };
  };
}
