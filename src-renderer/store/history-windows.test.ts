import { describe, expect, it } from 'vitest';
import { SeriesQuerySchema } from '../../src-shared/model/index.js';
import { MIN_ZOOM_MS, RANGE_PRESETS, presetWindow, seriesQuery, windowBounds, zoomWindow } from './history-windows.js';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('history windows', () => {
  it('turns each range preset into a window that ends now', () => {
    const spans = RANGE_PRESETS.map((preset) => {
      const bounds = windowBounds(presetWindow(preset), NOW);
      expect(bounds.to).toBe(NOW);
      return bounds.to - bounds.from;
    });
    expect(spans).toEqual([HOUR, DAY, 7 * DAY, 30 * DAY, 365 * DAY]);
  });

  it('rounds a live window to whole milliseconds, as the contract requires', () => {
    expect(windowBounds(presetWindow('1h'), NOW + 0.6)).toEqual({ from: NOW + 1 - HOUR, to: NOW + 1 });
  });

  it('keeps a zoomed (fixed) window where it is, whatever the time', () => {
    expect(windowBounds({ kind: 'fixed', from: 10, to: 20 }, NOW)).toEqual({ from: 10, to: 20 });
  });

  it('zooms into the dragged span in either direction, clamped to what the chart shows', () => {
    const within = { from: NOW - HOUR, to: NOW };
    expect(zoomWindow(NOW - 20 * 60_000, NOW - 10 * 60_000, within)).toEqual({
      from: NOW - 20 * 60_000,
      to: NOW - 10 * 60_000,
    });
    expect(zoomWindow(NOW + 60_000, NOW - 10 * 60_000, within)).toEqual({ from: NOW - 10 * 60_000, to: NOW });
  });

  it('widens a too-narrow drag around its middle, staying inside the chart', () => {
    const within = { from: NOW - HOUR, to: NOW };
    expect(zoomWindow(NOW - 30 * 60_000, NOW - 30 * 60_000 + 1000, within)).toEqual({
      from: NOW - 30 * 60_000 + 500 - MIN_ZOOM_MS / 2,
      to: NOW - 30 * 60_000 + 500 + MIN_ZOOM_MS / 2,
    });
    // At the right edge the minimum window is pushed back inside rather than past now.
    expect(zoomWindow(NOW - 2000, NOW, within)).toEqual({ from: NOW - MIN_ZOOM_MS, to: NOW });
  });

  it('refuses to zoom a chart already at the minimum span', () => {
    expect(zoomWindow(NOW - 10_000, NOW, { from: NOW - MIN_ZOOM_MS, to: NOW })).toBeNull();
  });

  it("builds a query the contract accepts and leaves the resolution to the engine's choice", () => {
    const query = seriesQuery({ rigId: '127.0.5.10:4028' }, 'board.2.hashrate', { from: 1000, to: 2000 }, 480);
    expect(query).toEqual({
      scope: { rigId: '127.0.5.10:4028' },
      metric: 'board.2.hashrate',
      from: 1000,
      to: 2000,
      maxPoints: 480,
      resolution: 'auto',
    });
    expect(SeriesQuerySchema.safeParse(query).success).toBe(true);
  });
});
