import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../sim/random.js';
import { ProfitSmoother } from './profit-smoother.js';
import { decideSwitch, type Option, type SwitchPolicy } from './switch-rule.js';

const POLICY: SwitchPolicy = { horizonS: 6 * 3600, hysteresis: 0.05, minDwellS: 30 * 60 };
const COSTS = { downtimeS: 120 };
const option = (id: string, profitPerDay: number, windowLossDays = 0): Option => ({ id, profitPerDay, windowLossDays });

describe('the switch rule', () => {
  it('switches when the gain over the horizon beats the cost and the margin', () => {
    // Gain: (12 - 10) x 0.25 day = 0.5; cost: 12 x 120/86,400 = 0.0167; margin: 0.05 x 10 x 0.25 = 0.125.
    const verdict = decideSwitch(option('ETC', 10), [option('ETC', 10), option('RVN', 12)], 3600, COSTS, POLICY);
    expect(verdict).toMatchObject({ switchTo: 'RVN' });
    if (verdict.switchTo) {
      expect(verdict.gainOverHorizon).toBeCloseTo(0.5, 9);
      expect(verdict.cost).toBeCloseTo((12 * 120) / 86_400, 9);
    }
  });

  it('stays when the gain is inside the margin, or the PPLNS window it would leave costs more', () => {
    expect(decideSwitch(option('ETC', 10), [option('RVN', 10.4)], 3600, COSTS, POLICY).switchTo).toBeNull();
    // Gain 0.5 over 6 h, but leaving a PPLNS window worth 0.1 day of 10/day costs 1.0.
    const pplns = decideSwitch(option('ETC', 10, 0.1), [option('RVN', 12)], 3600, COSTS, POLICY);
    expect(pplns.switchTo).toBeNull();
    expect(pplns.reason).toMatch(/not enough over the switch's cost 1\.02/);
  });

  it('never switches again within the minimum stay, whatever the gain', () => {
    const verdict = decideSwitch(option('ETC', 1), [option('RVN', 100)], 10 * 60, COSTS, POLICY);
    expect(verdict.switchTo).toBeNull();
    expect(verdict.reason).toMatch(/switched 10 min ago, 20 min of its minimum stay left/);
  });

  it('does not flap when two coins trade places around break-even under noisy prices (smoothed, as the switcher does)', () => {
    // Two coins whose profit alternates around the same mean with ±3 % noise, re-decided every 5 minutes for 3 days.
    const random = mulberry32(42);
    const smoother = new ProfitSmoother();
    let current = 'ETC';
    let lastSwitchS = -Infinity;
    let switches = 0;
    for (let t = 0; t < 3 * 86_400; t += 300) {
      const wobble = (t / 300) % 2 === 0 ? 1 : -1;
      const etc = smoother.update('ETC', t, 10 * (1 + 0.02 * wobble + (random() - 0.5) * 0.03));
      const rvn = smoother.update('RVN', t, 10 * (1 - 0.02 * wobble + (random() - 0.5) * 0.03));
      const options = [option('ETC', etc), option('RVN', rvn)];
      const mine = options.find((o) => o.id === current) ?? option(current, 0);
      const verdict = decideSwitch(mine, options, t - lastSwitchS, COSTS, POLICY);
      if (verdict.switchTo) {
        current = verdict.switchTo;
        lastSwitchS = t;
        switches += 1;
      }
    }
    expect(switches).toBe(0);
  });

  it('still follows a lasting change within the hour, once', () => {
    const smoother = new ProfitSmoother();
    let current = 'ETC';
    let lastSwitchS = -Infinity;
    const switchedAt: number[] = [];
    for (let t = 0; t < 6 * 3600; t += 300) {
      // RVN becomes 25 % better at the 2-hour mark and stays so.
      const options = [
        option('ETC', smoother.update('ETC', t, 10)),
        option('RVN', smoother.update('RVN', t, t >= 7200 ? 12.5 : 10)),
      ];
      const mine = options.find((o) => o.id === current) ?? option(current, 0);
      const verdict = decideSwitch(mine, options, t - lastSwitchS, COSTS, POLICY);
      if (verdict.switchTo) {
        current = verdict.switchTo;
        lastSwitchS = t;
        switchedAt.push(t);
      }
    }
    expect(current).toBe('RVN');
    expect(switchedAt).toHaveLength(1);
    expect(switchedAt[0]).toBeLessThanOrEqual(7200 + 3600);
  });

  it('the same prices unsmoothed, with no margin or dwell, would flap (the test above can fail)', () => {
    const naive: SwitchPolicy = { horizonS: 6 * 3600, hysteresis: 0, minDwellS: 0 };
    const random = mulberry32(42);
    let current = 'ETC';
    let switches = 0;
    for (let t = 0; t < 3 * 86_400; t += 300) {
      const wobble = (t / 300) % 2 === 0 ? 1 : -1;
      const options = [
        option('ETC', 10 * (1 + 0.02 * wobble + (random() - 0.5) * 0.03)),
        option('RVN', 10 * (1 - 0.02 * wobble + (random() - 0.5) * 0.03)),
      ];
      const mine = options.find((o) => o.id === current) ?? option(current, 0);
      const verdict = decideSwitch(mine, options, Infinity, { downtimeS: 0 }, naive);
      if (verdict.switchTo) {
        current = verdict.switchTo;
        switches += 1;
      }
    }
    expect(switches).toBeGreaterThan(100);
  });
});
