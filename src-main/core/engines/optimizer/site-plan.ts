// The site plan: where each tuned device should run now. Each device starts at the point its objective picks; time of
// use lowers it (or puts it to sleep) in hours when that point does not pay for its power; thermal balancing lowers
// devices whose chips would run over the target at their intake temperature and gives the hashrate lost to cooler
// devices, cheapest watts first; the site power cap then brings the total under the limit with the most hashrate
// left. Pure: the same inputs give the same plan, so the plan only moves when the inputs do (no flapping).
import type { DecisionCause, FingerprintPoint } from '../../../../src-shared/model/optimizer.js';
import { formatPower, formatTemperature } from '../../../../src-shared/units.js';
import { describeSetting } from './describe.js';
import { bestPoint, profitPerHour, type ObjectiveContext } from './objective.js';
import { planUnderCap, type CapDevice } from './power-cap.js';
import { bestPointForPrice } from './time-of-use.js';

export interface PlanDevice {
  id: string;
  points: readonly FingerprintPoint[];
  canSleep: boolean;
  /** The point it runs at now, if it is one of its points (for the thermal hysteresis). */
  currentIndex: number | null;
  /** Chip temperature rise over intake per watt with the fans near full (cooling.ts); null: not known yet. */
  kelvinPerWatt: number | null;
  intakeC: number;
}

export interface SiteInput {
  devices: readonly PlanDevice[];
  /** Power drawn by devices the plan cannot move (exploring, failed, not tunable). */
  fixedPowerW: number;
  objective: ObjectiveContext;
  capW: number | null;
  /** The plan aims this far under the cap, so reading noise and settling never cross it (0.02: 2 %). */
  capMargin: number;
  timeOfUse: boolean;
  thermal: { targetChipC: number } | null;
}

export interface PlanChoice {
  /** Index into the device's points, or null: asleep. */
  index: number | null;
  cause: DecisionCause;
  /** Worded only for the devices that actually move: a thousand reasons a round would cost more than the plan. */
  reason: () => string;
}

export interface SitePlan {
  choices: Map<string, PlanChoice>;
  plannedPowerW: number;
  plannedHashrateThs: number;
  /** False when even the lowest points exceed the cap. */
  feasible: boolean;
}

/** Below the target by this much before a thermally lowered device may go back up. */
const THERMAL_HYSTERESIS_C = 2;

function lowestIndex(points: readonly FingerprintPoint[]): number {
  let lowest = 0;
  points.forEach((point, index) => {
    if (point.powerW < (points[lowest]?.powerW ?? Infinity)) lowest = index;
  });
  return lowest;
}

function objectiveChoice(device: PlanDevice, context: ObjectiveContext): PlanChoice {
  const best = bestPoint(device.points, context);
  const index = best ? device.points.indexOf(best) : lowestIndex(device.points);
  const point = device.points[index];
  const where = () =>
    point
      ? `${describeSetting(point.setting)} (${formatPower(point.powerW)}, ${point.hashrateThs.toFixed(2)} TH/s)`
      : 'its lowest point';
  return { index, cause: 'objective', reason: () => `Best point for ${context.objective}: ${where()}` };
}

function timeOfUseChoice(device: PlanDevice, choice: PlanChoice, context: ObjectiveContext): PlanChoice {
  const current = choice.index === null ? null : device.points[choice.index];
  if (!current || profitPerHour(current, context) >= 0) return choice;
  const price = `${context.pricePerKwh.toFixed(3)}/kWh`;
  const pick = bestPointForPrice(device.points, context.revenuePerThHour, context.pricePerKwh);
  if (pick.index !== null) {
    const point = device.points[pick.index];
    return {
      index: pick.index,
      cause: 'time-of-use',
      reason: () =>
        `Power at ${price}: ${point ? describeSetting(point.setting) : 'a lower point'} still pays (${pick.profitPerHour.toFixed(3)}/h), its usual point would lose money`,
    };
  }
  const revenue = current.hashrateThs * context.revenuePerThHour;
  const cost = (current.powerW / 1000) * context.pricePerKwh;
  const words = () => `revenue ${revenue.toFixed(3)}/h does not cover the power cost ${cost.toFixed(3)}/h at ${price}`;
  return device.canSleep
    ? { index: null, cause: 'time-of-use', reason: () => `Sleeping: ${words()}` }
    : {
        index: lowestIndex(device.points),
        cause: 'time-of-use',
        reason: () => `Lowest point (it cannot sleep): ${words()}`,
      };
}

