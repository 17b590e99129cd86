import type { ApiErrorValue, EngineClient, MethodParams } from '../../src-shared/api/index.js';
import type { CredentialKind, RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { knownCapabilities } from './capability-cache.js';
import type { CapabilityCache, CapabilityEntry } from './capability-cache.js';

export type CredentialScope = MethodParams<'credentials.set'>['scope'];

/** Requests in flight at once when a whole selection is checked: keeps a 1,000-rig select-all from flooding the link. */
const CAPABILITY_REQUESTS_AT_ONCE = 16;

export interface CapabilitiesSlice {
  /** What each rig can change, fetched on demand; dropped when a rig's identity changes and on every reconnect. */
  capabilitiesByRig: CapabilityCache;
  /** Fetches what is not cached yet (failed fetches stay failed until refreshed). */
  ensureCapabilities: (rigIds: readonly RigId[]) => Promise<void>;
  /** Fetches again, showing the previous answer meanwhile (after a credential changed). */
  refreshCapabilities: (rigIds: readonly RigId[]) => Promise<void>;
  forgetCapabilities: () => void;
  /** Write-only: the secret goes to the engine and is never kept or shown here. */
  setCredential: (scope: CredentialScope, kind: CredentialKind, secret: string) => Promise<ApiErrorValue | null>;
  clearCredential: (scope: CredentialScope, kind: CredentialKind) => Promise<ApiErrorValue | null>;
}

export function createCapabilitiesSlice(client: EngineClient): SliceCreator<CapabilitiesSlice> {
  return (set, get) => {
    const fetchAll = async (rigIds: readonly RigId[]): Promise<void> => {
      if (rigIds.length === 0) return;
      // Each loading entry is its own object: a reply is stored only if its entry is still there, so one that comes
      // back after the rig was re-identified (or the link reconnected) cannot put stale capabilities in the cache.
      const loading = new Map<RigId, CapabilityEntry>();
      const cache = get().capabilitiesByRig;
      for (const rigId of rigIds) loading.set(rigId, { status: 'loading', previous: knownCapabilities(cache[rigId]) });
      set({ capabilitiesByRig: { ...cache, ...Object.fromEntries(loading) } });
      for (let start = 0; start < rigIds.length; start += CAPABILITY_REQUESTS_AT_ONCE) {
        const chunk = rigIds.slice(start, start + CAPABILITY_REQUESTS_AT_ONCE);
        const outcomes = await Promise.all(chunk.map((rigId) => client.call('rig.capabilities', { rigId })));
        const now = get().capabilitiesByRig;
        const next: Record<RigId, CapabilityEntry> = { ...now };
        let changed = false;
        chunk.forEach((rigId, index) => {
          const outcome = outcomes[index];
          if (outcome === undefined || now[rigId] !== loading.get(rigId)) return;
          next[rigId] = outcome.error
            ? { status: 'failed', error: outcome.error }
            : { status: 'ready', value: outcome.data };
          changed = true;
        });
        if (changed) set({ capabilitiesByRig: next });
      }
    };

    /** The rigs a credential scope covers whose capabilities were asked for: their credential status just changed. */
    const rigsCoveredBy = (scope: CredentialScope): RigId[] => {
      if ('rigId' in scope) return [scope.rigId];
      const { rigsById, capabilitiesByRig } = get();
      return Object.keys(capabilitiesByRig).filter((rigId) => rigsById[rigId]?.identity.family === scope.family);
    };

    return {
      capabilitiesByRig: {},
      ensureCapabilities: (rigIds) => {
        const cache = get().capabilitiesByRig;
        return fetchAll(rigIds.filter((rigId) => cache[rigId] === undefined));
      },
      refreshCapabilities: (rigIds) => fetchAll(rigIds),
      forgetCapabilities: () => set({ capabilitiesByRig: {} }),
      setCredential: async (scope, kind, secret) => {
        const outcome = await client.call('credentials.set', { scope, kind, secret });
        if (outcome.error) return outcome.error;
        await fetchAll(rigsCoveredBy(scope));
        return null;
      },
      clearCredential: async (scope, kind) => {
        const outcome = await client.call('credentials.clear', { scope, kind });
        if (outcome.error) return outcome.error;
        await fetchAll(rigsCoveredBy(scope));
        return null;
      },
    };
  };
}
