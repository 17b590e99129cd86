// Site power cap: given each device's candidate operating points (power, hashrate) and a total power limit, choose one
// point per device so the site stays within the limit and hashes as much as it can. This is a multiple-choice
// knapsack. `planUnderCap` is the fast plan used live (a greedy over each device's concave hull, then a fill pass);
// `exactPlanUnderCap` solves the same problem exactly by dynamic programming over whole watts, as the reference the
// fast plan is measured against in tests and benchmarks.

export interface OperatingPoint {
  powerW: number;
  hashrateThs: number;
}

export interface CapDevice {
  id: string;
  /** The points the device may run at; the lowest-power one is where it goes when the cap is tight (sleep, or min). */
  points: readonly OperatingPoint[];
  /** Points above this power are not for this plan (the device may only come down); none: all of them. */
  maxPowerW?: number;
}

/** Hulls of point lists the planner saw before: a device's points rarely change between planning rounds. */
const hullCache = new WeakMap<readonly OperatingPoint[], number[]>();

function cachedHull(points: readonly OperatingPoint[]): number[] {
  let hull = hullCache.get(points);
  if (!hull) {
    hull = concaveHull(points);
    hullCache.set(points, hull);
  }
  return hull;
}

export interface CapPlan {
  /** Index into each device's `points`, by device id. */
  choice: Map<string, number>;
  totalPowerW: number;
  totalHashrateThs: number;
  /** False when even every device at its lowest point exceeds the cap: the plan is then that lowest point. */
  feasible: boolean;
}

function lowestPowerIndex(points: readonly OperatingPoint[]): number {
  let best = 0;
  points.forEach((point, index) => {
    const current = points[best];
    if (
      current &&
      (point.powerW < current.powerW || (point.powerW === current.powerW && point.hashrateThs > current.hashrateThs))
    ) {
      best = index;
    }
  });
  return best;
}

/** Indices of the upper concave hull from the lowest-power point up, in increasing power: each step pays less per watt. */
export function concaveHull(points: readonly OperatingPoint[]): number[] {
  const start = lowestPowerIndex(points);
  const startPoint = points[start];
  if (!startPoint) return [];
  const candidates = points
    .map((point, index) => ({ point, index }))
    .filter(
      ({ point, index }) =>
        index === start || (point.powerW > startPoint.powerW && point.hashrateThs > startPoint.hashrateThs),
    )
    .sort((a, b) => a.point.powerW - b.point.powerW || b.point.hashrateThs - a.point.hashrateThs);
  const hull: { point: OperatingPoint; index: number }[] = [];
  for (const candidate of candidates) {
    // Drop a point of equal power and less hashrate, then any point below the chord to the new one.
    const last = hull[hull.length - 1];
    if (last && last.point.powerW === candidate.point.powerW) continue;
    if (last && candidate.point.hashrateThs <= last.point.hashrateThs) continue;
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      if (!a || !b) break;
      const slopeAB = (b.point.hashrateThs - a.point.hashrateThs) / (b.point.powerW - a.point.powerW);
      const slopeAC = (candidate.point.hashrateThs - a.point.hashrateThs) / (candidate.point.powerW - a.point.powerW);
      if (slopeAC >= slopeAB) hull.pop();
      else break;
    }
    hull.push(candidate);
  }
  return hull.map(({ index }) => index);
}

function totals(devices: readonly CapDevice[], choice: Map<string, number>): { powerW: number; hashrateThs: number } {
  let powerW = 0;
  let hashrateThs = 0;
  for (const device of devices) {
    const point = device.points[choice.get(device.id) ?? 0];
    powerW += point?.powerW ?? 0;
    hashrateThs += point?.hashrateThs ?? 0;
  }
  return { powerW, hashrateThs };
}

/**
 * The fast plan. Every device starts at its lowest point; the budget left goes, step by step, to the hull step that
 * buys the most hashrate per watt (a step that no longer fits is passed over); a final pass spends what is left on the
 * single best upgrade to any point, hull or not, until none fits. O(devices x points x log devices).
 */