function applyThermal(input: SiteInput, choices: Map<string, PlanChoice>, targetChipC: number): void {
  const hot = new Set<string>();
  const allowedMax = new Map<string, number>();
  let shortfallThs = 0;
  for (const device of input.devices) {
    const choice = choices.get(device.id);
    const r = device.kelvinPerWatt;
    if (!choice || choice.index === null || r === null || r === 0) continue;
    const chosen = device.points[choice.index];
    if (!chosen) continue;
    // Going back up above where it runs now needs the hysteresis margin; staying at or below it needs only the target
    // (otherwise a device derated to just under the target would be stepped down again on the next round).
    const targetW = (targetChipC - device.intakeC) / r;
    const currentW = device.currentIndex === null ? null : (device.points[device.currentIndex]?.powerW ?? null);
    const maxW =
      currentW !== null && currentW < chosen.powerW
        ? Math.min(targetW, Math.max(currentW, (targetChipC - THERMAL_HYSTERESIS_C - device.intakeC) / r))
        : targetW;
    allowedMax.set(device.id, targetW);
    if (chosen.powerW <= maxW) continue;
    let index = lowestIndex(device.points);
    device.points.forEach((point, i) => {
      const best = device.points[index];
      if (point.powerW <= maxW && point.powerW <= chosen.powerW && best && point.hashrateThs > best.hashrateThs)
        index = i;
    });
    const point = device.points[index];
    if (!point) continue;
    hot.add(device.id);
    shortfallThs += chosen.hashrateThs - point.hashrateThs;
    choices.set(device.id, {
      index,
      cause: 'thermal',
      reason: () =>
        `Thermal: intake ${formatTemperature(device.intakeC)}, chips would reach ${formatTemperature(device.intakeC + r * chosen.powerW)} at ${formatPower(chosen.powerW)} (target ${formatTemperature(targetChipC)}): ${describeSetting(point.setting)}`,
    });
  }
  if (shortfallThs <= 0) return;
  // Make up the hashrate on cooler devices, the upgrades that cost the fewest watts per TH/s first, never past the
  // operator's per-device budget.
  const budgetW = input.objective.objective === 'hashrate' ? (input.objective.powerBudgetW ?? Infinity) : Infinity;
  const upgrades: { id: string; index: number; dW: number; dH: number }[] = [];
  for (const device of input.devices) {
    const choice = choices.get(device.id);
    if (hot.has(device.id) || !choice || choice.index === null) continue;
    const from = device.points[choice.index];
    const maxW = Math.min(allowedMax.get(device.id) ?? Infinity, budgetW);
    if (!from) continue;
    device.points.forEach((point, index) => {
      const dH = point.hashrateThs - from.hashrateThs;
      const dW = point.powerW - from.powerW;
      if (dH > 0 && point.powerW <= maxW) upgrades.push({ id: device.id, index, dW, dH });
    });
  }
  upgrades.sort((a, b) => a.dW / a.dH - b.dW / b.dH);
  const taken = new Set<string>();
  for (const upgrade of upgrades) {
    if (shortfallThs <= 0) break;
    if (taken.has(upgrade.id)) continue;
    taken.add(upgrade.id);
    shortfallThs -= upgrade.dH;
    choices.set(upgrade.id, {
      index: upgrade.index,
      cause: 'thermal',
      reason: () =>
        `Thermal: ${upgrade.dW >= 0 ? '+' : ''}${formatPower(upgrade.dW)} here to hold the site's hashrate while hot devices run cooler`,
    });
  }
}

