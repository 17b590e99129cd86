// The power-target search, for firmware whose only knob is a power target (Braiins OS+, Whatsminer): its own tuner
// picks clocks and voltages for the target, so the device's curve is one-dimensional. Efficiency has one optimum in
// between (fixed power shared by few hashes at the bottom, voltage squared at the top): a coarse sweep from the lowest
// target up to stock (or to the budget, for the hashrate and profit objectives), then halving the gaps on either side
// of the best point until they are down to two steps. Like the V/F walk, the next step follows from the points alone.
import type { DeviceSetting, FingerprintPoint } from '../../../../src-shared/model/optimizer.js';
import { bestPoint, type ObjectiveContext } from './objective.js';
import type { SearchSpace } from './search-space.js';

type PowerSpace = Extract<SearchSpace, { knob: 'power-target' }>;

const SWEEP_POINTS = 4;

export interface PowerSearchInput {
  space: PowerSpace;
  stock: DeviceSetting;
  points: readonly FingerprintPoint[];
  context: ObjectiveContext;
  /** Targets above this are out of reach for now (the site cap's headroom): passed over. */
  reachableW?: number;
}

function target(watts: number): DeviceSetting {
  return { frequencyMhz: null, voltageMv: null, powerTargetW: watts };
}

function snap(watts: number, space: PowerSpace): number {
  const { min, max, step } = space.power;
  return Math.min(max, Math.max(min, min + Math.round((watts - min) / step) * step));
}

/** The top of the sweep: stock for efficiency, else as far as the budget and the range allow (never under the range). */
export function sweepTop(input: PowerSearchInput): number {
  const { space, stock, context } = input;
  const stockW = stock.powerTargetW ?? space.power.max;
  if (context.objective === 'efficiency') return Math.max(space.power.min, Math.min(stockW, space.power.max));
  const budget = context.objective === 'hashrate' ? context.powerBudgetW : null;
  return Math.max(space.power.min, Math.min(space.power.max, budget ?? Infinity, space.maxPowerW ?? Infinity));
}

export function nextPowerStep(input: PowerSearchInput): DeviceSetting | null {
  const { space, points } = input;
  const measured = new Set(points.map((point) => point.setting.powerTargetW));
  const reachable = (watts: number) => watts <= (input.reachableW ?? Infinity);
  const top = sweepTop(input);
  const bottom = space.power.min;
  // The sweep runs from the top down: the first steps stay close to where the device already runs.
  for (let i = SWEEP_POINTS - 1; i >= 0; i--) {
    // The top is taken as it is (stock need not sit on the grid); the rest snap to whole steps.
    const watts = i === SWEEP_POINTS - 1 ? top : snap(bottom + ((top - bottom) * i) / (SWEEP_POINTS - 1), space);
    if (!measured.has(watts) && reachable(watts)) return target(watts);
  }
  const best = bestPoint(points, input.context);
  const bestW = best?.setting.powerTargetW;
  if (bestW == null) return null;
  const tried = [...measured].filter((w): w is number => w !== null).sort((a, b) => a - b);
  const below = tried.filter((w) => w < bestW).pop();
  const above = tried.find((w) => w > bestW && w <= top);
  for (const neighbour of [below, above]) {
    if (neighbour === undefined || Math.abs(neighbour - bestW) < 2 * space.power.step) continue;
    const watts = snap((neighbour + bestW) / 2, space);
    if (!measured.has(watts) && reachable(watts)) return target(watts);
  }
  return null;
}
