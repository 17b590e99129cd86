import { efficiencyJPerTh } from '../units.js';
import type { Rig } from './rig.js';

export interface FleetSummary {
  rigsTotal: number;
  rigsUp: number;
  rigsDown: number;
  rigsWithProblems: number;
  hashrateThs: number;
  powerW: number;
  /** Fleet efficiency over the rigs that report both power and hashrate, so silent meters do not flatter it. */
  efficiencyJPerTh: number | null;
  hottestChipC: number | null;
}

export function summarizeFleet(rigs: readonly Rig[]): FleetSummary {
  let rigsUp = 0;
  let rigsDown = 0;
  let rigsWithProblems = 0;
  let hashrateThs = 0;
  let powerW = 0;
  let meteredHashrateThs = 0;
  let meteredPowerW = 0;
  let hottestChipC: number | null = null;
  for (const rig of rigs) {
    if (rig.status === 'down') rigsDown += 1;
    if (rig.status === 'error') rigsWithProblems += 1;
    if (rig.status !== 'up' || rig.snapshot === null) continue;
    rigsUp += 1;
    const { snapshot } = rig;
    hashrateThs += snapshot.hashrateThs ?? 0;
    powerW += snapshot.powerW ?? 0;
    if (snapshot.powerW !== null && snapshot.hashrateThs !== null) {
      meteredHashrateThs += snapshot.hashrateThs;
      meteredPowerW += snapshot.powerW;
    }
    if (snapshot.maxChipTempC !== null) {
      hottestChipC = Math.max(hottestChipC ?? -Infinity, snapshot.maxChipTempC);
    }
  }
  return {
    rigsTotal: rigs.length,
    rigsUp,
    rigsDown,
    rigsWithProblems,
    hashrateThs,
    powerW,
    efficiencyJPerTh: efficiencyJPerTh(meteredPowerW, meteredHashrateThs),
    hottestChipC,
  };
}
