// Deletes history older than the operator's retention, one rig and table at a time, pausing between steps so the
// worker keeps answering chart queries while a large prune runs.
import { FLEET_RIG, rowKey } from './schema.js';
import type { Retention } from './history-queries.js';
import type { TelemetryDb } from './telemetry-db.js';

const DAY_MS = 86_400_000;

export interface PruneResult {
  deleted: number;
}

export async function pruneHistory(
  store: TelemetryDb,
  retention: Retention,
  nowMs: number,
  pause: () => Promise<void>,
): Promise<PruneResult> {
  const cutoff = (days: number): number | null => (days === 0 ? null : Math.floor((nowMs - days * DAY_MS) / 1000));
  const plans: { table: string; before: number | null }[] = [
    { table: 'raw', before: cutoff(retention.rawDays) },
    { table: 'rollup_1m', before: cutoff(retention.minuteDays) },
    { table: 'rollup_1h', before: cutoff(retention.hourDays) },
  ];
  let deleted = 0;
  const rigs = [FLEET_RIG, ...store.rigs().map((rig) => rig.rigKey)];
  for (const { table, before } of plans) {
    if (before === null || before <= 0) continue;
    const statement = store.db.prepare(`DELETE FROM ${table} WHERE k >= ? AND k < ?`);
    for (const rig of rigs) {
      deleted += statement.run(rowKey(rig, 0), rowKey(rig, before)).changes;
      await pause();
    }
  }
  // Events mark charts: they go when the minute history they annotate goes.
  const eventsBefore = cutoff(retention.minuteDays);
  if (eventsBefore !== null) {
    deleted += store.db.prepare('DELETE FROM event WHERE t < ?').run(eventsBefore * 1000).changes;
  }
  return { deleted };
}
