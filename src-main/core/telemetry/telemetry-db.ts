// The history store: raw frames written in batched transactions, 1-minute and 1-hour rollups kept as the frames
// arrive, and the fleet's totals per minute. Synchronous (better-sqlite3); it runs inside the telemetry worker, and
// directly in tests and benchmarks.
//
// Open buckets live in memory and are closed once the clock has passed their end by a grace period (a slow poll still
// lands in its minute). Raw rows, closed rollups and the "closed through" marks are written in the same
// transaction, so after a crash the open buckets are rebuilt exactly from the raw rows that follow the marks.
import type { FleetMetric, MetricKey } from '../../../src-shared/model/telemetry.js';
import { FleetMetricSchema } from '../../../src-shared/model/telemetry.js';
import type { Db } from './open-database.js';
import { AGGREGATES, bucketStart, RollupAccumulator } from './rollup.js';
import { FLEET_RIG, KEY_SPAN, rowKey, rowSeconds } from './schema.js';

export interface IngestFrame {
  rigId: string;
  /** Epoch milliseconds. */
  t: number;
  keys: readonly MetricKey[];
  values: Float32Array;
}

export interface FleetMinute {
  /** Start of the minute, epoch milliseconds. */
  t: number;
  values: Record<FleetMetric, number | null>;
}

export interface IngestResult {
  written: number;
  /** Frames older than a closed minute: kept as raw rows, left out of rollups. */
  late: number;
  closedMinutes: FleetMinute[];
}

export type RollupTable = 'rollup_1m' | 'rollup_1h';

export const FLEET_KEYS: readonly MetricKey[] = FleetMetricSchema.options;
const MINUTE_S = 60;
/** Longest stretch without a clock tick that still counts as watching the fleet (ticks come every second). */
const MAX_WATCHED_GAP_S = 5 * 60;
const HOUR_S = 3600;

