// Reading the history: a metric over a range at a resolution picked from the range, rigs ranked by a metric, the
// events of a range, a CSV export and the latest window of frames for the engines. Every read is a contiguous range
// of a table's key (rig, time), so a 30-day chart reads 720 hourly rows, never the raw table.
import type {
  BreakdownRow,
  HistoryEvent,
  HistoryEventKind,
  MetricKey,
  Resolution,
  RigMetric,
  SeriesPoint,
  SeriesResult,
} from '../../../src-shared/model/telemetry.js';
import { RESOLUTION_MS } from '../../../src-shared/model/telemetry.js';
import { AGGREGATES, AVG, LAST, MAX, MIN } from './rollup.js';
import { FLEET_RIG, KEY_SPAN, rowKey, rowSeconds } from './schema.js';
import { FLEET_KEYS, floatsOf, type RollupTable, type TelemetryDb } from './telemetry-db.js';

export interface Retention {
  rawDays: number;
  minuteDays: number;
  /** 0: forever. */
  hourDays: number;
}

export interface ReadContext {
  nowMs: number;
  /** The poll interval: the width of a raw point. */
  rawIntervalMs: number;
  retention: Retention;
}

export interface SeriesRequest {
  scope: { rigId: string } | { fleet: true };
  metric: MetricKey;
  from: number;
  to: number;
  maxPoints: number;
  resolution: 'auto' | Resolution;
}

const DAY_MS = 86_400_000;
/** auto reads at most this many rows per point drawn before stepping to a coarser resolution. */
const ROWS_PER_POINT = 4;
const TABLE: Record<Exclude<Resolution, 'raw'>, RollupTable> = { '1m': 'rollup_1m', '1h': 'rollup_1h' };
const ADDITIVE = new Set<RigMetric>(['hashrate', 'power', 'acceptedRate', 'rejectedRate', 'hwErrorRate']);

/** One row read back, whatever its resolution: raw rows have min = max = avg = last and stand for one poll. */
interface Reading {
  t: number;
  min: number;
  max: number;
  avg: number;
  last: number;
  frames: number;
}

function widthOf(resolution: Resolution, rawIntervalMs: number): number {
  return resolution === 'raw' ? rawIntervalMs : RESOLUTION_MS[resolution];
}

/** Oldest timestamp still kept at a resolution, given the retention. */
function keptSince(resolution: Resolution, context: ReadContext): number {
  const days =
    resolution === 'raw'
      ? context.retention.rawDays
      : resolution === '1m'
        ? context.retention.minuteDays
        : context.retention.hourDays;
  return days === 0 ? 0 : context.nowMs - days * DAY_MS;
}

/** The finest resolution that is kept for the whole range and needs at most ROWS_PER_POINT rows a point. */
export function pickResolution(
  from: number,
  to: number,
  maxPoints: number,
  context: ReadContext,
  allowRaw: boolean,
): Resolution {
  const candidates: Resolution[] = allowRaw ? ['raw', '1m', '1h'] : ['1m', '1h'];
  for (const resolution of candidates) {
    const rows = (to - from) / widthOf(resolution, context.rawIntervalMs);
    if (rows <= maxPoints * ROWS_PER_POINT && from >= keptSince(resolution, context)) return resolution;
  }
  return '1h';
}

export class HistoryReader {
  constructor(private readonly store: TelemetryDb) {}

  series(request: SeriesRequest, context: ReadContext): SeriesResult {
    const fleet = 'fleet' in request.scope;
    const asked = request.resolution === 'auto' ? null : request.resolution;
    const resolution =
      asked === 'raw' && fleet
        ? '1m'
        : (asked ?? pickResolution(request.from, request.to, request.maxPoints, context, !fleet));
    const width = widthOf(resolution, context.rawIntervalMs);
    const span = request.to - request.from;
    const bucketMs = Math.max(width, Math.ceil(span / request.maxPoints / width) * width);
    const rig = 'rigId' in request.scope ? this.store.rigKeyOf(request.scope.rigId) : FLEET_RIG;
    const readings = rig === null ? [] : this.read(rig, request.metric, resolution, request.from, request.to);
    const points =
      bucketMs === width && resolution === 'raw' ? readings.map(pointOf) : bucketize(readings, 0, bucketMs);
    const coveredUntil = rig === null ? 0 : this.store.coveredUntil(rig);
    return { metric: request.metric, resolution, bucketMs, from: request.from, to: request.to, coveredUntil, points };
  }

