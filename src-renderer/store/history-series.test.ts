import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src-shared/model/index.js';
import { makeSnapshot } from '../test-support/rig-fixtures.js';
import {
  addSample,
  appendToChart,
  foldIntoBucket,
  isPerPoll,
  newestPointAt,
  snapshotMetricValue,
  trimBefore,
} from './history-series.js';
import type { HistoryChart } from './history-series.js';

const point = (t: number, avg: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({
  t,
  min: avg,
  max: avg,
  avg,
  last: avg,
  samples: avg === null ? 0 : 1,
  ...extra,
});
const poll = (t: number, value: number | null) => ({ t, spanMs: 0, value });

function chart(overrides: Partial<HistoryChart> = {}): HistoryChart {
  return {
    request: {
      scope: { rigId: 'r' },
      metrics: ['hashrate', 'power'],
      window: { kind: 'live', spanMs: 10_000 },
      maxPoints: 480,
    },
    state: 'ready',
    error: null,
    from: 0,
    to: 10_000,
    resolution: 'raw',
    bucketMs: 1000,
    perPoll: true,
    series: { hashrate: [point(8000, 100), point(9000, 101)], power: [point(8000, 3000), point(9000, 3010)] },
    lastSampleAt: 9000,
    loadId: 1,
    ...overrides,
  };
}

describe('live history: adding a reading', () => {
  it('appends each poll to a per-poll series and ignores one it already holds', () => {
    const points = [point(1000, 1)];
    expect(addSample(points, poll(2000, 2), 0)).toEqual([point(1000, 1), point(2000, 2)]);
    expect(addSample(points, poll(1000, 9), 0)).toBe(points);
    expect(addSample(points, poll(500, 9), 0)).toBe(points);
  });

  it('folds a reading into the newest bucket, keeping min, max, a weighted average and the last value', () => {
    const bucket = point(60_000, 100, { min: 90, max: 110, samples: 3 });
    expect(addSample([bucket], poll(90_000, 120), 60_000)).toEqual([
      { t: 60_000, min: 90, max: 120, avg: 105, last: 120, samples: 4 },
    ]);
  });

  it('opens the next bucket on the grid of the newest one, however the engine aligned it', () => {
    // Buckets aligned on a range start of 12:00:30, not on the minute.
    const grid = [point(30_000, 1)];
    expect(addSample(grid, poll(95_000, 2), 60_000).at(-1)?.t).toBe(90_000);
    // A reading several buckets later lands on the same grid.
    expect(addSample(grid, poll(275_000, 2), 60_000).at(-1)?.t).toBe(270_000);
  });

  it('lets a reading that covers the whole bucket (a closed fleet minute) replace it', () => {
    const partial = point(60_000, 80, { samples: 20 });
    expect(addSample([partial], { t: 60_000, spanMs: 60_000, value: 100 }, 60_000)).toEqual([point(60_000, 100)]);
    // Into a wider bucket it is folded instead.
    expect(addSample([partial], { t: 60_000, spanMs: 60_000, value: 100 }, 120_000)[0]?.samples).toBe(21);
  });

  it('counts a missing value in no average', () => {
    const bucket = point(0, 100, { samples: 2 });
    expect(foldIntoBucket(bucket, null)).toBe(bucket);
    expect(foldIntoBucket(point(0, null), 50)).toEqual(point(0, 50));
  });

  it('drops what slid out of the window: polls before it, buckets that ended at its start', () => {
    const polls = [point(1000, 1), point(2000, 2), point(3000, 3)];
    expect(trimBefore(polls, 2000, 0)).toEqual([point(2000, 2), point(3000, 3)]);
    expect(trimBefore(polls, 500, 0)).toBe(polls);
    const buckets = [point(0, 1), point(60_000, 2)];
    expect(trimBefore(buckets, 60_000, 60_000)).toEqual([point(60_000, 2)]);
    expect(trimBefore(buckets, 59_999, 60_000)).toBe(buckets);
  });
});

describe('live history: a chart', () => {
  it('appends a poll to every series, slides the window and trims what fell out', () => {
    const next = appendToChart(chart(), { t: 12_000, spanMs: 0 }, (metric) => (metric === 'hashrate' ? 102 : 3020));
    expect(next.to).toBe(12_000);
    expect(next.from).toBe(2000);
    expect(next.lastSampleAt).toBe(12_000);
    expect(next.series['hashrate']?.map((p) => p.t)).toEqual([8000, 9000, 12_000]);
    expect(next.series['power']?.at(-1)?.avg).toBe(3020);

    const later = appendToChart(next, { t: 19_500, spanMs: 0 }, () => 1);
    expect(later.series['hashrate']?.map((p) => p.t)).toEqual([12_000, 19_500]);
  });

  it('leaves a series alone when the reading cannot tell its value', () => {
    const before = chart();
    const next = appendToChart(before, { t: 12_000, spanMs: 0 }, (metric) => (metric === 'hashrate' ? 5 : undefined));
    expect(next.series['power']).toBe(before.series['power']);
  });

  it('ignores a reading the chart already holds, a zoomed window and a chart still loading', () => {
    const live = chart();
    expect(appendToChart(live, { t: 9000, spanMs: 0 }, () => 1)).toBe(live);
    const zoomed = chart({ request: { ...live.request, window: { kind: 'fixed', from: 0, to: 10_000 } } });
    expect(appendToChart(zoomed, { t: 12_000, spanMs: 0 }, () => 1)).toBe(zoomed);
    const loading = chart({ state: 'loading' });
    expect(appendToChart(loading, { t: 12_000, spanMs: 0 }, () => 1)).toBe(loading);
  });

  it('folds polls into the buckets of a chart whose raw points the engine averaged', () => {
    const widened = chart({
      perPoll: false,
      bucketMs: 10_000,
      lastSampleAt: 4000,
      series: { hashrate: [point(0, 100)] },
    });
    const next = appendToChart(widened, { t: 5000, spanMs: 0 }, () => 110);
    expect(next.series['hashrate']).toEqual([{ t: 0, min: 100, max: 110, avg: 105, last: 110, samples: 2 }]);
  });

  it('takes a fleet minute that ends after the fetch, and not one the answer already held complete', () => {
    const fleet = chart({ perPoll: false, resolution: '1m', bucketMs: 60_000, lastSampleAt: 100_000 });
    expect(appendToChart(fleet, { t: 30_000, spanMs: 60_000 }, () => 1)).toBe(fleet);
    const next = appendToChart(fleet, { t: 60_000, spanMs: 60_000 }, () => 1);
    expect(next.lastSampleAt).toBe(120_000);
  });
});

describe('what a live snapshot says for a metric', () => {
  const snapshot = makeSnapshot({
    hashrateThs: 100,
    powerW: 3000,
    efficiencyJPerTh: null,
    maxChipTempC: 80,
    boards: [
      {
        index: 1,
        hashrateThs: 33,
        chipTempC: 79,
        boardTempC: 60,
        frequencyMhz: 650,
        chipsOk: 76,
        chipsTotal: 76,
        hardwareErrors: 0,
        powerW: null,
        fanPercent: null,
        status: 'ok',
      },
    ],
  });

  it("reads the rig's figures, computing efficiency when the firmware reports none", () => {
    expect(snapshotMetricValue(snapshot, 'hashrate')).toBe(100);
    expect(snapshotMetricValue(snapshot, 'efficiency')).toBe(30);
    expect(snapshotMetricValue(snapshot, 'chipTemp')).toBe(80);
  });

  it('reads a board by its index, and null for a board that is not there', () => {
    expect(snapshotMetricValue(snapshot, 'board.1.hashrate')).toBe(33);
    expect(snapshotMetricValue(snapshot, 'board.0.hashrate')).toBeNull();
  });

  it('cannot tell rates or unknown keys from one snapshot', () => {
    expect(snapshotMetricValue(snapshot, 'acceptedRate')).toBeUndefined();
    expect(snapshotMetricValue(snapshot, 'nonsense')).toBeUndefined();
  });
});

describe('per-poll answers', () => {
  it('are raw answers no wider than a poll', () => {
    expect(isPerPoll('raw', 5000, 5000)).toBe(true);
    expect(isPerPoll('raw', 10_000, 5000)).toBe(false);
    expect(isPerPoll('1m', 60_000, 5000)).toBe(false);
    expect(isPerPoll('raw', 10_000, null)).toBe(true);
  });

  it('hand over to live polls after the newest one the engine had', () => {
    expect(newestPointAt({ a: [point(5, 1), point(9, 1)], b: [point(7, 1)] }, 0)).toBe(9);
    expect(newestPointAt({ a: [] }, 42)).toBe(42);
  });
});
