import type { MetricUnit, Resolution } from '../../../src-shared/model/index.js';
import {
  formatDuration,
  formatEfficiency,
  formatFanSpeed,
  formatFrequency,
  formatHashrate,
  formatPercent,
  formatPower,
  formatTemperature,
} from '../../../src-shared/units.js';
import { formatLogTime, formatPlainNumber } from '../../ui/format-plain.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The resolution in use, in words: "each poll (every 5s)", "10s averages of each poll" (raw polls the engine averaged
 * to fit the chart), "1-minute averages", "3-minute averages", "1-hour averages".
 */
export function describeResolution(resolution: Resolution, bucketMs: number, perPoll: boolean): string {
  if (resolution === 'raw' && perPoll) {
    return bucketMs > 0 ? `each poll (every ${formatDuration(bucketMs / 1000)})` : 'each poll';
  }
  if (resolution === 'raw') return `${formatDuration(bucketMs / 1000)} averages of each poll`;
  if (bucketMs > 0 && bucketMs % HOUR_MS === 0) return `${bucketMs / HOUR_MS}-hour averages`;
  if (bucketMs > 0 && bucketMs % MINUTE_MS === 0) return `${bucketMs / MINUTE_MS}-minute averages`;
  if (bucketMs > 0) return `${formatDuration(bucketMs / 1000)} averages`;
  return resolution === '1m' ? '1-minute averages' : '1-hour averages';
}

/** A value of a metric in its unit, through src-shared/units.ts like every other figure on screen. */
export function formatMetricValue(unit: MetricUnit, value: number | null): string {
  switch (unit) {
    case 'hashrate':
      return formatHashrate(value);
    case 'power':
      return formatPower(value);
    case 'efficiency':
      return formatEfficiency(value);
    case 'temperature':
      return formatTemperature(value);
    case 'rpm':
      return formatFanSpeed(value);
    case 'percent':
      // Fan duty and similar are reported 0-100; formatPercent takes a share (0-1).
      return formatPercent(value === null ? null : value / 100);
    case 'mhz':
      return formatFrequency(value);
    case 'perMinute':
      // units.ts has no rate format; none of the charts here shows one (see the report on the contract).
      return value === null || !Number.isFinite(value) ? '—' : `${formatPlainNumber(Math.round(value * 10) / 10)}/min`;
    case 'count':
      // An average of whole counts (rigs up over an hour) keeps one decimal: 11.5 says a rig was down half the time.
      return value === null || !Number.isFinite(value) ? '—' : formatPlainNumber(Math.round(value * 10) / 10);
  }
}

export interface PointDescription {
  /** The average (or the poll's value). */
  value: string;
  /** "108.1 TH/s – 112.4 TH/s" for a rollup whose values spread; null for a poll or a flat bucket. */
  range: string | null;
}

/** What a tooltip says of one series at one point: the average, and for a rollup the spread under it. */
export function describePoint(
  unit: MetricUnit,
  point: { avg: number | null; min: number | null; max: number | null },
  rollup: boolean,
): PointDescription {
  const value = formatMetricValue(unit, point.avg);
  if (!rollup || point.min === null || point.max === null) return { value, range: null };
  const low = formatMetricValue(unit, point.min);
  const high = formatMetricValue(unit, point.max);
  return { value, range: low === high ? null : `${low} – ${high}` };
}

/** The moment a point stands for: the poll's time, or a bucket's start and end ("14:32:00 – 14:34:00"). */
export function formatBucketTime(t: number, bucketMs: number, perPoll: boolean, nowMs: number): string {
  if (perPoll || bucketMs <= 0) return formatLogTime(t, nowMs);
  return `${formatLogTime(t, nowMs)} – ${formatLogTime(t + bucketMs, nowMs)}`;
}
