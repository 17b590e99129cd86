import type { MetricKey, SeriesPoint } from '../../../src-shared/model/index.js';

/** One x position of a chart: each series' figures at that time, by the series' index in the chart. */
export interface ChartRow {
  t: number;
  avg: ReadonlyArray<number | null>;
  min: ReadonlyArray<number | null>;
  max: ReadonlyArray<number | null>;
}

function gapRow(t: number, width: number): ChartRow {
  const nulls = new Array<null>(width).fill(null);
  return { t, avg: nulls, min: nulls, max: nulls };
}

/**
 * How far apart two points may be before the line between them is broken. Polls jitter, so a per-poll series allows
 * a missed poll or so; buckets are regular, so a missing one is a real gap (the rig was down, or Rigwise off).
 */
export function gapThresholdMs(perPoll: boolean, bucketMs: number): number {
  if (bucketMs <= 0) return Number.POSITIVE_INFINITY;
  return perPoll ? bucketMs * 2.5 : bucketMs * 1.5;
}

/**
 * Merges the chart's series into rows by time, in order, and inserts an empty row inside every gap so the lines break
 * there instead of drawing a confident straight line across an hour nobody measured.
 */
export function buildChartRows(
  series: Readonly<Record<MetricKey, readonly SeriesPoint[]>>,
  metrics: readonly MetricKey[],
  perPoll: boolean,
  bucketMs: number,
): ChartRow[] {
  const byTime = new Map<number, Array<SeriesPoint | undefined>>();
  metrics.forEach((metric, index) => {
    for (const point of series[metric] ?? []) {
      let slots = byTime.get(point.t);
      if (slots === undefined) {
        slots = new Array<SeriesPoint | undefined>(metrics.length).fill(undefined);
        byTime.set(point.t, slots);
      }
      slots[index] = point;
    }
  });
  const times = [...byTime.keys()].sort((a, b) => a - b);
  const threshold = gapThresholdMs(perPoll, bucketMs);
  const rows: ChartRow[] = [];
  let previous: number | null = null;
  for (const t of times) {
    if (previous !== null && t - previous > threshold) rows.push(gapRow(previous + bucketMs, metrics.length));
    const slots = byTime.get(t) ?? [];
    rows.push({
      t,
      avg: metrics.map((_, index) => slots[index]?.avg ?? null),
      min: metrics.map((_, index) => slots[index]?.min ?? null),
      max: metrics.map((_, index) => slots[index]?.max ?? null),
    });
    previous = t;
  }
  return rows;
}

/** Points of the chart's first series that hold a value (what the chart exposes as data-points). */
export function countPoints(rows: readonly ChartRow[]): number {
  return rows.reduce((count, row) => (row.avg[0] === null || row.avg[0] === undefined ? count : count + 1), 0);
}

/**
 * The point a click at time `t` means: the bucket that holds `t`, else the nearest point with a value within
 * `toleranceMs` (a dot is a few pixels wide, and the newest bucket sits at the very edge of the chart).
 */
export function pointAt(rows: readonly ChartRow[], t: number, bucketMs: number, toleranceMs: number): ChartRow | null {
  let nearest: ChartRow | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.avg[0] === null || row.avg[0] === undefined) continue;
    if (bucketMs > 0 && row.t <= t && t < row.t + bucketMs) return row;
    const distance = Math.min(Math.abs(row.t - t), Math.abs(row.t + bucketMs - t));
    if (distance < nearestDistance) {
      nearest = row;
      nearestDistance = distance;
    }
  }
  return nearestDistance <= toleranceMs ? nearest : null;
}
