import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { Rig, RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { applyFleetChanges, rigsByIdFromList } from './fleet-changes.js';
import type { FleetChange, RigsById } from './fleet-changes.js';

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
    const applyChanges = (changes: readonly FleetChange[]): void => {
      const { rigsById, selectedRigId } = get();
      const next = applyFleetChanges(rigsById, changes);
      if (next === rigsById) return;
      // A removed rig cannot stay open in the detail panel.
      const selectionGone = selectedRigId !== null && !Object.hasOwn(next, selectedRigId);
      set(selectionGone ? { rigsById: next, selectedRigId: null } : { rigsById: next });
    };

    return {
      rigsById: {},
      fleetLoaded: false,
      replaceFleet: (rigs) => {
        const rigsById = rigsByIdFromList(rigs);
        const { selectedRigId } = get();
        const keepSelection = selectedRigId !== null && Object.hasOwn(rigsById, selectedRigId);
        set({ rigsById, fleetLoaded: true, selectedRigId: keepSelection ? selectedRigId : null });
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