function blobOf(values: Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** A Float32Array over a blob read from SQLite (copied, in one memcpy, when the blob is not 4-byte aligned). */
export function floatsOf(blob: Buffer): Float32Array {
  if (blob.byteOffset % 4 === 0) return new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  return new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

type OpenBuckets = Map<number, Map<number, RollupAccumulator>>;

export class TelemetryDb {
  private readonly rigKeys = new Map<string, number>();
  private readonly rigIds = new Map<number, string>();
  private readonly layoutIds = new Map<string, number>();
  private readonly layoutKeyLists = new Map<number, readonly MetricKey[]>();
  /** Keyed by the key list's identity: stored lists only (layoutKeyLists, FLEET_KEYS), never one per batch. */
  private readonly keyIndexes = new WeakMap<readonly MetricKey[], Map<MetricKey, number>>();
  /** Newest frame written per rig (ms), to tell a reader what an answer already holds. */
  private readonly lastFrameAt = new Map<number, number>();
  /** The clock of the previous batch in this process: a fleet outage is only recorded while we were watching. */
  private lastTickMs: number | null = null;
  /** Minute of the first frame written in this process: minutes before it are not a fleet of zero, just unseen. */
  private firstFrameMinute: number | null = null;
  private readonly openMinutes: OpenBuckets = new Map();
  private readonly openHours: OpenBuckets = new Map();
  /** Seconds: every minute (hour) that starts before this is closed and written. */
  private minuteClosedThrough = 0;
  private hourClosedThrough = 0;
  private readonly statements;

  constructor(
    readonly db: Db,
    private readonly graceMs = 15_000,
  ) {
    this.statements = {
      insertRig: db.prepare<[string], { id: number }>('INSERT INTO rig (rig_id) VALUES (?) RETURNING id'),
      insertLayout: db.prepare<[string], { id: number }>('INSERT INTO layout (keys) VALUES (?) RETURNING id'),
      // A second poll within the same second (a retry racing a scheduled poll) is dropped, in raw and rollups alike.
      insertRaw: db.prepare('INSERT OR IGNORE INTO raw (k, layout, data) VALUES (?, ?, ?)'),
      insert1m: db.prepare('INSERT OR REPLACE INTO rollup_1m (k, layout, frames, data) VALUES (?, ?, ?, ?)'),
      insert1h: db.prepare('INSERT OR REPLACE INTO rollup_1h (k, layout, frames, data) VALUES (?, ?, ?, ?)'),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)'),
      insertEvent: db.prepare('INSERT INTO event (t, rig, kind, message, audit_id) VALUES (?, ?, ?, ?, ?)'),
    };
    this.loadKeys();
    this.rebuildOpenBuckets();
  }

  // ---- keys -------------------------------------------------------------------------------------------------------

  rigKeyOf(rigId: string): number | null {
    return this.rigKeys.get(rigId) ?? null;
  }

  rigIdOf(rigKey: number): string | null {
    return this.rigIds.get(rigKey) ?? null;
  }

  /** Every rig that has history, with its key (the fleet row excluded). */
  rigs(): { rigKey: number; rigId: string }[] {
    return [...this.rigKeys].map(([rigId, rigKey]) => ({ rigId, rigKey }));
  }

  layoutKeys(layoutId: number): readonly MetricKey[] {
    const keys = this.layoutKeyLists.get(layoutId);
    if (!keys) throw new Error(`Unknown layout ${layoutId}`);
    return keys;
  }

  /** Every layout with its id: few (one or two per rig shape), so callers may list them per query. */
  layouts(): { id: number; keys: readonly MetricKey[] }[] {
    return [...this.layoutKeyLists].map(([id, keys]) => ({ id, keys }));
  }

  /** Position of a metric in a layout's key list, or -1. */
  indexOf(keys: readonly MetricKey[], metric: MetricKey): number {
    let index = this.keyIndexes.get(keys);
    if (!index) {
      index = new Map(keys.map((key, position) => [key, position]));
      this.keyIndexes.set(keys, index);
    }
    return index.get(metric) ?? -1;
  }

  private loadKeys(): void {
    for (const row of this.db.prepare<[], { id: number; rig_id: string }>('SELECT id, rig_id FROM rig').all()) {
      this.rigKeys.set(row.rig_id, row.id);
      this.rigIds.set(row.id, row.rig_id);
    }
    for (const row of this.db.prepare<[], { id: number; keys: string }>('SELECT id, keys FROM layout').all()) {
      const keys = JSON.parse(row.keys) as MetricKey[];
      this.layoutIds.set(keys.join(','), row.id);
      this.layoutKeyLists.set(row.id, keys);
    }
  }

  private ensureRig(rigId: string): number {
    const known = this.rigKeys.get(rigId);
    if (known !== undefined) return known;
    const row = this.statements.insertRig.get(rigId);
    if (!row) throw new Error(`Could not register rig ${rigId}`);
    this.rigKeys.set(rigId, row.id);
    this.rigIds.set(row.id, rigId);
    return row.id;
  }

  private ensureLayout(keys: readonly MetricKey[]): number {
    const name = keys.join(',');
    const known = this.layoutIds.get(name);
    if (known !== undefined) return known;
    const row = this.statements.insertLayout.get(JSON.stringify(keys));
    if (!row) throw new Error('Could not register a layout');
    this.layoutIds.set(name, row.id);
    this.layoutKeyLists.set(row.id, keys);
    return row.id;
  }

  /** Layouts met in a failed transaction were rolled back with it: forget them so they are written again. */
  private reloadKeys(): void {
    this.rigKeys.clear();
    this.rigIds.clear();
    this.layoutIds.clear();
    this.layoutKeyLists.clear();
    this.loadKeys();
  }

  // ---- writing ----------------------------------------------------------------------------------------------------

  /**
   * Writes a batch in one transaction and closes the buckets the clock has passed. On failure nothing of the batch
   * is kept and the open buckets are rebuilt from disk, so the caller may simply try the same batch again.
   */
  ingest(frames: readonly IngestFrame[], nowMs: number): IngestResult {
    try {
      return this.db.transaction(() => this.ingestInTransaction(frames, nowMs))();
    } catch (error) {
      this.reloadKeys();
      this.rebuildOpenBuckets();
      throw error;
    }
  }

  /** Closes buckets by the clock alone (no frames came: every rig down, or the app idle). */
  advance(nowMs: number): FleetMinute[] {
    return this.ingest([], nowMs).closedMinutes;
  }

  /** Stores a chart marker; returns its id. */
  recordEvent(event: { t: number; rigId: string; kind: string; message: string; auditId: string | null }): number {
    return this.db.transaction(() => {
      const rig = this.ensureRig(event.rigId);
      const result = this.statements.insertEvent.run(event.t, rig, event.kind, event.message, event.auditId);
      return Number(result.lastInsertRowid);
    })();
  }

  private ingestInTransaction(frames: readonly IngestFrame[], nowMs: number): IngestResult {
    let late = 0;
    let written = 0;
    for (const frame of frames) {
      const rig = this.ensureRig(frame.rigId);
      const layout = this.ensureLayout(frame.keys);
      // The stored copy: frames that crossed from the main thread carry a fresh key array every batch.
      const keys = this.layoutKeys(layout);
      const seconds = Math.floor(frame.t / 1000);
      if (this.statements.insertRaw.run(rowKey(rig, seconds), layout, blobOf(frame.values)).changes === 0) continue;
      written += 1;
      this.lastFrameAt.set(rig, Math.max(this.lastFrameAt.get(rig) ?? 0, seconds * 1000));
      const minute = bucketStart(seconds, MINUTE_S);
      this.firstFrameMinute ??= minute;
      if (minute < this.minuteClosedThrough) {
        late += 1;
        continue;
      }
      const accumulator = this.accumulatorFor(this.openMinutes, minute, rig, keys);
      accumulator.addFrame(this.remap(keys, frame.values, accumulator.keys));
    }
    const closedMinutes = this.closeMinutes(nowMs);
    this.closeHours(nowMs);
    return { written, late, closedMinutes };
  }

  private accumulatorFor(
    buckets: OpenBuckets,
    start: number,
    rig: number,
    keys: readonly MetricKey[],
  ): RollupAccumulator {
    let rigs = buckets.get(start);
    if (!rigs) {
      rigs = new Map();
      buckets.set(start, rigs);
    }
    let accumulator = rigs.get(rig);
    if (!accumulator) {
      accumulator = new RollupAccumulator(keys);
      rigs.set(rig, accumulator);
    }
    return accumulator;
  }

  /**
   * Values in one layout rearranged into another. A rig's layout changes at most a few times (a key it had not
   * reported before appears); within an open bucket the bucket's first layout wins and new keys wait for the next.
   */
  private remap(from: readonly MetricKey[], values: Float32Array, to: readonly MetricKey[]): Float32Array {
    if (from === to) return values;
    const out = new Float32Array(to.length).fill(Number.NaN);
    to.forEach((key, position) => {
      const source = this.indexOf(from, key);
      if (source >= 0) out[position] = values[source] ?? Number.NaN;
    });
    return out;
  }

  private remapRollup(from: readonly MetricKey[], row: Float32Array, to: readonly MetricKey[]): Float32Array {
    if (from === to) return row;
    const out = new Float32Array(to.length * AGGREGATES).fill(Number.NaN);
    to.forEach((key, position) => {
      const source = this.indexOf(from, key);
      if (source < 0) return;
      for (let a = 0; a < AGGREGATES; a++) out[position * AGGREGATES + a] = row[source * AGGREGATES + a] ?? Number.NaN;
    });
    return out;
  }

  private closeMinutes(nowMs: number): FleetMinute[] {
    const closable = Math.floor((nowMs - this.graceMs) / 1000);
    const closed: FleetMinute[] = [];
    const due = new Set([...this.openMinutes.keys()].filter((minute) => minute + MINUTE_S <= closable));
    // While the clock runs without a gap (the app was up), a minute in which no rig answered is a fleet of zero,
    // not a hole: written so "rigs up" shows the outage. After a gap (the app was closed) nothing is made up.
    const watching = this.lastTickMs !== null && nowMs - this.lastTickMs <= MAX_WATCHED_GAP_S * 1000;
    this.lastTickMs = nowMs;
    if (watching && this.firstFrameMinute !== null) {
      const since = Math.max(this.minuteClosedThrough, this.firstFrameMinute);
      for (let minute = since; minute + MINUTE_S <= closable; minute += MINUTE_S) due.add(minute);
    }
    for (const minute of [...due].sort((a, b) => a - b)) {
      const rigs = this.openMinutes.get(minute) ?? new Map<number, RollupAccumulator>();
      this.openMinutes.delete(minute);
      const hour = bucketStart(minute, HOUR_S);
      for (const [rig, accumulator] of rigs) {
        const row = accumulator.toRow();
        this.statements.insert1m.run(
          rowKey(rig, minute),
          this.ensureLayout(accumulator.keys),
          accumulator.frames,
          blobOf(row),
        );
        const hourly = this.accumulatorFor(this.openHours, hour, rig, accumulator.keys);
        hourly.addRollup(this.remapRollup(accumulator.keys, row, hourly.keys), accumulator.frames);
      }
      const fleet = this.fleetTotals(rigs);
      const fleetRow = fleetRowOf(fleet);
      this.statements.insert1m.run(rowKey(FLEET_RIG, minute), this.ensureLayout(FLEET_KEYS), 1, blobOf(fleetRow));
      this.accumulatorFor(this.openHours, hour, FLEET_RIG, FLEET_KEYS).addRollup(fleetRow, 1);
      closed.push({ t: minute * 1000, values: fleet });
    }
    const through = Math.max(this.minuteClosedThrough, bucketStart(closable, MINUTE_S));
    if (through !== this.minuteClosedThrough) {
      this.minuteClosedThrough = through;
      this.statements.setMeta.run('minute_closed_through', through);
    }
    return closed;
  }

  private closeHours(nowMs: number): void {
    const closable = Math.floor((nowMs - this.graceMs) / 1000);
    for (const hour of [...this.openHours.keys()].sort((a, b) => a - b)) {
      // An hour closes after its last minute has: both wait for the same grace.
      if (hour + HOUR_S > closable || hour + HOUR_S > this.minuteClosedThrough) continue;
      for (const [rig, accumulator] of this.openHours.get(hour) ?? []) {
        this.statements.insert1h.run(
          rowKey(rig, hour),
          this.ensureLayout(accumulator.keys),
          accumulator.frames,
          blobOf(accumulator.toRow()),
        );
      }
      this.openHours.delete(hour);
    }
    const through = Math.max(this.hourClosedThrough, bucketStart(Math.min(closable, this.minuteClosedThrough), HOUR_S));
    if (through !== this.hourClosedThrough) {
      this.hourClosedThrough = through;
      this.statements.setMeta.run('hour_closed_through', through);
    }
  }

  /** The fleet's figures for one minute, from each rig's averages over it. */
  private fleetTotals(rigs: Map<number, RollupAccumulator>): Record<FleetMetric, number | null> {
    let hashrate = 0;
    let power = 0;
    let powerOfMeasured = 0;
    let hashrateOfMeasured = 0;
    let accepted = 0;
    let rejected = 0;
    let hottest = Number.NEGATIVE_INFINITY;
    const seen = { hashrate: false, power: false, accepted: false, rejected: false };
    for (const accumulator of rigs.values()) {
      const average = (metric: MetricKey): number => {
        const index = this.indexOf(accumulator.keys, metric);
        return index < 0 ? Number.NaN : accumulator.average(index);
      };
      const rigHashrate = average('hashrate');
      const rigPower = average('power');
      if (!Number.isNaN(rigHashrate)) {
        hashrate += rigHashrate;
        seen.hashrate = true;
      }
      if (!Number.isNaN(rigPower)) {
        power += rigPower;
        seen.power = true;
        if (!Number.isNaN(rigHashrate) && rigHashrate > 0) {
          powerOfMeasured += rigPower;
          hashrateOfMeasured += rigHashrate;
        }
      }
      const rigAccepted = average('acceptedRate');
      const rigRejected = average('rejectedRate');
      if (!Number.isNaN(rigAccepted)) {
        accepted += rigAccepted;
        seen.accepted = true;
      }
      if (!Number.isNaN(rigRejected)) {
        rejected += rigRejected;
        seen.rejected = true;
      }
      const chipIndex = this.indexOf(accumulator.keys, 'chipTemp');
      const rigHottest = chipIndex < 0 ? Number.NaN : (accumulator.max[chipIndex] ?? Number.NaN);
      if (Number.isFinite(rigHottest) && rigHottest > hottest) hottest = rigHottest;
    }
    const none = rigs.size === 0; // nobody answered: the fleet made nothing and drew nothing we can see
    return {
      hashrate: seen.hashrate || none ? hashrate : null,
      power: seen.power || none ? power : null,
      efficiency: hashrateOfMeasured > 0 ? powerOfMeasured / hashrateOfMeasured : null,
      chipTemp: Number.isFinite(hottest) ? hottest : null,
      rigsUp: rigs.size,
      acceptedRate: seen.accepted ? accepted : null,
      rejectedRate: seen.rejected ? rejected : null,
    };
  }

  /** After a crash, a restart or a failed batch: open buckets again from what the closed marks leave out. */
  private rebuildOpenBuckets(): void {
    this.openMinutes.clear();
    this.openHours.clear();
    const meta = (name: string): number =>
      this.db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE name = ?').get(name)?.value ?? 0;
    this.minuteClosedThrough = meta('minute_closed_through');
    this.hourClosedThrough = meta('hour_closed_through');
    const rawAfter = this.db.prepare<[number, number], { k: number; layout: number; data: Buffer }>(
      'SELECT k, layout, data FROM raw WHERE k >= ? AND k < ? ORDER BY k',
    );
    const minutesAfter = this.db.prepare<[number, number], { k: number; layout: number; frames: number; data: Buffer }>(
      'SELECT k, layout, frames, data FROM rollup_1m WHERE k >= ? AND k < ? ORDER BY k',
    );
    const newestRaw = this.db.prepare<[number, number], { k: number | null }>(
      'SELECT max(k) AS k FROM raw WHERE k >= ? AND k < ?',
    );
    this.lastFrameAt.clear();
    for (const rig of this.rigKeys.values()) {
      const newest = newestRaw.get(rowKey(rig, 0), rowKey(rig, KEY_SPAN - 1))?.k ?? null;
      if (newest !== null) this.lastFrameAt.set(rig, rowSeconds(newest) * 1000);
    }
    for (const rig of [FLEET_RIG, ...this.rigKeys.values()]) {
      // The fleet (rig 0) has no raw rows; its open hour is rebuilt from its closed minutes like any rig's.
      for (const row of rawAfter.iterate(rowKey(rig, this.minuteClosedThrough), rowKey(rig, KEY_SPAN - 1))) {
        const keys = this.layoutKeys(row.layout);
        const minute = bucketStart(rowSeconds(row.k), MINUTE_S);
        const accumulator = this.accumulatorFor(this.openMinutes, minute, rig, keys);
        accumulator.addFrame(this.remap(keys, floatsOf(row.data), accumulator.keys));
      }
      for (const row of minutesAfter.iterate(rowKey(rig, this.hourClosedThrough), rowKey(rig, KEY_SPAN - 1))) {
        const keys = this.layoutKeys(row.layout);
        const hour = bucketStart(rowSeconds(row.k), HOUR_S);
        const accumulator = this.accumulatorFor(this.openHours, hour, rig, keys);
        accumulator.addRollup(this.remapRollup(keys, floatsOf(row.data), accumulator.keys), row.frames);
      }
    }
  }

  // ---- reading the open buckets -----------------------------------------------------------------------------------

  /** The still-open bucket(s) of a rig at a rollup resolution, for charts that reach up to now. */
  openRows(
    table: RollupTable,
    rig: number,
  ): { start: number; keys: readonly MetricKey[]; frames: number; row: Float32Array }[] {
    const buckets = table === 'rollup_1m' ? this.openMinutes : this.openHours;
    const rows = [];
    for (const [start, rigs] of buckets) {
      const accumulator = rigs.get(rig);
      if (accumulator)
        rows.push({ start, keys: accumulator.keys, frames: accumulator.frames, row: accumulator.toRow() });
    }
    // The fleet's open minute is not shown: its total arrives whole as a telemetry.fleetPoint when it closes.
    return rows.sort((a, b) => a.start - b.start);
  }

  /**
   * Up to when an answer for this rig holds every reading (ms): newer live readings are news to a chart. For the
   * fleet, the end of the last closed minute.
   */
  coveredUntil(rig: number): number {
    if (rig === FLEET_RIG) return this.minuteClosedThrough * 1000;
    const newest = this.lastFrameAt.get(rig);
    // Rows are keyed to the second and a second holds one poll: any poll taken within it is already held.
    return newest === undefined ? 0 : newest + 999;
  }
}

/** The fleet's row for a minute: each figure as min = max = avg = last, so hours roll up like any rig's. */
function fleetRowOf(values: Record<FleetMetric, number | null>): Float32Array {
  const row = new Float32Array(FLEET_KEYS.length * AGGREGATES).fill(Number.NaN);
  FLEET_KEYS.forEach((key, position) => {
    const value = values[key as FleetMetric];
    if (value === null) return;
    row.fill(value, position * AGGREGATES, position * AGGREGATES + AGGREGATES);
  });
  return row;
}
