import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryReader, type ReadContext } from './history-queries.js';
import { openInMemory, openTelemetryDatabase, type Db } from './open-database.js';
import { TelemetryDb, type IngestFrame } from './telemetry-db.js';

const KEYS = ['hashrate', 'power', 'chipTemp'] as const;
const T0 = Date.UTC(2026, 10, 1, 12, 0, 0); // a minute and hour boundary

function frame(rigId: string, t: number, hashrate: number, power: number, chipTemp = 70): IngestFrame {
  return { rigId, t, keys: KEYS, values: Float32Array.of(hashrate, power, chipTemp) };
}

/** Two rigs polled every 5 s for `minutes`, hashrate stepping so min/max/avg are all different. */
function farmFrames(from: number, minutes: number): IngestFrame[] {
  const frames: IngestFrame[] = [];
  for (let t = from; t < from + minutes * 60_000; t += 5000) {
    const step = ((t - T0) / 5000) % 12;
    frames.push(frame('a', t, 100 + step, 3000, 60 + step));
    frames.push(frame('b', t + 1000, 50, 1500 + step * 10));
  }
  return frames;
}

const context = (nowMs: number): ReadContext => ({
  nowMs,
  rawIntervalMs: 5000,
  retention: { rawDays: 7, minuteDays: 90, hourDays: 0 },
});

const temporary: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-telemetry-'));
  temporary.push(dir);
  return path.join(dir, 'telemetry.db');
}
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('TelemetryDb rollups', () => {
  it('closes each minute with min/max/avg/last per rig and the fleet totals, once the grace has passed', () => {
    const store = new TelemetryDb(openInMemory());
    const result = store.ingest(farmFrames(T0, 2), T0 + 2 * 60_000 + 20_000);
    expect(result.closedMinutes.map((m) => m.t)).toEqual([T0, T0 + 60_000]);
    const first = result.closedMinutes[0]?.values;
    // Rig a: hashrate 100..111 (avg 105.5); rig b: 50. Power 3000 + b's 1500..1610 (avg 1555).
    expect(first?.hashrate).toBeCloseTo(155.5, 4);
    expect(first?.power).toBeCloseTo(4555, 3);
    expect(first?.efficiency).toBeCloseTo(4555 / 155.5, 4);
    expect(first?.chipTemp).toBe(71);
    expect(first?.rigsUp).toBe(2);

    const reader = new HistoryReader(store);
    const series = reader.series(
      { scope: { rigId: 'a' }, metric: 'hashrate', from: T0, to: T0 + 120_000, maxPoints: 100, resolution: '1m' },
      context(T0 + 200_000),
    );
    expect(series.points).toHaveLength(2);
    expect(series.points[0]).toMatchObject({ t: T0, min: 100, max: 111, avg: 105.5, last: 111, samples: 12 });
  });

  it('puts buckets on whole minutes whatever second the range starts at', () => {
    const store = new TelemetryDb(openInMemory());
    store.ingest(farmFrames(T0, 10), T0 + 11 * 60_000);
    const series = new HistoryReader(store).series(
      {
        scope: { fleet: true },
        metric: 'hashrate',
        from: T0 + 17_000,
        to: T0 + 10 * 60_000,
        maxPoints: 5,
        resolution: 'auto',
      },
      context(T0 + 11 * 60_000),
    );
    expect(series.bucketMs).toBe(120_000);
    expect(series.points.map((point) => point.t - T0)).toEqual([0, 120_000, 240_000, 360_000, 480_000]);
  });

  it('drops a second poll within the same second from raw rows and rollups alike', () => {
    const store = new TelemetryDb(openInMemory());
    store.ingest([frame('a', T0 + 1000, 100, 1)], T0 + 2000);
    expect(store.ingest([frame('a', T0 + 1500, 300, 1)], T0 + 2000).written).toBe(0);
    store.advance(T0 + 80_000);
    const minute = new HistoryReader(store).series(
      { scope: { rigId: 'a' }, metric: 'hashrate', from: T0, to: T0 + 60_000, maxPoints: 10, resolution: '1m' },
      context(T0 + 90_000),
    );
    expect(minute.points).toMatchObject([{ avg: 100, samples: 1 }]);
  });

  it('records a minute in which no rig answered as a fleet of zero while watching, not after a gap', () => {
    const store = new TelemetryDb(openInMemory());
    // Watching from a minute before the first rig answered: that minute is unseen, not a fleet of zero.
    for (let t = T0 - 60_000; t < T0; t += 1000) store.advance(t);
    store.ingest(farmFrames(T0, 1), T0 + 75_000);
    for (let t = T0 + 76_000; t <= T0 + 4 * 60_000; t += 1000) store.advance(t);
    const before = new HistoryReader(store).series(
      { scope: { fleet: true }, metric: 'rigsUp', from: T0 - 120_000, to: T0, maxPoints: 100, resolution: '1m' },
      context(T0 + 5 * 60_000),
    );
    expect(before.points).toEqual([]);
    const fleet = (s: TelemetryDb, to: number) =>
      new HistoryReader(s).series(
        { scope: { fleet: true }, metric: 'rigsUp', from: T0, to, maxPoints: 100, resolution: '1m' },
        context(to + 60_000),
      ).points;
    expect(fleet(store, T0 + 3 * 60_000).map((p) => p.avg)).toEqual([2, 0, 0]);
    // A clock that jumps (the app was closed) makes nothing up for the time it did not watch.
    store.advance(T0 + 60 * 60_000);
    expect(fleet(store, T0 + 60 * 60_000)).toHaveLength(3);
  });

  it('keeps a minute open until the clock passes its end plus the grace', () => {
    const store = new TelemetryDb(openInMemory(), 15_000);
    expect(store.ingest(farmFrames(T0, 1), T0 + 60_000 + 14_000).closedMinutes).toHaveLength(0);
    expect(store.advance(T0 + 60_000 + 15_000)).toHaveLength(1);
  });

  it('rolls minutes up into hours, weighting each minute by its polls', () => {
    const store = new TelemetryDb(openInMemory());
    store.ingest(farmFrames(T0, 60), T0 + 3_600_000 + 20_000);
    const reader = new HistoryReader(store);
    const hour = reader.series(
      { scope: { rigId: 'a' }, metric: 'hashrate', from: T0, to: T0 + 3_600_000, maxPoints: 10, resolution: '1h' },
      context(T0 + 3_700_000),
    );
    expect(hour.points).toEqual([{ t: T0, min: 100, max: 111, avg: 105.5, last: 111, samples: 720 }]);
    const fleet = reader.series(
      { scope: { fleet: true }, metric: 'hashrate', from: T0, to: T0 + 3_600_000, maxPoints: 10, resolution: '1h' },
      context(T0 + 3_700_000),
    );
    expect(fleet.points[0]?.avg).toBeCloseTo(155.5, 3);
  });

  it('writes a late frame as raw but leaves closed minutes alone', () => {
    const store = new TelemetryDb(openInMemory());
    store.ingest(farmFrames(T0, 1), T0 + 80_000);
    const late = store.ingest([frame('a', T0 + 32_000, 999, 1)], T0 + 81_000);
    expect(late.late).toBe(1);
    const reader = new HistoryReader(store);
    const minute = reader.series(
      { scope: { rigId: 'a' }, metric: 'hashrate', from: T0, to: T0 + 60_000, maxPoints: 10, resolution: '1m' },
      context(T0 + 90_000),
    );
    expect(minute.points[0]?.max).toBe(111);
    expect(reader.window('a', T0, T0 + 60_000).some((f) => f.values['hashrate'] === 999)).toBe(true);
  });

  it('folds a frame with a new key into the open minute under the minute’s first layout', () => {
    const store = new TelemetryDb(openInMemory());
    store.ingest([frame('a', T0, 100, 3000)], T0);
    store.ingest(
      [{ rigId: 'a', t: T0 + 5000, keys: ['hashrate', 'fanRpm', 'power'], values: Float32Array.of(120, 5000, 3100) }],
      T0 + 80_000,
    );
    const reader = new HistoryReader(store);
    const power = reader.series(
      { scope: { rigId: 'a' }, metric: 'power', from: T0, to: T0 + 60_000, maxPoints: 10, resolution: '1m' },
      context(T0 + 90_000),
    );
    expect(power.points[0]).toMatchObject({ min: 3000, max: 3100, avg: 3050 });
    const fanRaw = reader.series(
      { scope: { rigId: 'a' }, metric: 'fanRpm', from: T0, to: T0 + 60_000, maxPoints: 100, resolution: 'raw' },
      context(T0 + 90_000),
    );
    expect(fanRaw.points.map((p) => p.avg)).toEqual([null, 5000]);
  });
});

