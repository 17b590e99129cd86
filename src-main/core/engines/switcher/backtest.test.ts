import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../sim/random.js';
import { backtest, type BacktestStep } from './backtest.js';

const POLICY = { horizonS: 6 * 3600, hysteresis: 0.05, minDwellS: 30 * 60 };
const COSTS = { downtimeS: 120 };

/**
 * A generated scenario, hourly for 60 days: coin A steady at 10/day; coin B at 9.8/day (the noise makes them
 * cross every few hours), better (12/day) for two
 * ten-day stretches; both with ±4 % noise every hour.
 */
function scenario(): BacktestStep[] {
  const random = mulberry32(7);
  return Array.from({ length: 60 * 24 }, (_, hour) => {
    const day = hour / 24;
    const bGood = (day >= 10 && day < 20) || (day >= 35 && day < 45);
    return {
      tS: hour * 3600,
      profitPerDay: { A: 10 * (1 + (random() - 0.5) * 0.08), B: (bGood ? 12 : 9.8) * (1 + (random() - 0.5) * 0.08) },
    };
  });
}

describe('the backtest', () => {
  it('beats holding the best coin of the start and of hindsight when the best coin changes, with few switches', () => {
    const report = backtest(scenario(), POLICY, COSTS);
    expect(report.days).toBeCloseTo(60 - 1 / 24, 6);
    expect(report.switcher.netRevenue).toBeGreaterThan(report.bestAtStart.netRevenue);
    expect(report.switcher.netRevenue).toBeGreaterThan(report.bestInHindsight.netRevenue);
    // Four regime changes: about four switches, each losing its downtime.
    expect(report.switcher.switches).toBeGreaterThanOrEqual(4);
    expect(report.switcher.switches).toBeLessThanOrEqual(8);
    expect(report.switcher.lostS).toBe(report.switcher.switches * 120);
  });

  it('does better than the naive switcher, which chases the noise', () => {
    const report = backtest(scenario(), POLICY, { downtimeS: 1800 });
    expect(report.naive.switches).toBeGreaterThan(report.switcher.switches * 5);
    expect(report.switcher.netRevenue).toBeGreaterThan(report.naive.netRevenue);
  });

  it('holds one coin when it is always best: the same money as holding it, no switch', () => {
    const steady = scenario().map((step) => ({ tS: step.tS, profitPerDay: { A: 10, B: 8 } }));
    const report = backtest(steady, POLICY, COSTS);
    expect(report.switcher.switches).toBe(0);
    expect(report.switcher.netRevenue).toBeCloseTo(report.bestInHindsight.netRevenue, 9);
    expect(report.bestInHindsight.name).toMatch(/always A/);
  });
});