function applyCap(input: SiteInput, choices: Map<string, PlanChoice>, capW: number): boolean {
  const budgetW = capW * (1 - input.capMargin) - input.fixedPowerW;
  const total = sumOf(input, choices);
  if (total.powerW <= budgetW) return true;
  // Each device may only go down from its current choice; sleeping ones stay asleep (they are not in the list).
  const capDevices: CapDevice[] = [];
  const planned: PlanDevice[] = [];
  for (const device of input.devices) {
    const choice = choices.get(device.id);
    if (!choice || choice.index === null) continue;
    capDevices.push({
      id: device.id,
      points: device.points,
      maxPowerW: device.points[choice.index]?.powerW ?? Infinity,
    });
    planned.push(device);
  }
  const plan = planUnderCap(capDevices, budgetW);
  if (!plan.feasible) return sleepUntilUnderCap(input, planned, choices, budgetW, capW);
  for (const device of planned) {
    const pick = plan.choice.get(device.id);
    if (pick === undefined || choices.get(device.id)?.index === pick) continue;
    const point = device.points[pick];
    choices.set(device.id, {
      index: pick,
      cause: 'power-cap',
      reason: () =>
        `Site cap ${formatPower(capW)}: ${point ? describeSetting(point.setting) : 'a lower point'} keeps the site under it with the most hashrate`,
    });
  }
  return plan.feasible;
}

/**
 * Even every device at its lowest point is over the cap: every device goes to its lowest point, and those that can
 * sleep are put to sleep, the ones that hash least per watt first, until the site fits. False if it still does not.
 */
function sleepUntilUnderCap(
  input: SiteInput,
  planned: readonly PlanDevice[],
  choices: Map<string, PlanChoice>,
  budgetW: number,
  capW: number,
): boolean {
  for (const device of planned) {
    const index = lowestIndex(device.points);
    const point = device.points[index];
    if (choices.get(device.id)?.index === index) continue;
    choices.set(device.id, {
      index,
      cause: 'power-cap',
      reason: () =>
        `Site cap ${formatPower(capW)}: even the lowest settings do not fit; ${point ? describeSetting(point.setting) : 'its lowest point'}`,
    });
  }
  const byWorstEfficiency = planned
    .filter((device) => device.canSleep)
    .map((device) => ({ device, point: device.points[lowestIndex(device.points)] }))
    .sort((a, b) => (b.point?.efficiencyJPerTh ?? 0) - (a.point?.efficiencyJPerTh ?? 0));
  let totalW = sumOf(input, choices).powerW;
  for (const { device, point } of byWorstEfficiency) {
    if (totalW <= budgetW) break;
    totalW -= point?.powerW ?? 0;
    choices.set(device.id, {
      index: null,
      cause: 'power-cap',
      reason: () =>
        `Sleeping: the site cap ${formatPower(capW)} does not fit every device even at its lowest settings, and this one hashes least per watt`,
    });
  }
  return totalW <= budgetW;
}

function sumOf(input: SiteInput, choices: Map<string, PlanChoice>): { powerW: number; hashrateThs: number } {
  let powerW = 0;
  let hashrateThs = 0;
  for (const device of input.devices) {
    const choice = choices.get(device.id);
    const point = choice?.index == null ? null : device.points[choice.index];
    powerW += point?.powerW ?? 0;
    hashrateThs += point?.hashrateThs ?? 0;
  }
  return { powerW, hashrateThs };
}

export function planSite(input: SiteInput): SitePlan {
  const choices = new Map<string, PlanChoice>();
  for (const device of input.devices) {
    if (device.points.length === 0) continue;
    let choice = objectiveChoice(device, input.objective);
    if (input.timeOfUse) choice = timeOfUseChoice(device, choice, input.objective);
    choices.set(device.id, choice);
  }
  if (input.thermal) applyThermal(input, choices, input.thermal.targetChipC);
  const feasible = input.capW === null ? true : applyCap(input, choices, input.capW);
  const totals = sumOf(input, choices);
  return {
    choices,
    plannedPowerW: totals.powerW + input.fixedPowerW,
    plannedHashrateThs: totals.hashrateThs,
    feasible,
  };
}
