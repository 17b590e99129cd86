import type { ApiErrorValue, MethodResult } from '../../src-shared/api/index.js';
import type { RigId, RigIdentity } from '../../src-shared/model/index.js';
import type { FleetChange, RigsById } from './fleet-changes.js';

/** What `rig.capabilities` says about one rig: what can be changed, and whether its credential is set. */
export type RigCapabilities = MethodResult<'rig.capabilities'>;

export type CapabilityEntry =
  /** `previous`: the answer before this fetch, still shown meanwhile (null on a first fetch). */
  | { status: 'loading'; previous: RigCapabilities | null }
  | { status: 'ready'; value: RigCapabilities }
  | { status: 'failed'; error: ApiErrorValue };

export type CapabilityCache = Readonly<Record<RigId, CapabilityEntry>>;

/**
 * Capabilities follow from who a rig is (family, model, firmware): a rig re-identified after a firmware update, or
 * swapped for another at the same address, may be able to do different things.
 */
export function sameIdentity(a: RigIdentity, b: RigIdentity): boolean {
  return (
    a.family === b.family &&
    a.make === b.make &&
    a.model === b.model &&
    a.firmware === b.firmware &&
    a.apiVersion === b.apiVersion &&
    a.host === b.host &&
    a.port === b.port &&
    a.mac === b.mac &&
    a.serial === b.serial
  );
}

function without(cache: CapabilityCache, stale: readonly RigId[]): CapabilityCache {
  if (stale.length === 0) return cache;
  const next = { ...cache };
  for (const rigId of stale) delete next[rigId];
  return next;
}

/** Forgets what was learned about rigs that were removed or whose identity changed in this batch of fleet changes. */
export function dropStaleCapabilities(
  cache: CapabilityCache,
  before: RigsById,
  changes: readonly FleetChange[],
): CapabilityCache {
  const stale: RigId[] = [];
  for (const change of changes) {
    const rigId = change.kind === 'updated' ? change.rig.id : change.rigId;
    if (!Object.hasOwn(cache, rigId)) continue;
    const previous = before[rigId];
    if (change.kind === 'removed' || previous === undefined || !sameIdentity(previous.identity, change.rig.identity)) {
      stale.push(rigId);
    }
  }
  return without(cache, stale);
}

/** After a full fleet reload: keeps only entries for rigs still there with the same identity. */
export function capabilitiesStillValid(cache: CapabilityCache, before: RigsById, after: RigsById): CapabilityCache {
  const stale = Object.keys(cache).filter((rigId) => {
    const previous = before[rigId];
    const current = after[rigId];
    return previous === undefined || current === undefined || !sameIdentity(previous.identity, current.identity);
  });
  return without(cache, stale);
}

/** The latest known answer for a rig: the current one, or the previous one while it is being fetched again. */
export function knownCapabilities(entry: CapabilityEntry | undefined): RigCapabilities | null {
  if (entry?.status === 'ready') return entry.value;
  if (entry?.status === 'loading') return entry.previous;
  return null;
}
