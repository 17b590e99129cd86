import type { MetricUnit } from '../../../src-shared/model/index.js';
import type { ChartRow } from './chart-rows.js';

export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * The smallest span the value axis shows, so a steady figure reads as a flat line rather than as noise blown up to
 * the chart's full height: at least 4% of the value itself, or this much in the unit's own terms.
 */
const MIN_SPAN: Readonly<Record<MetricUnit, number>> = {
  hashrate: 0,
  power: 0,
  efficiency: 1,
  temperature: 4,
  rpm: 200,
  percent: 5,
  perMinute: 1,
  mhz: 20,
  count: 2,
};

function niceStep(span: number, tickCount: number): number {
  const rough = span / Math.max(1, tickCount - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough);
  return step ?? 10 * magnitude;
}

/**
 * A value axis over [min, max]: padded to a minimum span, never below zero for figures that cannot be negative,
 * with ticks on round steps, dropping a tick whose label reads the same as its neighbour's ("11.5 kW" four times).
 */
export function valueAxis(
  min: number,
  max: number,
  unit: MetricUnit,
  format: (value: number) => string,
  tickCount = 4,
): ValueAxis | null {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return null;
  const minSpan = Math.max(MIN_SPAN[unit], Math.max(Math.abs(min), Math.abs(max)) * 0.04, 1e-6);
  let low = min;
  let high = max;
  if (high - low < minSpan) {
    const middle = (low + high) / 2;
    low = middle - minSpan / 2;
    high = middle + minSpan / 2;
  }
  if (unit === 'count') {
    // Rigs up (and other counts) read against zero: "12 of 12" and "9 of 12" must not look alike.
    low = 0;
    high = Math.max(high, minSpan);
  } else if (min >= 0 && low < 0) {
    high -= low;
    low = 0;
  }
  let step = niceStep(high - low, tickCount);
  if (unit === 'count') step = Math.max(1, Math.round(step));
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  let previousLabel: string | null = null;
  for (let index = 0; first + index * step <= last + step / 1e6; index++) {
    // Multiplying rather than adding keeps 0.1 + 0.2 style drift out of the tick values.
    const tick = Number((first + index * step).toPrecision(12));
    const label = format(tick);
    if (label !== previousLabel) ticks.push(tick);
    previousLabel = label;
  }
  return { domain: [first, last], ticks };
}

/** The lowest and highest value the chart draws: averages of shown series, and the band of the banded ones. */
export function valueRange(
  rows: readonly ChartRow[],
  shown: readonly boolean[],
  banded: readonly boolean[],
): { min: number; max: number } | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const take = (value: number | null | undefined): void => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    if (value < min) min = value;
    if (value > max) max = value;
  };
  for (const row of rows) {
    shown.forEach((visible, index) => {
      if (!visible) return;
      take(row.avg[index]);
      if (banded[index] === true) {
        take(row.min[index]);
        take(row.max[index]);
      }
    });
  }
  return min <= max ? { min, max } : null;
}