  /** Rigs ranked by their average of a metric over the range. */
  breakdown(
    request: { metric: RigMetric; from: number; to: number; limit: number; order: 'asc' | 'desc' },
    context: ReadContext,
  ): { resolution: Resolution; rows: Omit<BreakdownRow, 'name'>[] } {
    const resolution = pickResolution(request.from, request.to, 1, context, true);
    const values: { rigId: string; value: number }[] = [];
    for (const { rigId, rigKey } of this.store.rigs()) {
      let sum = 0;
      let weight = 0;
      for (const reading of this.read(rigKey, request.metric, resolution, request.from, request.to)) {
        if (Number.isNaN(reading.avg)) continue;
        sum += reading.avg * reading.frames;
        weight += reading.frames;
      }
      if (weight > 0) values.push({ rigId, value: sum / weight });
    }
    const total = ADDITIVE.has(request.metric) ? values.reduce((sum, row) => sum + row.value, 0) : 0;
    values.sort((a, b) => (request.order === 'desc' ? b.value - a.value : a.value - b.value));
    return {
      resolution,
      rows: values.slice(0, request.limit).map((row) => ({ ...row, share: total > 0 ? row.value / total : null })),
    };
  }

  events(request: { rigId?: string | undefined; from: number; to: number; limit: number }): HistoryEvent[] {
    const rig = request.rigId === undefined ? null : this.store.rigKeyOf(request.rigId);
    if (request.rigId !== undefined && rig === null) return [];
    type Row = { id: number; t: number; rig: number; kind: HistoryEventKind; message: string; audit_id: string | null };
    const rows =
      rig === null
        ? this.store.db
            .prepare<[number, number, number], Row>(
              'SELECT * FROM event WHERE t >= ? AND t <= ? ORDER BY t DESC, id DESC LIMIT ?',
            )
            .all(request.from, request.to, request.limit)
        : this.store.db
            .prepare<[number, number, number, number], Row>(
              'SELECT * FROM event WHERE rig = ? AND t >= ? AND t <= ? ORDER BY t DESC, id DESC LIMIT ?',
            )
            .all(rig, request.from, request.to, request.limit);
    return rows.map((row) => ({
      id: row.id,
      t: row.t,
      rigId: this.store.rigIdOf(row.rig) ?? 'unknown',
      kind: row.kind,
      message: row.message,
      auditId: row.audit_id,
    }));
  }

  /** The frames of a rig since a time, decoded by key: what the engines learn from. */
  window(rigId: string, since: number, until: number): { t: number; values: Record<MetricKey, number | null> }[] {
    const rig = this.store.rigKeyOf(rigId);
    if (rig === null) return [];
    const rows = this.store.db
      .prepare<[number, number], { k: number; layout: number; data: Buffer }>(
        'SELECT k, layout, data FROM raw WHERE k >= ? AND k <= ? ORDER BY k',
      )
      .all(rowKey(rig, Math.floor(since / 1000)), rowKey(rig, Math.floor(until / 1000)));
    return rows.map((row) => {
      const keys = this.store.layoutKeys(row.layout);
      const data = floatsOf(row.data);
      const values: Record<MetricKey, number | null> = {};
      keys.forEach((key, index) => {
        const value = data[index] ?? Number.NaN;
        values[key] = Number.isNaN(value) ? null : value;
      });
      return { t: rowSeconds(row.k) * 1000, values };
    });
  }

