import type { AuditEntry, RigId } from '../../../src-shared/model/index.js';
import type { ActivityFilter, AuditResultFilter } from '../../store/audit-entries.js';
import type { RigsById } from '../../store/fleet-changes.js';

/** The result filter buttons, in the order shown: outcomes first, 'started' (the trace written before a change) last. */
export const RESULT_FILTERS: readonly AuditResultFilter[] = [
  'all',
  'applied',
  'refused',
  'failed',
  'rolled-back',
  'rollback-failed',
  'started',
];

function matchesRig(entry: AuditEntry, rigId: RigId | null): boolean {
  return rigId === null || entry.rigId === rigId;
}

/** The entries to show, still newest first. Returns the same array when nothing is filtered out. */
export function filterAudit(entries: readonly AuditEntry[], filter: ActivityFilter): readonly AuditEntry[] {
  if (filter.rigId === null && filter.result === 'all') return entries;
  return entries.filter(
    (entry) => matchesRig(entry, filter.rigId) && (filter.result === 'all' || entry.result === filter.result),
  );
}

/** How many entries each result button would show, given the rig filter (so the counts add up to what is listed). */
export function countByResult(
  entries: readonly AuditEntry[],
  rigId: RigId | null,
): Readonly<Record<AuditResultFilter, number>> {
  const counts: Record<AuditResultFilter, number> = {
    all: 0,
    applied: 0,
    refused: 0,
    failed: 0,
    'rolled-back': 0,
    'rollback-failed': 0,
    started: 0,
  };
  for (const entry of entries) {
    if (!matchesRig(entry, rigId)) continue;
    counts.all += 1;
    counts[entry.result] += 1;
  }
  return counts;
}

export interface RigOption {
  rigId: RigId;
  name: string;
  /** The rig was removed from the fleet; its entries stay in the log under the name it had then. */
  removed: boolean;
}

/** Every rig the filter can pick: the fleet's rigs and any rig that appears in the log, by name. */
export function rigOptions(entries: readonly AuditEntry[], rigsById: RigsById): RigOption[] {
  const options = new Map<RigId, RigOption>();
  for (const rig of Object.values(rigsById)) options.set(rig.id, { rigId: rig.id, name: rig.name, removed: false });
  for (const entry of entries) {
    if (!options.has(entry.rigId)) options.set(entry.rigId, { rigId: entry.rigId, name: entry.rigName, removed: true });
  }
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...options.values()].sort((a, b) => collator.compare(a.name, b.name));
}
