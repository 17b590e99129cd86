import { describe, expect, it } from 'vitest';
import { MIN_ZOOM_MS } from '../../store/history-windows.js';
import { CHART_MARGIN, Y_AXIS_WIDTH, dragToWindow, msPerPixels, timeAtX } from './zoom-drag.js';

const WIDTH = Y_AXIS_WIDTH + CHART_MARGIN.left + CHART_MARGIN.right + 400;
const LEFT = Y_AXIS_WIDTH + CHART_MARGIN.left;
const BOUNDS = { from: 0, to: 3_600_000 };

describe('zooming by dragging across a chart', () => {
  it('maps pixels of the plot (not of the axis) to times', () => {
    expect(timeAtX(LEFT, WIDTH, BOUNDS)).toBe(0);
    expect(timeAtX(LEFT + 200, WIDTH, BOUNDS)).toBe(1_800_000);
    expect(timeAtX(LEFT + 400, WIDTH, BOUNDS)).toBe(3_600_000);
    // Over the axis or past the end: clamped to the plot.
    expect(timeAtX(0, WIDTH, BOUNDS)).toBe(0);
    expect(timeAtX(WIDTH + 50, WIDTH, BOUNDS)).toBe(3_600_000);
    expect(msPerPixels(40, WIDTH, BOUNDS)).toBe(360_000);
  });

  it('turns a drag into the window under it, in either direction', () => {
    expect(dragToWindow(LEFT + 300, LEFT + 100, WIDTH, BOUNDS)).toEqual({ from: 900_000, to: 2_700_000 });
  });

  it('treats a press that barely moved as a click, not a zoom', () => {
    expect(dragToWindow(LEFT + 100, LEFT + 103, WIDTH, BOUNDS)).toBeNull();
  });

  it('never zooms narrower than the minimum', () => {
    const window = dragToWindow(LEFT + 390, LEFT + 400, WIDTH, BOUNDS);
    expect(window).toEqual({ from: 3_600_000 - MIN_ZOOM_MS * 1.5, to: 3_600_000 });
  });
});
