// The frequency/voltage search. Efficiency is decided by voltage (power per hash grows with its square) and by how much
// clock a given voltage holds (fixed board power is shared by more hashes): the best points lie on the stability edge,
// the highest stable clock at each voltage. The walk follows that edge one safe step at a time: down in voltage from
// stock, lowering the clock at each level only until it is stable again (a lower voltage never holds a higher clock);
// up in clock and voltage only when the objective wants more hashrate and the power budget allows; then half steps
// around the best point. The next step is a function of the points measured so far, so a restart resumes the walk.
import type { DeviceSetting, FingerprintPoint } from '../../../../src-shared/model/optimizer.js';
import { bestPoint, type ObjectiveContext } from './objective.js';
import { clampToSpan, type SearchSpace, type Span } from './search-space.js';

type VfSpace = Extract<SearchSpace, { knob: 'frequency-voltage' }>;

/** Stop going down once the efficiency got worse this many levels running (the edge has turned). */
const WORSE_LEVELS_TO_STOP = 2;
/** Do not try a step predicted to bring the chips this close to the limit. */
const TEMP_HEADROOM_C = 3;

function setting(frequencyMhz: number, voltageMv: number): DeviceSetting {
  return { frequencyMhz, voltageMv, powerTargetW: null };
}

function levelsDown(stock: number, span: Span): number[] {
  const levels: number[] = [];
  for (let v = stock; v >= span.min; v -= span.step) levels.push(v);
  const last = levels[levels.length - 1];
  if (last !== undefined && last > span.min) levels.push(span.min);
  return levels;
}

function levelsUp(stock: number, span: Span): number[] {
  const levels: number[] = [];
  for (let v = stock + span.step; v <= span.max; v += span.step) levels.push(v);
  const last = levels[levels.length - 1] ?? stock;
  if (last < span.max) levels.push(span.max);
  return levels;
}

export interface VfSearchInput {
  space: VfSpace;
  stock: DeviceSetting;
  points: readonly FingerprintPoint[];
  context: ObjectiveContext;
  maxChipTempC: number;
  /** Power out of reach for now (the site cap's headroom): steps predicted above it are passed over. */
  reachableW?: number;
}

class Measured {
  private readonly byKey = new Map<string, FingerprintPoint>();
  constructor(points: readonly FingerprintPoint[]) {
    for (const point of points) this.byKey.set(`${point.setting.frequencyMhz}/${point.setting.voltageMv}`, point);
  }
  at(frequencyMhz: number, voltageMv: number): FingerprintPoint | undefined {
    return this.byKey.get(`${frequencyMhz}/${voltageMv}`);
  }
}

/** Power at another setting, scaled from a measured one: clock times voltage squared. */
export function predictPowerW(from: FingerprintPoint, frequencyMhz: number, voltageMv: number): number {
  const f0 = from.setting.frequencyMhz ?? frequencyMhz;
  const v0 = from.setting.voltageMv ?? voltageMv;
  return from.powerW * (frequencyMhz / f0) * (voltageMv / v0) ** 2;
}

function nearest(
  points: readonly FingerprintPoint[],
  frequencyMhz: number,
  voltageMv: number,
): FingerprintPoint | null {
  let best: FingerprintPoint | null = null;
  let distance = Infinity;
  for (const point of points) {
    const d =
      Math.abs((point.setting.frequencyMhz ?? 0) - frequencyMhz) / frequencyMhz +
      Math.abs((point.setting.voltageMv ?? 0) - voltageMv) / voltageMv;
    if (d < distance) {
      best = point;
      distance = d;
    }
  }
  return best;
}

function powerCeiling(input: VfSearchInput): number {
  const caps = [
    input.space.maxPowerW,
    input.context.objective === 'hashrate' ? input.context.powerBudgetW : null,
    input.reachableW ?? null,
  ];
  return Math.min(...caps.map((cap) => cap ?? Infinity));
}

