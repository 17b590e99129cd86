import type { MetricKey, SeriesQuery, SeriesScope } from '../../src-shared/model/index.js';

/** The ranges an operator picks from, as in Awesome Miner or Hive OS: the last hour up to the last year. */
export const RANGE_PRESETS = ['1h', '24h', '7d', '30d', '1y'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = '24h';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const RANGE_SPAN_MS: Readonly<Record<RangePreset, number>> = {
  '1h': HOUR_MS,
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '1y': 365 * DAY_MS,
};

/**
 * What a chart shows. live: the last `spanMs`, ending now and sliding as new readings arrive (a preset); fixed: a
 * window in the past the operator zoomed into, which never moves.
 */
export type HistoryWindow = { kind: 'live'; spanMs: number } | { kind: 'fixed'; from: number; to: number };

export interface TimeBounds {
  from: number;
  to: number;
}

export function presetWindow(preset: RangePreset): HistoryWindow {
  return { kind: 'live', spanMs: RANGE_SPAN_MS[preset] };
}

/** The epoch-millisecond bounds of a window at `nowMs`: whole milliseconds, as the contract's timestamps must be. */
export function windowBounds(window: HistoryWindow, nowMs: number): TimeBounds {
  if (window.kind === 'fixed') return { from: window.from, to: window.to };
  const to = Math.round(nowMs);
  return { from: to - window.spanMs, to };
}

/**
 * Below a minute a zoom shows a handful of polls at most and the axis labels stop being readable; a narrower drag is
 * widened around its middle to this.
 */
export const MIN_ZOOM_MS = 60_000;

/**
 * The window a drag from `startMs` to `endMs` selects, clamped to what the chart shows and at least `minSpanMs` wide.
 * Null when the chart already shows no more than the minimum: there is nothing finer to drill into.
 */
export function zoomWindow(
  startMs: number,
  endMs: number,
  within: TimeBounds,
  minSpanMs: number = MIN_ZOOM_MS,
): TimeBounds | null {
  if (within.to - within.from <= minSpanMs) return null;
  let from = Math.max(within.from, Math.min(startMs, endMs));
  let to = Math.min(within.to, Math.max(startMs, endMs));
  if (to - from < minSpanMs) {
    const middle = (from + to) / 2;
    from = Math.min(Math.max(within.from, middle - minSpanMs / 2), within.to - minSpanMs);
    to = from + minSpanMs;
  }
  return { from: Math.round(from), to: Math.round(to) };
}

/**
 * One metric's query over a window. The resolution is left to the engine ('auto'): it picks the finest one that is
 * still kept and fits the chart's width, which is what makes a zoomed-in window come back in more detail.
 */
export function seriesQuery(scope: SeriesScope, metric: MetricKey, bounds: TimeBounds, maxPoints: number): SeriesQuery {
  return { scope, metric, from: bounds.from, to: bounds.to, maxPoints, resolution: 'auto' };
}
