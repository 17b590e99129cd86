import { zoomWindow } from '../../store/history-windows.js';
import type { TimeBounds } from '../../store/history-windows.js';

/**
 * The chart's layout, fixed rather than measured so a drag's pixels map to times without asking recharts: the plot
 * starts after the left margin and the y axis, and ends before the right margin.
 */
export const CHART_MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const;
export const Y_AXIS_WIDTH = 68;
const PLOT_LEFT = CHART_MARGIN.left + Y_AXIS_WIDTH;

/** A press that moves less than this is a click (a point's breakdown), not a zoom. */
export const MIN_DRAG_PX = 6;

/** The time under x (pixels from the chart's left edge), clamped to the plot. */
export function timeAtX(x: number, widthPx: number, bounds: TimeBounds): number {
  const plotWidth = widthPx - PLOT_LEFT - CHART_MARGIN.right;
  if (plotWidth <= 0) return bounds.from;
  const share = Math.min(1, Math.max(0, (x - PLOT_LEFT) / plotWidth));
  return bounds.from + share * (bounds.to - bounds.from);
}

/** How many milliseconds `px` pixels of plot stand for. */
export function msPerPixels(px: number, widthPx: number, bounds: TimeBounds): number {
  const plotWidth = widthPx - PLOT_LEFT - CHART_MARGIN.right;
  return plotWidth <= 0 ? 0 : (px * (bounds.to - bounds.from)) / plotWidth;
}

/** The window a drag across the chart selects, or null when it was a click or there is nothing finer to show. */
export function dragToWindow(startX: number, endX: number, widthPx: number, bounds: TimeBounds): TimeBounds | null {
  if (Math.abs(endX - startX) < MIN_DRAG_PX) return null;
  return zoomWindow(timeAtX(startX, widthPx, bounds), timeAtX(endX, widthPx, bounds), bounds);
}