/** The down walk: returns the next setting, or the clock held at the lowest level reached. */
function walkDown(input: VfSearchInput, measured: Measured): DeviceSetting | null {
  const { space, stock } = input;
  const fStep = space.frequency.step;
  // Stock may lie outside the operator's limits: the walk starts from it brought inside them.
  let fCap = clampToSpan(stock.frequencyMhz ?? space.frequency.max, space.frequency);
  let bestEfficiency = Infinity;
  let worse = 0;
  for (const v of levelsDown(clampToSpan(stock.voltageMv ?? space.voltage.max, space.voltage), space.voltage)) {
    let f = fCap;
    let point = measured.at(f, v);
    while (point && !point.stable) {
      if (f <= space.frequency.min) return null; // even the lowest clock fails here: lower voltages will too
      f = Math.max(space.frequency.min, f - fStep);
      point = measured.at(f, v);
    }
    if (!point) return setting(f, v);
    fCap = f;
    if (point.efficiencyJPerTh < bestEfficiency) {
      bestEfficiency = point.efficiencyJPerTh;
      worse = 0;
    } else if (++worse >= WORSE_LEVELS_TO_STOP) {
      return null;
    }
  }
  return null;
}

/** The up walk (hashrate and profit objectives): more clock at stock voltage, then more voltage for more clock. */
function walkUp(input: VfSearchInput, measured: Measured): DeviceSetting | null {
  const { space, stock, points } = input;
  const fStep = space.frequency.step;
  const ceiling = powerCeiling(input);
  const stockV = clampToSpan(stock.voltageMv ?? space.voltage.min, space.voltage);
  let fFloor = clampToSpan(stock.frequencyMhz ?? space.frequency.min, space.frequency);
  for (const v of [stockV, ...levelsUp(stockV, space.voltage)]) {
    let f = fFloor;
    for (;;) {
      const next = Math.min(space.frequency.max, f + fStep);
      if (next <= f) break;
      const basis = nearest(points, next, v);
      if (!basis || predictPowerW(basis, next, v) > ceiling) return null;
      const point = measured.at(next, v);
      if (!point) return setting(next, v);
      // Before the stability check: a point that failed for heat must end the climb, not be given more voltage.
      if (point.chipTempC !== null && point.chipTempC > input.maxChipTempC - TEMP_HEADROOM_C) return null;
      if (!point.stable) break;
      f = next;
    }
    if (f === fFloor && v !== stockV) return null; // more voltage bought no clock: stop
    fFloor = f;
  }
  return null;
}

function lostHashAt(point: FingerprintPoint): boolean {
  return !point.stable && point.hashLossFraction > 0;
}

/** Is (f, v) at least as hard on the chip as the setting: as much clock or more on as little voltage or less? */
function atOrPast(setting: DeviceSetting, frequencyMhz: number, voltageMv: number): boolean {
  return (
    setting.frequencyMhz !== null &&
    setting.voltageMv !== null &&
    frequencyMhz >= setting.frequencyMhz &&
    voltageMv <= setting.voltageMv
  );
}

/** Half steps of clock (and, for efficiency, of voltage) around the best point, once the walks are done. */
function refine(input: VfSearchInput, measured: Measured): DeviceSetting | null {
  const best = bestPoint(input.points, input.context);
  const f = best?.setting.frequencyMhz;
  const v = best?.setting.voltageMv;
  if (!best || f == null || v == null) return null;
  const { frequency, voltage } = input.space;
  const halfF = Math.round(frequency.step / 2);
  const halfV = Math.round(voltage.step / 2);
  const candidates: [number, number][] = [[f + halfF, v]];
  if (input.context.objective === 'efficiency') candidates.push([f, v - halfV]);
  else candidates.push([f - halfF, v]);
  const ceiling = powerCeiling(input);
  for (const [cf, cv] of candidates) {
    if (cf < frequency.min || cf > frequency.max || cv < voltage.min || cv > voltage.max) continue;
    if (measured.at(cf, cv)) continue;
    if (predictPowerW(best, cf, cv) > ceiling) continue;
    // A lower voltage never holds a higher clock: past a point that lost hashrate, the half step would fail too.
    if (input.points.some((point) => lostHashAt(point) && atOrPast(point.setting, cf, cv))) continue;
    // Only between the best and a neighbour that failed or was never tried: a stable full step already answered it.
    const full = measured.at(
      cf === f ? f : f + (cf > f ? frequency.step : -frequency.step),
      cv === v ? v : v - voltage.step,
    );
    if (full?.stable) continue;
    return setting(cf, cv);
  }
  return null;
}

/** The next setting to measure, or null when the search is done. */
export function nextVfStep(input: VfSearchInput): DeviceSetting | null {
  const measured = new Measured(input.points);
  return (
    walkDown(input, measured) ??
    (input.context.objective === 'efficiency' ? null : walkUp(input, measured)) ??
    refine(input, measured)
  );
}
