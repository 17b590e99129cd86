import { describe, expect, it } from 'vitest';
import { bucketize, csvCell, HistoryReader, pickResolution, type ReadContext } from './history-queries.js';
import { openInMemory } from './open-database.js';
import { pruneHistory } from './retention.js';
import { TelemetryDb } from './telemetry-db.js';

const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const context: ReadContext = {
  nowMs: NOW,
  rawIntervalMs: 5000,
  retention: { rawDays: 7, minuteDays: 90, hourDays: 0 },
};

describe('pickResolution', () => {
  it('picks each poll for an hour, minutes for a day, hours for a month', () => {
    expect(pickResolution(NOW - HOUR, NOW, 720, context, true)).toBe('raw');
    expect(pickResolution(NOW - DAY, NOW, 720, context, true)).toBe('1m');
    expect(pickResolution(NOW - 30 * DAY, NOW, 720, context, true)).toBe('1h');
  });

  it('never picks a resolution whose data the retention has already dropped', () => {
    const old = NOW - 8 * DAY;
    expect(pickResolution(old, old + HOUR, 720, context, true)).toBe('1m');
    const older = NOW - 91 * DAY;
    expect(pickResolution(older, older + HOUR, 720, context, true)).toBe('1h');
  });

  it('never picks raw for the fleet', () => {
    expect(pickResolution(NOW - HOUR, NOW, 720, context, false)).toBe('1m');
  });
});

describe('bucketize', () => {
  it('merges rows into buckets: min of mins, max of maxes, frame-weighted average, latest last', () => {
    const points = bucketize(
      [
        { t: 0, min: 1, max: 3, avg: 2, last: 3, frames: 1 },
        { t: 60_000, min: 0, max: 9, avg: 5, last: 4, frames: 3 },
        { t: 120_000, min: Number.NaN, max: Number.NaN, avg: Number.NaN, last: Number.NaN, frames: 2 },
      ],
      0,
      180_000,
    );
    expect(points).toEqual([{ t: 0, min: 0, max: 9, avg: 4.25, last: 4, samples: 6 }]);
  });
});

describe('csvCell', () => {
  it('quotes commas and quotes, and defuses spreadsheet formulas in names', () => {
    expect(csvCell('rack 1, top')).toBe('"rack 1, top"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('plain')).toBe('plain');
  });
});

function filledStore(): TelemetryDb {
  const store = new TelemetryDb(openInMemory());
  const keys = ['hashrate', 'power'];
  const frames = [];
  for (let t = NOW - 10 * DAY; t < NOW; t += 10 * 60_000) {
    frames.push({ rigId: 'big', t, keys, values: Float32Array.of(200, 6000) });
    frames.push({ rigId: 'small', t: t + 1000, keys, values: Float32Array.of(50, 1500) });
  }
  store.ingest(frames, NOW);
  return store;
}

describe('HistoryReader', () => {
  it('ranks rigs by a metric with their share of the fleet', () => {
    const reader = new HistoryReader(filledStore());
    const result = reader.breakdown(
      { metric: 'hashrate', from: NOW - DAY, to: NOW, limit: 10, order: 'desc' },
      context,
    );
    expect(result.rows).toEqual([
      { rigId: 'big', value: 200, share: 0.8 },
      { rigId: 'small', value: 50, share: 0.2 },
    ]);
    const coolest = reader.breakdown({ metric: 'hashrate', from: NOW - DAY, to: NOW, limit: 1, order: 'asc' }, context);
    expect(coolest.rows.map((row) => row.rigId)).toEqual(['small']);
  });

  it('exports the range as CSV, one line per rig and time and a column per metric, half-open at the end', () => {
    const reader = new HistoryReader(filledStore());
    const raw = [
      ...reader.exportLines(
        { rigIds: ['small'], from: NOW - HOUR, to: NOW - 10 * 60_000 + 1000, resolution: 'raw' },
        new Map([['small', 'Rack, 2']]),
      ),
    ];
    expect(raw[0]).toBe('time_utc,rig_id,rig_name,hashrate,power');
    expect(raw).toHaveLength(1 + 5);
    expect(raw[1]).toMatch(/^2026-11-20T11:\d0:01\.000Z,small,"Rack, 2",50,1500$/);
    const hourly = [
      ...reader.exportLines({ rigIds: undefined, from: NOW - 2 * HOUR, to: NOW - HOUR, resolution: '1h' }, new Map()),
    ];
    expect(hourly[0]).toBe(
      'time_utc,rig_id,rig_name,hashrate,hashrate_min,hashrate_max,power,power_min,power_max,polls',
    );
    expect(hourly.slice(1)).toEqual([
      '2026-11-20T10:00:00.000Z,big,big,200,200,200,6000,6000,6000,6',
      '2026-11-20T10:00:00.000Z,small,small,50,50,50,1500,1500,1500,6',
    ]);
  });

  it('prunes rows older than the retention and keeps the rest', async () => {
    const store = filledStore();
    const reader = new HistoryReader(store);
    const before = reader.oldest();
    expect(before.raw).toBeLessThan(NOW - 9 * DAY);
    const { deleted } = await pruneHistory(store, { rawDays: 2, minuteDays: 5, hourDays: 0 }, NOW, () =>
      Promise.resolve(),
    );
    expect(deleted).toBeGreaterThan(0);
    const after = reader.oldest();
    expect(after.raw).toBeGreaterThanOrEqual(NOW - 2 * DAY);
    expect(after['1m']).toBeGreaterThanOrEqual(NOW - 5 * DAY);
    expect(after['1h']).toBe(before['1h']);
  });
});
