import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './history-format.js';
import { valueAxis, valueRange } from './value-axis.js';

const power = (value: number) => formatMetricValue('power', value);

describe('the value axis', () => {
  it('puts ticks on round steps that cover the data', () => {
    const axis = valueAxis(3190, 3260, 'power', power);
    expect(axis?.domain[0]).toBeLessThanOrEqual(3190);
    expect(axis?.domain[1]).toBeGreaterThanOrEqual(3260);
    expect(axis?.ticks.every((tick) => tick % 25 === 0)).toBe(true);
  });

  it('shows a steady figure as a flat line, not as noise stretched to full height', () => {
    const axis = valueAxis(11_460, 11_520, 'power', power);
    const [low = 0, high = 0] = axis?.domain ?? [];
    expect(high - low).toBeGreaterThanOrEqual(11_520 * 0.04);
  });

  it('never repeats a tick label, however the unit rounds', () => {
    const axis = valueAxis(11_460, 11_520, 'power', power);
    const labels = axis?.ticks.map(power) ?? [];
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('does not go below zero for figures that cannot, and counts start at zero', () => {
    expect(valueAxis(0, 0.2, 'hashrate', String)?.domain[0]).toBe(0);
    const rigs = valueAxis(11, 12, 'count', String);
    expect(rigs?.domain[0]).toBe(0);
    expect(rigs?.ticks.every(Number.isInteger)).toBe(true);
  });

  it('has nothing to say without data', () => {
    expect(valueAxis(Number.NaN, 1, 'power', power)).toBeNull();
  });

  it('spans the shown averages and the bands of banded series, leaving hidden series out', () => {
    const rows = [
      { t: 0, avg: [100, 30], min: [90, 29], max: [110, 31] },
      { t: 1, avg: [105, 500], min: [104, 500], max: [106, 500] },
    ];
    expect(valueRange(rows, [true, false], [true, false])).toEqual({ min: 90, max: 110 });
    expect(valueRange(rows, [true, true], [false, false])).toEqual({ min: 30, max: 500 });
    expect(valueRange([], [true], [true])).toBeNull();
  });
});
