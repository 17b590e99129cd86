// Instantaneous figures of a simulated Whatsminer in its current state: board clocks, power, hashrate, error rate,
// chip temperatures and fan speeds, and the clock the power limit allows. True values: replies add the noise.
import {
  BOARD_STATIC_W,
  calibration,
  CONTROL_BOARD_W,
  FAN_MAX_W,
  NOMINAL_AMBIENT_C,
  PSU_EFFICIENCY,
  type WhatsminerPhysics,
} from './physics-state.js';

/** +0.4 % power per °C of die temperature above nominal (hotter silicon leaks more). */
const LEAKAGE_PER_C = 0.004;
/** A failed fan still turns a little; with one of two fans out, airflow roughly halves. */
const FAILED_FAN_RPM_FRACTION = 0.02;
const BASE_ERROR_FRACTION = 1e-4;

export function boardFrequencyMhz(rig: WhatsminerPhysics, index: number, targetMhz = rig.targetFrequencyMhz): number {
  return Math.round(targetMhz * (rig.boardsLottery[index]?.clock ?? 1));
}

export function chipsOk(rig: WhatsminerPhysics, index: number): number {
  const board = rig.boards[index];
  return !board || board.dead ? 0 : Math.max(0, rig.model.chipsPerBoard - board.failedChips);
}

export function chipMaxC(rig: WhatsminerPhysics, index: number): number {
  const board = rig.boards[index];
  if (!board || board.dead) return board?.chipAvgC ?? rig.ambientC;
  const rise = Math.max(0, board.chipAvgC - rig.ambientC) / (rig.model.nominalChipAvgC - NOMINAL_AMBIENT_C);
  return board.chipAvgC + rig.model.chipMaxAboveAvgC * (rig.boardsLottery[index]?.hotSpot ?? 1) * rise;
}

/** DC power of one board at a given target clock, at its current temperature. */
export function boardPowerW(rig: WhatsminerPhysics, index: number, targetMhz = rig.targetFrequencyMhz): number {
  const board = rig.boards[index];
  const lottery = rig.boardsLottery[index];
  if (!board || board.dead || !lottery) return 0;
  const ratio = boardFrequencyMhz(rig, index, targetMhz) / rig.model.nominalFrequencyMhz;
  const volts = 0.75 + 0.25 * ratio;
  const chipsFraction = chipsOk(rig, index) / rig.model.chipsPerBoard;
  const leakage = Math.max(0.5, 1 + LEAKAGE_PER_C * (board.chipAvgC - rig.model.nominalChipAvgC));
  return (
    BOARD_STATIC_W + calibration(rig.model).dynamicW * lottery.leak * chipsFraction * ratio * volts * volts * leakage
  );
}

function workingFans(rig: WhatsminerPhysics): number {
  return rig.failedFans.filter((failed) => !failed).length;
}

export function wallPowerW(rig: WhatsminerPhysics, targetMhz = rig.targetFrequencyMhz): number {
  let dcW = 0;
  for (let index = 0; index < rig.boards.length; index += 1) dcW += boardPowerW(rig, index, targetMhz);
  return dcW / PSU_EFFICIENCY + CONTROL_BOARD_W + workingFans(rig) * FAN_MAX_W * Math.pow(rig.fanDuty, 3);
}

/** The highest target clock, up to nominal, at which the rig stays within its power limit (whole MHz). */
export function limitedFrequencyMhz(rig: WhatsminerPhysics): number {
  const { nominalFrequencyMhz, minFrequencyMhz } = rig.model;
  if (wallPowerW(rig, nominalFrequencyMhz) <= rig.powerLimitW) return nominalFrequencyMhz;
  let low = minFrequencyMhz;
  let high = nominalFrequencyMhz;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallPowerW(rig, middle) <= rig.powerLimitW) low = middle;
    else high = middle;
  }
  return low;
}

export function boardGhs(rig: WhatsminerPhysics, index: number): number {
  const lottery = rig.boardsLottery[index];
  if (!lottery) return 0;
  const ideal = chipsOk(rig, index) * boardFrequencyMhz(rig, index) * calibration(rig.model).ghsPerMhzPerChip;
  return ideal * lottery.yield * (1 - errorFraction(rig, index));
}

export function errorFraction(rig: WhatsminerPhysics, index: number): number {
  return Math.min(1, BASE_ERROR_FRACTION * (1 + Math.exp((chipMaxC(rig, index) - 95) / 4)));
}

export function airflow(rig: WhatsminerPhysics): number {
  return (rig.fanDuty * (workingFans(rig) + FAILED_FAN_RPM_FRACTION * (2 - workingFans(rig)))) / 2;
}

export function fanRpms(rig: WhatsminerPhysics): [number, number] {
  const rpm = (fan: 0 | 1): number => {
    const share = rig.failedFans[fan] ? FAILED_FAN_RPM_FRACTION : 1;
    return Math.round((rig.fanDuty * rig.model.fanMaxRpm * rig.fanCoef[fan] * share) / 30) * 30;
  };
  return [rpm(0), rpm(1)];
}
