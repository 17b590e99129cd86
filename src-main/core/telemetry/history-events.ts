// What is worth a marker on a rig's charts, derived from the fleet's updates and the audit log: a rig going down or
// coming back, a change of pool, and every finished configuration change (linked to its audit entry).
import type { AuditEntry } from '../../../src-shared/model/control.js';
import type { Rig, RigStatus } from '../../../src-shared/model/rig.js';
import type { HistoryEventInput } from './telemetry-protocol.js';

export interface RigMemory {
  status: RigStatus;
  poolUrl: string | null;
}

function activePoolUrl(rig: Rig): string | null {
  return rig.snapshot?.pools.find((pool) => pool.active)?.url ?? null;
}

export function rememberRig(rig: Rig): RigMemory {
  return { status: rig.status, poolUrl: activePoolUrl(rig) };
}

/** Events between what was remembered of a rig and its update; none for a rig seen for the first time. */
export function eventsFromUpdate(before: RigMemory | undefined, rig: Rig, at: number): HistoryEventInput[] {
  if (!before) return [];
  const events: HistoryEventInput[] = [];
  const base = { t: at, rigId: rig.id, auditId: null };
  if (before.status !== rig.status && rig.status !== 'pending') {
    const why = rig.problem ? `: ${rig.problem.message}` : '';
    if (rig.status === 'down') events.push({ ...base, kind: 'down', message: `Stopped answering${why}` });
    else if (rig.status === 'error') events.push({ ...base, kind: 'error', message: `Answers with errors${why}` });
    else if (before.status === 'down' || before.status === 'error') {
      events.push({ ...base, kind: 'up', message: 'Answering again' });
    }
  }
  const poolUrl = activePoolUrl(rig);
  if (rig.status === 'up' && poolUrl !== null && before.poolUrl !== null && poolUrl !== before.poolUrl) {
    events.push({ ...base, kind: 'pool', message: `Mining on ${poolUrl} (was ${before.poolUrl})` });
  }
  return events;
}

const RESULT_WORDS: Record<Exclude<AuditEntry['result'], 'started'>, string> = {
  applied: 'Applied',
  refused: 'Refused',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
  'rollback-failed': 'Rollback failed',
};

function describe(change: Record<string, unknown>): string {
  switch (change['kind']) {
    case 'pools':
      return 'pool settings';
    case 'powerTarget':
      return `power target ${String(change['watts'])} W`;
    case 'frequency':
      return `frequency ${String(change['mhz'])} MHz`;
    case 'voltage':
      return `voltage ${String(change['millivolts'])} mV`;
    case 'threads':
      return `${String(change['count'])} threads`;
    default:
      return typeof change['kind'] === 'string' ? change['kind'] : 'a change';
  }
}

/** A finished command as a chart marker; 'started' entries are not (the outcome follows). */
export function eventFromAudit(entry: AuditEntry): HistoryEventInput | null {
  if (entry.result === 'started') return null;
  const detail = entry.message ? ` — ${entry.message}` : '';
  return {
    t: entry.at,
    rigId: entry.rigId,
    kind: 'config',
    message: `${RESULT_WORDS[entry.result]}: ${describe(entry.change)} (by ${entry.actor})${detail}`,
    auditId: entry.id,
  };
}
