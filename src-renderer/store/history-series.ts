import { parseMetricKey } from '../../src-shared/model/index.js';
import type { MetricKey, Resolution, RigSnapshot, SeriesPoint, SeriesScope } from '../../src-shared/model/index.js';
import type { ApiErrorValue } from '../../src-shared/api/index.js';
import type { HistoryWindow } from './history-windows.js';
import { rigEfficiencyJPerTh } from './rig-figures.js';

/** What a chart asks the engine for: one `telemetry.series` call per metric, all over the same window. */
export interface ChartRequest {
  scope: SeriesScope;
  metrics: readonly MetricKey[];
  window: HistoryWindow;
  maxPoints: number;
}

export type ChartState = 'loading' | 'ready' | 'failed';

/** One chart's data in the history slice. Components select it by key, so a live update re-renders that chart only. */
export interface HistoryChart {
  request: ChartRequest;
  state: ChartState;
  error: ApiErrorValue | null;
  /** The bounds shown: the query's, then sliding forward with each live reading while the window is live. */
  from: number;
  to: number;
  /** What the engine picked for this window (null until the first answer). */
  resolution: Resolution | null;
  /** Width of one point: the poll interval for raw points, the (possibly widened) bucket otherwise. */
  bucketMs: number;
  /**
   * True when each point is one poll; false when points are buckets: rollups, and raw polls the engine averaged into
   * wider buckets to fit the chart. Live readings are appended one by one to the first, folded into the second.
   */
  perPoll: boolean;
  series: Readonly<Record<MetricKey, readonly SeriesPoint[]>>;
  /**
   * The end of the newest reading already in the series: a live reading at or before it is one the engine's answer
   * already held (or one a fleet minute already covered) and is not counted twice.
   */
  lastSampleAt: number;
  /** Each load gets a number; an answer to an older load (a range changed meanwhile) is dropped. */
  loadId: number;
}

/** A live reading for one series: a poll (spanMs 0) or a closed fleet minute (spanMs 60 000). */
export interface Sample {
  t: number;
  spanMs: number;
  value: number | null;
}

function pointOf(t: number, value: number | null): SeriesPoint {
  return { t, min: value, max: value, avg: value, last: value, samples: value === null ? 0 : 1 };
}

/**
 * Folds one value into a rollup bucket. The bucket's samples weigh its average; a bucket the engine built from
 * rollup rows (an hour of minutes) counts rows rather than polls, so its average drifts slightly until the next fetch
 * replaces it; only the newest bucket is ever folded into.
 */
export function foldIntoBucket(point: SeriesPoint, value: number | null): SeriesPoint {
  if (value === null) return point;
  if (point.avg === null || point.min === null || point.max === null) return pointOf(point.t, value);
  const weight = Math.max(1, point.samples);
  return {
    t: point.t,
    min: Math.min(point.min, value),
    max: Math.max(point.max, value),
    avg: (point.avg * weight + value) / (weight + 1),
    last: value,
    samples: point.samples + 1,
  };
}

/**
 * Adds a live reading to a series. With `bucketMs` 0 (one point per poll) each reading is a new point. Otherwise it is
 * folded into the newest bucket, or opens the next one on the same grid (anchored on the newest bucket, so it matches
 * however the engine aligned its buckets); a reading that covers a whole bucket (a fleet minute on a 1-minute chart)
 * replaces that bucket. Readings older than the newest point are ignored. Returns the same array when nothing changed.
 */
export function addSample(points: readonly SeriesPoint[], sample: Sample, bucketMs: number): readonly SeriesPoint[] {
  const last = points.at(-1);
  if (bucketMs <= 0) {
    if (last !== undefined && sample.t <= last.t) return points;
    return [...points, pointOf(sample.t, sample.value)];
  }
  if (last === undefined) return [pointOf(Math.floor(sample.t / bucketMs) * bucketMs, sample.value)];
  if (sample.t < last.t) return points;
  const offset = Math.floor((sample.t - last.t) / bucketMs) * bucketMs;
  if (offset > 0) return [...points, pointOf(last.t + offset, sample.value)];
  const replaced = sample.spanMs >= bucketMs ? pointOf(last.t, sample.value) : foldIntoBucket(last, sample.value);
  return replaced === last ? points : [...points.slice(0, -1), replaced];
}

