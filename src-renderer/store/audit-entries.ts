import type { AuditEntry } from '../../src-shared/model/index.js';

/** As many entries as the engine keeps in memory: more could never be loaded again after a reconnect anyway. */
export const KEPT_AUDIT_ENTRIES = 5000;

function newestFirst(a: AuditEntry, b: AuditEntry): number {
  return b.at - a.at;
}

/**
 * Adds entries (live `audit.recorded` events, or a page from `audit.list`) to a newest-first list, once each, and
 * returns the same array when nothing was new. Entries are immutable records, so an id seen once is never updated.
 */
export function mergeAuditEntries(
  entries: readonly AuditEntry[],
  incoming: readonly AuditEntry[],
  cap = KEPT_AUDIT_ENTRIES,
): readonly AuditEntry[] {
  const known = new Set(entries.map((entry) => entry.id));
  const fresh = incoming.filter((entry) => {
    if (known.has(entry.id)) return false;
    known.add(entry.id);
    return true;
  });
  if (fresh.length === 0) return entries;
  // The usual case, a live entry newer than everything shown, needs no sort; a rig's older page merged in does.
  fresh.sort(newestFirst);
  const first = entries[0];
  const last = fresh[fresh.length - 1];
  const merged =
    first === undefined || (last !== undefined && last.at >= first.at)
      ? [...fresh, ...entries]
      : [...fresh, ...entries].sort(newestFirst);
  return merged.length > cap ? merged.slice(0, cap) : merged;
}

export type AuditResult = AuditEntry['result'];
/** The Activity view's result filter: one result, or every entry. */
export type AuditResultFilter = AuditResult | 'all';

export interface ActivityFilter {
  rigId: string | null;
  result: AuditResultFilter;
}