export function planUnderCap(devices: readonly CapDevice[], capW: number): CapPlan {
  const choice = new Map<string, number>();
  const hulls = new Map<string, number[]>();
  let usedW = 0;
  for (const device of devices) {
    // The hull of all its points, cut at its ceiling: a point the cut leaves out is still offered by the fill pass.
    const maxW = device.maxPowerW ?? Infinity;
    const hull = cachedHull(device.points).filter((index, i) => i === 0 || (device.points[index]?.powerW ?? 0) <= maxW);
    hulls.set(device.id, hull);
    const start = hull[0] ?? 0;
    choice.set(device.id, start);
    usedW += device.points[start]?.powerW ?? 0;
  }
  if (usedW > capW) {
    const sums = totals(devices, choice);
    return { choice, totalPowerW: sums.powerW, totalHashrateThs: sums.hashrateThs, feasible: false };
  }
  // Hull steps in order of slope across all devices; a device's steps have falling slopes, so taking them in global
  // slope order keeps each device's steps in its own order.
  const steps: { id: string; from: number; to: number; dW: number; dH: number }[] = [];
  for (const device of devices) {
    const hull = hulls.get(device.id) ?? [];
    for (let i = 1; i < hull.length; i++) {
      const from = device.points[hull[i - 1] ?? 0];
      const to = device.points[hull[i] ?? 0];
      if (!from || !to) continue;
      steps.push({
        id: device.id,
        from: hull[i - 1] ?? 0,
        to: hull[i] ?? 0,
        dW: to.powerW - from.powerW,
        dH: to.hashrateThs - from.hashrateThs,
      });
    }
  }
  steps.sort((a, b) => b.dH / b.dW - a.dH / a.dW);
  const blocked = new Set<string>();
  for (const step of steps) {
    if (blocked.has(step.id) || choice.get(step.id) !== step.from) continue;
    if (usedW + step.dW > capW) {
      blocked.add(step.id); // its later steps would need this one first
      continue;
    }
    usedW += step.dW;
    choice.set(step.id, step.to);
  }
  // Fill: what the hull steps left unspent may still buy an upgrade to a point off the hull. In passes: each pass
  // takes every device's best upgrade that fits what is left, largest gain first, one per device; a pass that buys
  // nothing ends it (usually the first or second).
  for (let bought = true; bought;) {
    bought = false;
    const offers: { id: string; index: number; dW: number; dH: number }[] = [];
    for (const device of devices) {
      const current = device.points[choice.get(device.id) ?? 0];
      if (!current) continue;
      let best: { id: string; index: number; dW: number; dH: number } | null = null;
      device.points.forEach((point, index) => {
        const dW = point.powerW - current.powerW;
        const dH = point.hashrateThs - current.hashrateThs;
        if (point.powerW > (device.maxPowerW ?? Infinity)) return;
        if (dH > 0 && usedW + dW <= capW && (best === null || dH > best.dH)) best = { id: device.id, index, dW, dH };
      });
      if (best) offers.push(best);
    }
    offers.sort((a, b) => b.dH - a.dH);
    for (const offer of offers) {
      if (usedW + offer.dW > capW) continue;
      choice.set(offer.id, offer.index);
      usedW += offer.dW;
      bought = true;
    }
  }
  const sums = totals(devices, choice);
  return { choice, totalPowerW: sums.powerW, totalHashrateThs: sums.hashrateThs, feasible: true };
}

/**
 * The exact plan over whole watts (powers are rounded up, so the plan never exceeds the cap): dynamic programming,
 * O(devices x points x cap in watts). The reference for tests and benchmarks, too slow to run on every poll.
 */
export function exactPlanUnderCap(devices: readonly CapDevice[], capW: number): CapPlan {
  const capacity = Math.floor(capW);
  const NONE = Number.NEGATIVE_INFINITY;
  let best = new Float64Array(capacity + 1).fill(NONE);
  best[0] = 0;
  const picks: Uint16Array[] = [];
  for (const device of devices) {
    const next = new Float64Array(capacity + 1).fill(NONE);
    const pick = new Uint16Array(capacity + 1);
    device.points.forEach((point, index) => {
      const cost = Math.ceil(point.powerW);
      for (let used = 0; used + cost <= capacity; used++) {
        const base = best[used] ?? NONE;
        if (base === NONE) continue;
        const value = base + point.hashrateThs;
        if (value > (next[used + cost] ?? NONE)) {
          next[used + cost] = value;
          pick[used + cost] = index;
        }
      }
    });
    picks.push(pick);
    best = next;
  }
  let end = -1;
  best.forEach((value, used) => {
    if (value !== NONE && (end < 0 || value > (best[end] ?? NONE))) end = used;
  });
  const choice = new Map<string, number>();
  if (end < 0) {
    for (const device of devices) choice.set(device.id, lowestPowerIndex(device.points));
    const sums = totals(devices, choice);
    return { choice, totalPowerW: sums.powerW, totalHashrateThs: sums.hashrateThs, feasible: false };
  }
  for (let d = devices.length - 1; d >= 0; d--) {
    const device = devices[d];
    const pick = picks[d];
    if (!device || !pick) continue;
    const index = pick[end] ?? 0;
    choice.set(device.id, index);
    end -= Math.ceil(device.points[index]?.powerW ?? 0);
  }
  const sums = totals(devices, choice);
  return { choice, totalPowerW: sums.powerW, totalHashrateThs: sums.hashrateThs, feasible: true };
}