/** Drops points that slid out of the window: polls (`bucketMs` 0) before `from`, buckets that end at or before it. */
export function trimBefore(points: readonly SeriesPoint[], from: number, bucketMs: number): readonly SeriesPoint[] {
  let drop = 0;
  while (drop < points.length) {
    const point = points[drop];
    if (point === undefined) break;
    const gone = bucketMs <= 0 ? point.t < from : point.t + bucketMs <= from;
    if (!gone) break;
    drop += 1;
  }
  return drop === 0 ? points : points.slice(drop);
}

/**
 * Appends one live reading to every series of a chart whose window ends now, then slides the window and trims what
 * fell out of it. `valueOf` answers undefined for a metric the reading cannot tell (that series is left alone).
 * Returns the same chart when nothing changed: not live, not loaded, or a reading the chart already holds.
 */
export function appendToChart(
  chart: HistoryChart,
  at: { t: number; spanMs: number },
  valueOf: (metric: MetricKey) => number | null | undefined,
): HistoryChart {
  const { request } = chart;
  if (chart.state !== 'ready' || request.window.kind !== 'live' || chart.resolution === null) return chart;
  const bucketMs = chart.perPoll ? 0 : chart.bucketMs;
  const end = at.t + at.spanMs;
  if (end <= chart.lastSampleAt) return chart;
  const to = Math.max(chart.to, end);
  const from = to - request.window.spanMs;
  const series: Record<MetricKey, readonly SeriesPoint[]> = {};
  for (const metric of request.metrics) {
    const points = chart.series[metric] ?? [];
    const value = valueOf(metric);
    const added = value === undefined ? points : addSample(points, { t: at.t, spanMs: at.spanMs, value }, bucketMs);
    series[metric] = trimBefore(added, from, bucketMs);
  }
  return { ...chart, series, from, to, lastSampleAt: end };
}

/**
 * A rig metric as the live snapshot reports it, the way the engine records it: the rig's hashrate, power and
 * efficiency (computed from power and hashrate when the firmware reports none), its hottest chip and board, and each
 * board's own figures. Undefined for what a snapshot cannot tell the same way (rates, fan speeds, the pool index).
 */
export function snapshotMetricValue(snapshot: RigSnapshot, key: MetricKey): number | null | undefined {
  const parsed = parseMetricKey(key);
  if (parsed === null) return undefined;
  if (parsed.kind === 'fan') return snapshot.fans.find((fan) => fan.index === parsed.index)?.rpm ?? null;
  if (parsed.kind === 'board') {
    const board = snapshot.boards.find((candidate) => candidate.index === parsed.index);
    if (board === undefined) return null;
    switch (parsed.metric) {
      case 'hashrate':
        return board.hashrateThs;
      case 'chipTemp':
        return board.chipTempC;
      case 'boardTemp':
        return board.boardTempC;
      case 'power':
        return board.powerW;
      case 'fanPercent':
        return board.fanPercent;
      case 'frequency':
        return board.frequencyMhz;
      case 'chipsOk':
        return board.chipsOk;
      case 'hwErrorRate':
        return undefined;
    }
  }
  switch (parsed.metric) {
    case 'hashrate':
      return snapshot.hashrateThs;
    case 'power':
      return snapshot.powerW;
    case 'efficiency':
      return rigEfficiencyJPerTh(snapshot);
    case 'chipTemp':
      return snapshot.maxChipTempC;
    case 'boardTemp':
      return snapshot.maxBoardTempC;
    case 'fanRpm':
    case 'acceptedRate':
    case 'rejectedRate':
    case 'hwErrorRate':
    case 'poolIndex':
      return undefined;
  }
}

/**
 * Whether the engine's answer is one point per poll: raw, and not averaged into buckets wider than a poll (it widens
 * them to fit the chart). Without the poll interval (settings not loaded yet) a raw answer is taken as per poll.
 */
export function isPerPoll(resolution: Resolution, bucketMs: number, pollIntervalMs: number | null): boolean {
  return resolution === 'raw' && (pollIntervalMs === null || bucketMs <= pollIntervalMs * 1.5);
}

/** The newest poll time in per-poll series (where live appends take over), or `fallback` when they hold none. */
export function newestPointAt(series: Readonly<Record<MetricKey, readonly SeriesPoint[]>>, fallback: number): number {
  let newest = fallback;
  for (const points of Object.values(series)) {
    const last = points.at(-1);
    if (last !== undefined && last.t > newest) newest = last.t;
  }
  return newest;
}
