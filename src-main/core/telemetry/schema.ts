// The history database's schema, as numbered migrations applied in order at start-up (PRAGMA user_version holds the
// number of the last one applied). Never edit a migration that has shipped: add the next one.
//
// Tables keyed by k = rig * 2^32 + seconds: a rig's rows sit together in time order in the table's own b-tree, so a
// rig's chart is one contiguous range read and no separate index is needed. Rig 0 is the fleet's totals.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE rig (id INTEGER PRIMARY KEY, rig_id TEXT NOT NULL UNIQUE);
  CREATE TABLE layout (id INTEGER PRIMARY KEY, keys TEXT NOT NULL UNIQUE);
  CREATE TABLE raw (k INTEGER PRIMARY KEY, layout INTEGER NOT NULL, data BLOB NOT NULL);
  CREATE TABLE rollup_1m (k INTEGER PRIMARY KEY, layout INTEGER NOT NULL, frames INTEGER NOT NULL, data BLOB NOT NULL);
  CREATE TABLE rollup_1h (k INTEGER PRIMARY KEY, layout INTEGER NOT NULL, frames INTEGER NOT NULL, data BLOB NOT NULL);
  CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    t INTEGER NOT NULL,
    rig INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    audit_id TEXT
  );
  CREATE INDEX event_by_time ON event (t);
  CREATE INDEX event_by_rig ON event (rig, t);
  -- How far rollups have been closed (seconds): on start-up, the open buckets are rebuilt from what lies after.
  CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Rig key 0 holds the fleet's totals. */
export const FLEET_RIG = 0;
export const KEY_SPAN = 2 ** 32;

export function rowKey(rig: number, seconds: number): number {
  return rig * KEY_SPAN + seconds;
}

export function rowSeconds(key: number): number {
  return key % KEY_SPAN;
}
