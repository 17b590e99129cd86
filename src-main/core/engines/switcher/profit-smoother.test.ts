import { describe, expect, it } from 'vitest';
import { ProfitSmoother } from './profit-smoother.js';

describe('the profit smoother', () => {
  it('starts at the first figure and covers 63 % of a step in one time constant', () => {
    const smoother = new ProfitSmoother(3600);
    expect(smoother.update('BTC', 0, 10)).toBe(10);
    expect(smoother.update('BTC', 3600, 20)).toBeCloseTo(10 + 10 * (1 - Math.exp(-1)), 9);
  });

  it('keeps options apart and ignores a figure older than the last one', () => {
    const smoother = new ProfitSmoother(3600);
    smoother.update('A', 100, 5);
    smoother.update('B', 100, 50);
    expect(smoother.update('A', 50, 500)).toBe(5);
    expect(smoother.update('B', 100, 0)).toBe(50);
  });
});
