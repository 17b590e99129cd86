// The state of one simulated Whatsminer and how it is made: the per-unit silicon lottery (seeded), the per-model
// calibration that puts a typical unit on its headline figures, and the counters the replies report. Pure data.
import { mixSeed, mulberry32, normalClamped } from '../random.js';
import type { WhatsminerModel } from './models.js';

export const NOMINAL_AMBIENT_C = 25;
export const PSU_EFFICIENCY = 0.94;
export const CONTROL_BOARD_W = 15;
export const BOARD_STATIC_W = 12;
export const FAN_MAX_W = 45;

export interface BoardLottery {
  yield: number;
  leak: number;
  rth: number;
  /** Boards run slightly different clocks around the target (617/632/619 MHz around 622 in the M20S capture). */
  clock: number;
  /** How much hotter than the board average the hottest chip runs, relative to the model's figure. */
  hotSpot: number;
}

export interface BoardState {
  dead: boolean;
  failedChips: number;
  chipAvgC: number;
  hashesGh: number;
  hwErrors: number;
  accepted: number;
  rejected: number;
}

export interface WhatsminerPhysics {
  readonly model: WhatsminerModel;
  readonly boardsLottery: readonly BoardLottery[];
  readonly fanCoef: readonly [number, number];
  lastMs: number;
  /** Seconds since btminer (re)started: "Elapsed". */
  elapsedS: number;
  /** Seconds since the control board booted: "Uptime" (a btminer restart does not reset it). */
  uptimeS: number;
  ambientC: number;
  powerLimitW: number;
  /** Clock the firmware aims for ("Target Freq"): nominal, or lower under the power limit. */
  targetFrequencyMhz: number;
  fanDuty: number;
  failedFans: [boolean, boolean];
  overheatSinceS: number | null;
  boards: BoardState[];
  accepted: number;
  rejected: number;
  /** Exponential averages of GH/s over 1, 5 and 15 minutes. */
  rate1mGhs: number;
  rate5mGhs: number;
  rate15mGhs: number;
}

export interface Calibration {
  dynamicW: number;
  ghsPerMhzPerChip: number;
  rthBase: number;
}

export function coolingFactor(airflow: number): number {
  return 0.25 + 0.75 * Math.pow(Math.max(0, airflow), 0.8);
}

function calibrationOf(model: WhatsminerModel): Calibration {
  const fanW = 2 * FAN_MAX_W * Math.pow(model.nominalFanDuty, 3);
  const boardDcW = ((model.nominalPowerW - CONTROL_BOARD_W - fanW) * PSU_EFFICIENCY) / model.boards;
  const chips = model.boards * model.chipsPerBoard;
  return {
    dynamicW: boardDcW - BOARD_STATIC_W,
    ghsPerMhzPerChip: (model.nominalHashrateThs * 1000) / (chips * model.nominalFrequencyMhz),
    rthBase: ((model.nominalChipAvgC - NOMINAL_AMBIENT_C) * coolingFactor(model.nominalFanDuty)) / boardDcW,
  };
}

const calibrations = new Map<string, Calibration>();
export function calibration(model: WhatsminerModel): Calibration {
  let found = calibrations.get(model.name);
  if (!found) calibrations.set(model.name, (found = calibrationOf(model)));
  return found;
}

export function createPhysics(
  model: WhatsminerModel,
  seed: number,
  nowMs: number,
  ambientC: number,
): WhatsminerPhysics {
  const next = mulberry32(mixSeed(seed, 0x3b7));
  const boardsLottery = Array.from({ length: model.boards }, () => ({
    yield: normalClamped(next, 1, 0.01, 0.96, 1.03),
    leak: normalClamped(next, 1, 0.04, 0.9, 1.12),
    rth: normalClamped(next, 1, 0.04, 0.9, 1.1),
    clock: normalClamped(next, 1, 0.01, 0.97, 1.03),
    hotSpot: normalClamped(next, 1, 0.15, 0.7, 1.3),
  }));
  const fanCoef: [number, number] = [
    normalClamped(next, 1, 0.01, 0.97, 1.03),
    normalClamped(next, 1, 0.01, 0.97, 1.03),
  ];
  return {
    model,
    boardsLottery,
    fanCoef,
    lastMs: nowMs,
    elapsedS: 0,
    uptimeS: 0,
    ambientC,
    powerLimitW: model.defaultPowerLimitW,
    targetFrequencyMhz: model.nominalFrequencyMhz,
    fanDuty: model.nominalFanDuty,
    failedFans: [false, false],
    overheatSinceS: null,
    boards: boardsLottery.map(() => ({
      dead: false,
      failedChips: 0,
      chipAvgC: ambientC,
      hashesGh: 0,
      hwErrors: 0,
      accepted: 0,
      rejected: 0,
    })),
    accepted: 0,
    rejected: 0,
    rate1mGhs: 0,
    rate5mGhs: 0,
    rate15mGhs: 0,
  };
}
