// The operator's objective as a score over a device's measured points (higher is better), and the point it picks.
// Only stable points are ever candidates: a point that lost hashrate to errors or ran too hot is never chosen.
import type { FingerprintPoint, OptimizerObjective } from '../../../../src-shared/model/optimizer.js';

export interface ObjectiveContext {
  objective: OptimizerObjective;
  /** Hashrate objective: the device's power budget (watts); null: no budget beyond its own range. */
  powerBudgetW: number | null;
  revenuePerThHour: number;
  pricePerKwh: number;
}

export function profitPerHour(point: { hashrateThs: number; powerW: number }, context: ObjectiveContext): number {
  return point.hashrateThs * context.revenuePerThHour - (point.powerW / 1000) * context.pricePerKwh;
}

export function score(point: FingerprintPoint, context: ObjectiveContext): number {
  switch (context.objective) {
    case 'efficiency':
      return -point.efficiencyJPerTh;
    case 'hashrate':
      return context.powerBudgetW === null || point.powerW <= context.powerBudgetW ? point.hashrateThs : -Infinity;
    case 'profit':
      return profitPerHour(point, context);
  }
}

/** The stable point that scores best, or null when there is none. */
export function bestPoint(points: readonly FingerprintPoint[], context: ObjectiveContext): FingerprintPoint | null {
  let best: FingerprintPoint | null = null;
  let bestScore = -Infinity;
  for (const point of points) {
    if (!point.stable) continue;
    const value = score(point, context);
    if (value > bestScore) {
      best = point;
      bestScore = value;
    }
  }
  return best;
}