  /**
   * Every stored row of one rig and metric in [from, to], oldest first, open buckets included. SQLite cuts the
   * metric's bytes out of each row (substr by the row's layout) and hands them over as hex text: a short string is
   * cheaper to make than a Buffer, and a chart reads a month of rows about twice as fast as with whole-row blobs.
   */
  read(rig: number, metric: MetricKey, resolution: Resolution, from: number, to: number): Reading[] {
    // Half-open [from, to): a chart's bucket [t, t + width) must not take in the row that starts the next one.
    const first = Math.floor(from / 1000);
    const end = Math.ceil(to / 1000);
    if (resolution === 'raw') {
      const rows = this.store.db
        .prepare<[number, number], [number, string | null]>(
          `SELECT k, ${this.sliceOf(metric, 4)} FROM raw WHERE k >= ? AND k < ?`,
        )
        .raw()
        .all(rowKey(rig, first), rowKey(rig, end));
      return rows.map(([k, part]) => {
        const value = part ? hexFloatAt(part, 0) : Number.NaN;
        return { t: rowSeconds(k) * 1000, min: value, max: value, avg: value, last: value, frames: 1 };
      });
    }
    const table = TABLE[resolution];
    const width = RESOLUTION_MS[resolution] / 1000;
    const firstBucket = Math.floor(first / width) * width;
    const rows = this.store.db
      .prepare<[number, number], [number, number, string | null]>(
        `SELECT k, frames, ${this.sliceOf(metric, 4 * AGGREGATES)} FROM ${table} WHERE k >= ? AND k < ?`,
      )
      .raw()
      .all(rowKey(rig, firstBucket), rowKey(rig, end));
    const readings: Reading[] = rows.map(([k, frames, part]) => {
      const at = (aggregate: number): number => (part ? hexFloatAt(part, aggregate) : Number.NaN);
      return { t: rowSeconds(k) * 1000, min: at(MIN), max: at(MAX), avg: at(AVG), last: at(LAST), frames };
    });
    const closedUntil = readings.length > 0 ? (readings[readings.length - 1]?.t ?? 0) : -1;
    for (const open of this.store.openRows(table, rig)) {
      if (open.start < firstBucket || open.start >= end || open.start * 1000 <= closedUntil) continue;
      const index = this.store.indexOf(open.keys, metric);
      const at = (aggregate: number): number =>
        index < 0 ? Number.NaN : (open.row[index * AGGREGATES + aggregate] ?? Number.NaN);
      readings.push({
        t: open.start * 1000,
        min: at(MIN),
        max: at(MAX),
        avg: at(AVG),
        last: at(LAST),
        frames: open.frames,
      });
    }
    return readings;
  }

  /** SQL for the bytes of one metric in a row, whatever the row's layout (NULL where the layout lacks it). */
  private sliceOf(metric: MetricKey, bytes: number): string {
    const cases = this.store
      .layouts()
      .map(({ id, keys }) => ({ id, index: this.store.indexOf(keys, metric) }))
      .filter(({ index }) => index >= 0)
      .map(({ id, index }) => `WHEN ${id} THEN hex(substr(data, ${index * bytes + 1}, ${bytes}))`);
    return cases.length === 0 ? 'NULL' : `CASE layout ${cases.join(' ')} END`;
  }

  /**
   * Rows for a CSV export: one line per rig and time, one column per metric (the union of the rigs' layouts), as a
   * spreadsheet wants it. Rollups give each metric's average, with its minimum and maximum beside it.
   */
  *exportLines(
    request: { rigIds: string[] | undefined; from: number; to: number; resolution: Resolution },
    names: ReadonlyMap<string, string>,
  ): Generator<string> {
    const rollup = request.resolution !== 'raw';
    const fleetLayout = FLEET_KEYS.join(',');
    const rigLayouts = this.store.layouts().filter(({ keys }) => keys.join(',') !== fleetLayout);
    const metrics = [...new Set(rigLayouts.flatMap(({ keys }) => keys))];
    const columns = rollup ? metrics.flatMap((key) => [key, `${key}_min`, `${key}_max`]) : metrics;
    yield ['time_utc', 'rig_id', 'rig_name', ...columns, ...(rollup ? ['polls'] : [])].join(',');
    const rigs = request.rigIds
      ? request.rigIds.flatMap((rigId) => {
          const rigKey = this.store.rigKeyOf(rigId);
          return rigKey === null ? [] : [{ rigId, rigKey }];
        })
      : this.store.rigs();
    const first = Math.floor(request.from / 1000);
    const end = Math.ceil(request.to / 1000);
    const table = request.resolution === 'raw' ? 'raw' : TABLE[request.resolution];
    const statement = this.store.db.prepare<
      [number, number],
      { k: number; layout: number; frames?: number; data: Buffer }
    >(`SELECT * FROM ${table} WHERE k >= ? AND k < ?`);
    for (const { rigId, rigKey } of rigs) {
      const prefix = `${csvCell(rigId)},${csvCell(names.get(rigId) ?? rigId)}`;
      for (const row of statement.iterate(rowKey(rigKey, first), rowKey(rigKey, end))) {
        const data = floatsOf(row.data);
        const keys = this.store.layoutKeys(row.layout);
        const cells = metrics.flatMap((metric) => {
          const index = this.store.indexOf(keys, metric);
          if (!rollup) return [csvNumber(index < 0 ? undefined : data[index])];
          const at = (aggregate: number) => (index < 0 ? undefined : data[index * AGGREGATES + aggregate]);
          return [csvNumber(at(AVG)), csvNumber(at(MIN)), csvNumber(at(MAX))];
        });
        const time = new Date(rowSeconds(row.k) * 1000).toISOString();
        yield `${time},${prefix},${cells.join(',')}${rollup ? `,${row.frames ?? 1}` : ''}`;
      }
    }
  }

