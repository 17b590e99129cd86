import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../src-shared/model/index.js';
import { buildChartRows, countPoints, pointAt } from './chart-rows.js';

const point = (t: number, avg: number | null): SeriesPoint => ({ t, min: avg, max: avg, avg, last: avg, samples: 1 });

describe('chart rows', () => {
  it('merges series by time, oldest first, with a hole where one series has no point', () => {
    const rows = buildChartRows(
      { hashrate: [point(2000, 2), point(1000, 1)], 'board.0.hashrate': [point(2000, 0.5)] },
      ['hashrate', 'board.0.hashrate'],
      true,
      1000,
    );
    expect(rows.map((row) => [row.t, ...row.avg])).toEqual([
      [1000, 1, null],
      [2000, 2, 0.5],
    ]);
  });

  it('breaks the line across a gap instead of drawing through it', () => {
    const rows = buildChartRows(
      { power: [point(0, 1), point(60_000, 2), point(300_000, 3)] },
      ['power'],
      false,
      60_000,
    );
    expect(rows.map((row) => row.t)).toEqual([0, 60_000, 120_000, 300_000]);
    expect(rows[2]?.avg).toEqual([null]);
  });

  it('lets polls jitter a little before calling it a gap', () => {
    const rows = buildChartRows({ power: [point(0, 1), point(2400, 2)] }, ['power'], true, 1000);
    expect(rows).toHaveLength(2);
  });

  it("counts the first series' points that hold a value", () => {
    const rows = buildChartRows(
      { hashrate: [point(0, 1), point(1000, null), point(2000, 3)] },
      ['hashrate'],
      true,
      1000,
    );
    expect(countPoints(rows)).toBe(2);
  });

  it('picks the bucket under a click, else the nearest point within the tolerance', () => {
    const rows = buildChartRows({ hashrate: [point(0, 1), point(60_000, 2)] }, ['hashrate'], false, 60_000);
    expect(pointAt(rows, 70_000, 60_000, 0)?.t).toBe(60_000);
    expect(pointAt(rows, 150_000, 60_000, 40_000)?.t).toBe(60_000);
    expect(pointAt(rows, 500_000, 60_000, 40_000)).toBeNull();
  });
});
