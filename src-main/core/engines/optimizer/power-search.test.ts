import { describe, expect, it } from 'vitest';
import type { DeviceSetting, FingerprintPoint } from '../../../../src-shared/model/optimizer.js';
import { bestPoint, type ObjectiveContext } from './objective.js';
import { nextPowerStep, sweepTop } from './power-search.js';
import type { SearchSpace } from './search-space.js';
import { objective, point, target } from './test-builders.fixture.js';

type PowerSpace = Extract<SearchSpace, { knob: 'power-target' }>;

// A fine step, so that the coarse sweep alone (four points over 2,500 W) cannot land within two steps of the optimum.
const SPACE: PowerSpace = { knob: 'power-target', power: { min: 1000, max: 3500, step: 100 }, maxPowerW: null };
const STOCK = target(3250);

/** An S19-like curve: J/TH is convex in the target with its minimum at optimumW (30 J/TH there). */
function curve(optimumW: number): (watts: number) => FingerprintPoint {
  return (watts) => {
    const jPerTh = 30 * (1 + ((watts - optimumW) / 1500) ** 2);
    return point(target(watts), { powerW: watts, hashrateThs: watts / jPerTh });
  };
}

function walk(
  device: (watts: number) => FingerprintPoint,
  context: ObjectiveContext,
  options: { reachableW?: number; space?: PowerSpace; stock?: DeviceSetting } = {},
): { points: FingerprintPoint[]; ended: boolean } {
  const stock = options.stock ?? STOCK;
  const points = [device(stock.powerTargetW ?? 0)];
  for (let i = 0; i < 25; i++) {
    const next = nextPowerStep({
      space: options.space ?? SPACE,
      stock,
      points,
      context,
      ...(options.reachableW === undefined ? {} : { reachableW: options.reachableW }),
    });
    if (!next) return { points, ended: true };
    points.push(device(next.powerTargetW ?? 0));
  }
  return { points, ended: false };
}

describe('nextPowerStep against a convex J/TH curve', () => {
  // Each optimum lies 350-400 W from the nearest sweep point (1,000, 1,800, 2,500, 3,250 W): only the halving finds it.
  it.each([1400, 2150, 2850])(
    'ends, and finds the optimum at %i W within two steps, with every target inside the range',
    (optimumW) => {
      const context = objective({ objective: 'efficiency' });
      const { points, ended } = walk(curve(optimumW), context);
      expect(ended).toBe(true);
      for (const { setting } of points) {
        expect(setting.powerTargetW).toBeGreaterThanOrEqual(SPACE.power.min);
        expect(setting.powerTargetW).toBeLessThanOrEqual(SPACE.power.max);
      }
      const best = bestPoint(points, context)?.setting.powerTargetW ?? NaN;
      expect(Math.abs(best - optimumW)).toBeLessThanOrEqual(2 * SPACE.power.step);
    },
  );

  it('measures each target once', () => {
    const { points } = walk(curve(1900), objective());
    const targets = points.map((p) => p.setting.powerTargetW);
    expect(new Set(targets).size).toBe(targets.length);
  });
});

describe('nextPowerStep: the top of the sweep', () => {
  it('is stock for efficiency: no target above what the device ran at', () => {
    const context = objective({ objective: 'efficiency' });
    expect(sweepTop({ space: SPACE, stock: STOCK, points: [], context })).toBe(3250);
    const { points } = walk(curve(3400), context);
    expect(Math.max(...points.map((p) => p.setting.powerTargetW ?? 0))).toBe(3250);
  });

  it("is the device's budget for hashrate (its range without one), and the first step goes there", () => {
    const withBudget = objective({ objective: 'hashrate', powerBudgetW: 2800 });
    expect(sweepTop({ space: SPACE, stock: target(2000), points: [], context: withBudget })).toBe(2800);
    const first = nextPowerStep({
      space: SPACE,
      stock: target(2000),
      points: [curve(2000)(2000)],
      context: withBudget,
    });
    expect(first).toEqual(target(2800));
    const { points } = walk(curve(2000), withBudget, { stock: target(2000) });
    expect(Math.max(...points.map((p) => p.setting.powerTargetW ?? 0))).toBe(2800);
    const noBudget = objective({ objective: 'hashrate', powerBudgetW: null });
    expect(sweepTop({ space: SPACE, stock: target(2000), points: [], context: noBudget })).toBe(3500);
  });

  it("keeps to the device's range when the budget is under it", () => {
    const small = objective({ objective: 'hashrate', powerBudgetW: 800 });
    expect(sweepTop({ space: SPACE, stock: STOCK, points: [], context: small })).toBe(SPACE.power.min);
    const { points } = walk(curve(2000), small);
    for (const { setting } of points.slice(1)) expect(setting.powerTargetW).toBeGreaterThanOrEqual(SPACE.power.min);
  });
});

describe('nextPowerStep: power out of reach', () => {
  it('passes over targets above what the site cap leaves, and still ends', () => {
    const context = objective({ objective: 'hashrate' });
    const free = walk(curve(1900), context);
    expect(Math.max(...free.points.map((p) => p.setting.powerTargetW ?? 0))).toBe(3500);
    const capped = walk(curve(1900), context, { reachableW: 2000 });
    expect(capped.ended).toBe(true);
    const tried = capped.points.slice(1).map((p) => p.setting.powerTargetW ?? Infinity);
    expect(tried.length).toBeGreaterThan(0);
    for (const watts of tried) expect(watts).toBeLessThanOrEqual(2000);
  });
});