  /** Oldest timestamp kept at each resolution (rigs' rows; the fleet row only counts for rollups). */
  oldest(): { raw: number | null; '1m': number | null; '1h': number | null } {
    const oldestIn = (table: 'raw' | RollupTable): number | null => {
      let oldest: number | null = null;
      const statement = this.store.db.prepare<[number, number], { k: number }>(
        `SELECT k FROM ${table} WHERE k >= ? AND k < ? ORDER BY k LIMIT 1`,
      );
      for (const rig of [FLEET_RIG, ...this.store.rigs().map((r) => r.rigKey)]) {
        const row = statement.get(rowKey(rig, 0), rowKey(rig, KEY_SPAN - 1));
        if (row && (oldest === null || rowSeconds(row.k) * 1000 < oldest)) oldest = rowSeconds(row.k) * 1000;
      }
      return oldest;
    };
    return { raw: oldestIn('raw'), '1m': oldestIn('rollup_1m'), '1h': oldestIn('rollup_1h') };
  }
}

const scratch = new DataView(new ArrayBuffer(4));

/** The float32 at `position` of a hex string of little-endian float32s (SQLite's hex() of a blob slice). */
export function hexFloatAt(hex: string, position: number): number {
  const start = position * 8;
  if (hex.length < start + 8) return Number.NaN;
  scratch.setUint32(0, Number.parseInt(hex.slice(start, start + 8), 16), false);
  return scratch.getFloat32(0, true);
}

const nullIfNaN = (value: number): number | null => (Number.isNaN(value) ? null : value);

function pointOf(reading: Reading): SeriesPoint {
  return {
    t: reading.t,
    min: nullIfNaN(reading.min),
    max: nullIfNaN(reading.max),
    avg: nullIfNaN(reading.avg),
    last: nullIfNaN(reading.last),
    samples: reading.frames,
  };
}

/**
 * Folds readings (oldest first) into buckets of `bucketMs` aligned on `anchor`. Series anchor on the epoch, so
 * buckets fall on whole minutes and hours whatever the range asked for, and a live point folds into the same grid.
 */
export function bucketize(readings: readonly Reading[], anchor: number, bucketMs: number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let current: {
    t: number;
    min: number;
    max: number;
    sum: number;
    weight: number;
    last: number;
    frames: number;
  } | null = null;
  const emit = (): void => {
    if (!current) return;
    points.push({
      t: current.t,
      min: Number.isFinite(current.min) ? current.min : null,
      max: Number.isFinite(current.max) ? current.max : null,
      avg: current.weight > 0 ? current.sum / current.weight : null,
      last: nullIfNaN(current.last),
      samples: current.frames,
    });
  };
  for (const reading of readings) {
    const t = anchor + Math.floor((reading.t - anchor) / bucketMs) * bucketMs;
    if (!current || current.t !== t) {
      emit();
      current = { t, min: Infinity, max: -Infinity, sum: 0, weight: 0, last: Number.NaN, frames: 0 };
    }
    current.frames += reading.frames;
    if (Number.isNaN(reading.avg)) continue;
    current.min = Math.min(current.min, reading.min);
    current.max = Math.max(current.max, reading.max);
    current.sum += reading.avg * reading.frames;
    current.weight += reading.frames;
    if (!Number.isNaN(reading.last)) current.last = reading.last;
  }
  emit();
  return points;
}

function csvNumber(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return String(Number(value.toPrecision(7)));
}

/** Quotes a text cell, and defuses a leading =, +, - or @ so a spreadsheet never runs a rig's name as a formula. */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
