import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { RigId } from '../../src-shared/model/index.js';
import type {
  DeviceTuning,
  FingerprintResult,
  OptimizerDecision,
  OptimizerSettings,
  SiteState,
} from '../../src-shared/model/optimizer.js';
import type { SliceCreator } from './app-state.js';
import {
  mergeDecisions,
  mergeDevices,
  newerSite,
  replaceDevices,
  withRigExcluded,
  withoutDevice,
} from './optimizer-status.js';
import type { DevicesById } from './optimizer-status.js';

/** `optimizer.retune` takes at most this many rigs per call (src-shared/api/methods.ts). */
const RETUNE_BATCH = 1000;

/** One rig's learned curves as the Tuning section shows them. */
export interface FingerprintEntry {
  /** The version asked for; null: the newest. */
  version: number | null;
  state: 'loading' | 'ready' | 'failed';
  /** The last answer, kept on screen while the next one loads (a new version after a step, another version picked). */
  result: FingerprintResult | null;
  error: ApiErrorValue | null;
  loadId: number;
}

export interface OptimizerSlice {
  /** null until the engine has said (`optimizer.status` or an `optimizer.site` event). */
  optimizerSite: SiteState | null;
  /** Every device the optimizer knows, by rig. */
  optimizerDevices: DevicesById;
  /** Newest first, the newest KEPT_DECISIONS. */
  optimizerDecisions: readonly OptimizerDecision[];
  /** null until loaded: the form must not show defaults the engine is not using. */
  optimizerSettings: OptimizerSettings | null;
  /** False until the first `optimizer.status` answer: no devices before then means "not known yet". */
  optimizerLoaded: boolean;
  /** Why the optimizer's state could not be read; shown in the Optimizer view, not as a sync failure of the app. */
  optimizerError: ApiErrorValue | null;
  /** Held only for rigs whose panel shows them (released when the Tuning section unmounts). */
  fingerprints: Readonly<Record<RigId, FingerprintEntry>>;
  receiveOptimizerDevices: (devices: readonly DeviceTuning[]) => void;
  receiveOptimizerDecisions: (decisions: readonly OptimizerDecision[]) => void;
  receiveOptimizerSite: (site: SiteState) => void;
  receiveOptimizerSettings: (settings: OptimizerSettings) => void;
  /** The rig left the fleet: the engine sends no optimizer event for that, so its device row goes here. */
  forgetOptimizerDevice: (rigId: RigId) => void;
  /** Status and settings, on (re)connect; resolves to null, or the first error. */
  loadOptimizer: () => Promise<ApiErrorValue | null>;
  /** Sends the whole settings object (the contract has no patch); null when saved, or the engine's error value. */
  saveOptimizerSettings: (settings: OptimizerSettings) => Promise<ApiErrorValue | null>;
  /**
   * Leaves one rig to the optimizer or out of it: the settings the engine has now with that one change, so a toggle
   * never sends back a stale copy of the rest.
   */
  setRigExcluded: (rigId: RigId, excluded: boolean) => Promise<ApiErrorValue | null>;
  retune: (rigIds: readonly RigId[]) => Promise<ApiErrorValue | null>;
  loadFingerprint: (rigId: RigId, version?: number) => Promise<ApiErrorValue | null>;
  releaseFingerprint: (rigId: RigId) => void;
  /** After a reconnect: every fingerprint on screen again, at the version it shows. */
  reloadFingerprints: () => void;
}

