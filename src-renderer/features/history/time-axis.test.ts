import { describe, expect, it } from 'vitest';
import { formatAxisTime, timeTicks } from './time-axis.js';

const HOUR = 3_600_000;

describe('the time axis', () => {
  it('puts at most the asked number of ticks, evenly spaced, inside the window', () => {
    for (const span of [5 * 60_000, HOUR, 24 * HOUR, 7 * 24 * HOUR, 365 * 24 * HOUR]) {
      const bounds = { from: 1_700_000_123_456, to: 1_700_000_123_456 + span };
      const ticks = timeTicks(bounds, 6);
      expect(ticks.length).toBeGreaterThan(1);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every((tick) => tick >= bounds.from && tick <= bounds.to)).toBe(true);
      const steps = new Set(ticks.slice(1).map((tick, index) => tick - (ticks[index] ?? 0)));
      expect(steps.size).toBe(1);
    }
  });

  it('lands hour ticks on the hour of the local clock', () => {
    const ticks = timeTicks({ from: 1_700_000_123_456, to: 1_700_000_123_456 + 24 * HOUR }, 6);
    expect(ticks.every((tick) => new Date(tick).getMinutes() === 0)).toBe(true);
  });

  it('labels as precisely as the span needs', () => {
    const t = new Date(2025, 10, 26, 14, 5, 30).getTime();
    expect(formatAxisTime(t, 5 * 60_000)).toMatch(/30/);
    expect(formatAxisTime(t, HOUR)).not.toMatch(/30/);
    expect(formatAxisTime(t, 90 * 24 * HOUR)).toMatch(/26/);
  });
});