describe('TelemetryDb after a restart or a failed batch', () => {
  function hourOf(db: Db): unknown {
    return new HistoryReader(new TelemetryDb(db)).series(
      { scope: { rigId: 'a' }, metric: 'hashrate', from: T0, to: T0 + 3_600_000, maxPoints: 100, resolution: '1m' },
      context(T0 + 3_700_000),
    ).points;
  }

  it('rebuilds open minutes and hours from disk, giving the same rollups as an uninterrupted run', () => {
    const frames = farmFrames(T0, 60);
    const half = frames.findIndex((f) => f.t >= T0 + 30 * 60_000 + 20_000);
    const file = tempFile();
    const first = openTelemetryDatabase(file);
    new TelemetryDb(first.db).ingest(frames.slice(0, half), frames[half - 1]?.t ?? T0);
    first.db.close();
    const second = openTelemetryDatabase(file);
    new TelemetryDb(second.db).ingest(frames.slice(half), T0 + 3_600_000 + 20_000);

    const straight = new TelemetryDb(openInMemory());
    straight.ingest(frames, T0 + 3_600_000 + 20_000);
    expect(hourOf(second.db)).toEqual(hourOf(straight.db));
    const hourly = (db: Db) =>
      new HistoryReader(new TelemetryDb(db)).series(
        { scope: { fleet: true }, metric: 'power', from: T0, to: T0 + 3_600_000, maxPoints: 10, resolution: '1h' },
        context(T0 + 3_700_000),
      ).points;
    expect(hourly(second.db)).toEqual(hourly(straight.db));
    second.db.close();
  });

  it('keeps nothing of a batch that failed (disk full) and counts it once when it is retried', () => {
    const db = openInMemory();
    const store = new TelemetryDb(db);
    store.ingest(farmFrames(T0, 1), T0 + 30_000);
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    const big = farmFrames(T0 + 60_000, 30);
    expect(() => store.ingest(big, T0 + 31 * 60_000)).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    db.pragma('max_page_count = 1073741823');
    store.ingest(big, T0 + 32 * 60_000);
    const straight = new TelemetryDb(openInMemory());
    straight.ingest(farmFrames(T0, 1), T0 + 30_000);
    straight.ingest(big, T0 + 32 * 60_000);
    const minutes = (s: TelemetryDb) =>
      new HistoryReader(s).series(
        { scope: { rigId: 'b' }, metric: 'power', from: T0, to: T0 + 31 * 60_000, maxPoints: 100, resolution: '1m' },
        context(T0 + 32 * 60_000),
      ).points;
    expect(minutes(store)).toEqual(minutes(straight));
    expect(minutes(store)).toHaveLength(31);
  });
});