export function createOptimizerSlice(client: EngineClient): SliceCreator<OptimizerSlice> {
  return (set, get) => {
    let lastLoadId = 0;
    const nextLoadId = (): number => (lastLoadId += 1);
    // Only the newest loadOptimizer may write: a slow answer from before a reconnect would undo a newer one.
    let statusLoadId = 0;

    const loadFingerprint = async (rigId: RigId, version?: number): Promise<ApiErrorValue | null> => {
      const loadId = nextLoadId();
      const held = get().fingerprints[rigId];
      set({
        fingerprints: {
          ...get().fingerprints,
          [rigId]: { version: version ?? null, state: 'loading', result: held?.result ?? null, error: null, loadId },
        },
      });
      const outcome = await client.call(
        'optimizer.fingerprint',
        version === undefined ? { rigId } : { rigId, version },
      );
      const current = get().fingerprints[rigId];
      // Released (panel closed) or superseded by a later load: this answer is for nobody.
      if (current?.loadId !== loadId) return outcome.error ?? null;
      const entry: FingerprintEntry = outcome.error
        ? { ...current, state: 'failed', error: outcome.error }
        : { ...current, state: 'ready', result: outcome.data, error: null };
      set({ fingerprints: { ...get().fingerprints, [rigId]: entry } });
      return outcome.error ?? null;
    };

    const saveOptimizerSettings = async (settings: OptimizerSettings): Promise<ApiErrorValue | null> => {
      const outcome = await client.call('optimizer.updateSettings', { settings });
      if (outcome.error) return outcome.error;
      set({ optimizerSettings: outcome.data });
      return null;
    };

    return {
      optimizerSite: null,
      optimizerDevices: {},
      optimizerDecisions: [],
      optimizerSettings: null,
      optimizerLoaded: false,
      optimizerError: null,
      fingerprints: {},
      receiveOptimizerDevices: (devices) => {
        const next = mergeDevices(get().optimizerDevices, devices);
        if (next !== get().optimizerDevices) set({ optimizerDevices: next });
      },
      receiveOptimizerDecisions: (decisions) => {
        const next = mergeDecisions(get().optimizerDecisions, decisions);
        if (next !== get().optimizerDecisions) set({ optimizerDecisions: next });
      },
      receiveOptimizerSite: (site) => set({ optimizerSite: newerSite(get().optimizerSite, site) }),
      receiveOptimizerSettings: (optimizerSettings) => set({ optimizerSettings }),
      forgetOptimizerDevice: (rigId) => {
        const next = withoutDevice(get().optimizerDevices, rigId);
        if (next !== get().optimizerDevices) set({ optimizerDevices: next });
      },
      loadOptimizer: async () => {
        statusLoadId += 1;
        const loadId = statusLoadId;
        const [status, settings] = await Promise.all([
          client.call('optimizer.status', {}),
          client.call('optimizer.settings', {}),
        ]);
        if (loadId !== statusLoadId) return null;
        const error = status.error ?? settings.error ?? null;
        set({ optimizerError: error });
        if (settings.data !== undefined) set({ optimizerSettings: settings.data });
        if (status.data !== undefined) {
          set({
            optimizerSite: newerSite(get().optimizerSite, status.data.site),
            optimizerDevices: replaceDevices(get().optimizerDevices, status.data.devices),
            optimizerDecisions: mergeDecisions(get().optimizerDecisions, status.data.decisions),
            optimizerLoaded: true,
          });
        }
        return error;
      },
      saveOptimizerSettings,
      setRigExcluded: async (rigId, excluded) => {
        const settings = get().optimizerSettings;
        // No settings yet: the toggles are not offered until they arrive.
        if (settings === null) return null;
        const next = withRigExcluded(settings, rigId, excluded);
        return next === settings ? null : saveOptimizerSettings(next);
      },
      retune: async (rigIds) => {
        for (let start = 0; start < rigIds.length; start += RETUNE_BATCH) {
          const outcome = await client.call('optimizer.retune', { rigIds: rigIds.slice(start, start + RETUNE_BATCH) });
          if (outcome.error) return outcome.error;
        }
        return null;
      },
      loadFingerprint,
      releaseFingerprint: (rigId) => {
        if (get().fingerprints[rigId] === undefined) return;
        const next = { ...get().fingerprints };
        delete next[rigId];
        set({ fingerprints: next });
      },
      reloadFingerprints: () => {
        for (const [rigId, entry] of Object.entries(get().fingerprints)) {
          void loadFingerprint(rigId, entry.version ?? undefined);
        }
      },
    };
  };
}
