import type { RigId } from '../../src-shared/model/index.js';
import type {
  DeviceTuning,
  OptimizerDecision,
  OptimizerSettings,
  SiteState,
} from '../../src-shared/model/optimizer.js';

export type DevicesById = Readonly<Record<RigId, DeviceTuning>>;

/** The decisions list shows this many; the engine's `optimizer.status` sends its recent ones on every (re)connect. */
export const KEPT_DECISIONS = 200;

/**
 * Applies device updates (batched `optimizer.device` events) by rig. A copy older than the one held is ignored: the
 * `optimizer.status` answer and the events travel separately, and an event sent after the status was read may arrive
 * before it. Returns the same map when nothing changed, so only the rows of devices that changed re-render.
 */
export function mergeDevices(byId: DevicesById, incoming: Iterable<DeviceTuning>): DevicesById {
  let next: Record<RigId, DeviceTuning> | null = null;
  for (const device of incoming) {
    const current = (next ?? byId)[device.rigId];
    if (current !== undefined && current.updatedAt > device.updatedAt) continue;
    next ??= { ...byId };
    next[device.rigId] = device;
  }
  return next ?? byId;
}

/**
 * A fresh `optimizer.status` lists every device the optimizer knows: devices it no longer lists go, and for the ones
 * it lists the newer copy wins (see mergeDevices).
 */
export function replaceDevices(byId: DevicesById, listed: readonly DeviceTuning[]): DevicesById {
  const next: Record<RigId, DeviceTuning> = {};
  for (const device of listed) {
    const current = byId[device.rigId];
    next[device.rigId] = current !== undefined && current.updatedAt > device.updatedAt ? current : device;
  }
  return next;
}

export function withoutDevice(byId: DevicesById, rigId: RigId): DevicesById {
  if (byId[rigId] === undefined) return byId;
  const next = { ...byId };
  delete next[rigId];
  return next;
}

/** Newest first; decisions made in the same millisecond (one planning round) keep a stable order by id. */
function newestFirst(a: OptimizerDecision, b: OptimizerDecision): number {
  return b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Whether `incoming` should replace the copy held. A decision arrives once when made (pending) and again under the
 * same id when the command queue has finished it; a pending copy (from a status read before the outcome) must never
 * overwrite a known outcome.
 */
function replaces(current: OptimizerDecision, incoming: OptimizerDecision): boolean {
  return !(current.outcome !== 'pending' && incoming.outcome === 'pending');
}

/**
 * Adds decisions (events, or the recent ones in `optimizer.status`) to a newest-first list, replacing any with the
 * same id, and keeps the newest `cap`. Returns the same array when nothing changed.
 */
export function mergeDecisions(
  decisions: readonly OptimizerDecision[],
  incoming: Iterable<OptimizerDecision>,
  cap = KEPT_DECISIONS,
): readonly OptimizerDecision[] {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  let changed = false;
  for (const decision of incoming) {
    const current = byId.get(decision.id);
    if (current === decision || (current !== undefined && !replaces(current, decision))) continue;
    byId.set(decision.id, decision);
    changed = true;
  }
  if (!changed) return decisions;
  const merged = [...byId.values()].sort(newestFirst);
  return merged.length > cap ? merged.slice(0, cap) : merged;
}

/** The site state with the later `at`: a status answer read before the last `optimizer.site` event is older. */
export function newerSite(current: SiteState | null, incoming: SiteState): SiteState {
  return current !== null && current.at > incoming.at ? current : incoming;
}

/** The settings with one rig left to the optimizer or left alone; the same object when nothing changes. */
export function withRigExcluded(settings: OptimizerSettings, rigId: RigId, excluded: boolean): OptimizerSettings {
  const listed = settings.excludedRigs.includes(rigId);
  if (listed === excluded) return settings;
  const excludedRigs = excluded
    ? [...settings.excludedRigs, rigId]
    : settings.excludedRigs.filter((id) => id !== rigId);
  return { ...settings, excludedRigs };
}
