// Instantaneous figures of a rig in its current state: what each board hashes, draws and how many errors it makes.
// These are true values; protocol replies add the measurement noise a real firmware shows.

import {
  BASE_ERROR_FRACTION,
  BOARD_STATIC_W,
  CHIP_DROP_ERROR_FRACTION,
  CONTROL_BOARD_W,
  FAILED_FAN_DUCT_PENALTY,
  FAILED_FAN_RPM_FRACTION,
  FAN_RPM_STEP,
  HOT_ERROR_SCALE_C,
  HOT_ERROR_START_C,
  HW_ERRORS_PER_GH,
  LEAKAGE_PER_C,
  PSU_EFFICIENCY,
  UNDERVOLT_ERROR_SCALE,
} from './calibration.js';
import type { BoardPhysics, BoardRates, ChipCache, RigPhysics } from './physics-state.js';

/** Rates are recomputed chip by chip only when the die temperature moved more than this since the last time. */
const RATES_TEMP_TOLERANCE_C = 0.05;

export interface BoardReading extends BoardRates {
  /** DC power drawn by the board. */
  powerW: number;
  chipTempC: number;
  pcbTempC: number;
}

export interface RigReading {
  boards: BoardReading[];
  ghs: number;
  idealGhs: number;
  wallPowerW: number;
  fanRpm: number[];
}

function chipCache(rig: RigPhysics, boardIndex: number, board: BoardPhysics): ChipCache {
  if (board.cache) return board.cache;
  const { model, calibration } = rig;
  const lottery = rig.lottery.boards[boardIndex];
  const chips = model.chipsPerBoard;
  const undervoltErr = new Float32Array(chips);
  const idealGhs = new Float32Array(chips);
  let dynamicPowerW = 0;
  if (lottery && !board.dead) {
    const freqRatio = board.frequencyMhz / model.nominalFrequencyMhz;
    const voltRatio = board.voltageV / model.nominalVoltageV;
    // Minimum stable voltage rises with frequency; each chip has its own curve (vminCoef).
    const vminShape = 0.55 + 0.45 * freqRatio;
    for (let chip = 0; chip < chips; chip += 1) {
      if (board.failedChips[chip] === 1) continue;
      const vminV = (lottery.vminCoef[chip] ?? 1) * model.nominalVoltageV * vminShape;
      undervoltErr[chip] = Math.exp((vminV - board.voltageV) / (UNDERVOLT_ERROR_SCALE * model.nominalVoltageV));
      idealGhs[chip] = board.frequencyMhz * calibration.ghsPerMhzPerChip * (lottery.coreYield[chip] ?? 1);
      dynamicPowerW += calibration.chipNominalW * (lottery.leakCoef[chip] ?? 1) * freqRatio * voltRatio * voltRatio;
    }
  }
  board.cache = { undervoltErr, idealGhs, dynamicPowerW };
  return board.cache;
}

/** Error fraction of one chip: a floor, plus a term for undervolting and one for heat. */
function chipErrorFraction(cache: ChipCache, chip: number, hotErr: number): number {
  return Math.min(1, BASE_ERROR_FRACTION * (1 + (cache.undervoltErr[chip] ?? 0) + hotErr));
}

function hotErrorTerm(chipTempC: number): number {
  return Math.exp((chipTempC - HOT_ERROR_START_C) / HOT_ERROR_SCALE_C);
}

/** DC power of one board at its current temperature (hotter silicon leaks more). */
export function boardPowerW(rig: RigPhysics, boardIndex: number): number {
  const board = rig.boards[boardIndex];
  if (!board || board.dead) return 0;
  const cache = chipCache(rig, boardIndex, board);
  const leakage = 1 + LEAKAGE_PER_C * (board.chipTempC - rig.model.nominalChipTempC);
  return BOARD_STATIC_W + cache.dynamicPowerW * Math.max(0.5, leakage);
}

export function fanPowerW(rig: RigPhysics): number {
  const working = rig.failedFans.filter((failed) => !failed).length;
  return working * rig.model.fanMaxPowerW * Math.pow(rig.fanDuty, 3);
}

/** Wall power: DC boards through the PSU, plus the control board and fans. */
export function wallPowerW(rig: RigPhysics): number {
  let dcW = 0;
  for (let index = 0; index < rig.boards.length; index += 1) dcW += boardPowerW(rig, index);
  return dcW / PSU_EFFICIENCY + CONTROL_BOARD_W + fanPowerW(rig);
}

/** Fraction of full airflow through the hashboards. */
export function airflowFraction(rig: RigPhysics): number {
  let sum = 0;
  let failed = 0;
  for (const isFailed of rig.failedFans) {
    sum += rig.fanDuty * (isFailed ? FAILED_FAN_RPM_FRACTION : 1);
    if (isFailed) failed += 1;
  }
  const mean = rig.failedFans.length > 0 ? sum / rig.failedFans.length : 0;
  return Math.max(0, mean * (1 - FAILED_FAN_DUCT_PENALTY * failed));
}

export function fanRpms(rig: RigPhysics): number[] {
  return rig.failedFans.map((failed, index) => {
    const coef = rig.lottery.fanRpmCoef[index] ?? 1;
    const rpm = rig.fanDuty * rig.model.fanMaxRpm * coef * (failed ? FAILED_FAN_RPM_FRACTION : 1);
    return Math.round(rpm / FAN_RPM_STEP) * FAN_RPM_STEP;
  });
}

/** Hashing rates of one board; cheap when called again at (nearly) the same temperature. */
export function boardRates(rig: RigPhysics, boardIndex: number): BoardRates {
  const board = rig.boards[boardIndex];
  if (!board || board.dead) {
    return { atChipTempC: 0, idealGhs: 0, ghs: 0, hwErrorsPerS: 0, errorFraction: 0, chipsOk: 0 };
  }
  const cached = board.rates;
  if (cached && Math.abs(cached.atChipTempC - board.chipTempC) < RATES_TEMP_TOLERANCE_C) return cached;
  const cache = chipCache(rig, boardIndex, board);
  const hotErr = hotErrorTerm(board.chipTempC);
  let idealGhs = 0;
  let ghs = 0;
  let badGhs = 0;
  let chipsOk = 0;
  for (let chip = 0; chip < rig.model.chipsPerBoard; chip += 1) {
    const chipIdeal = cache.idealGhs[chip] ?? 0;
    if (chipIdeal <= 0) continue;
    const errorFraction = chipErrorFraction(cache, chip, hotErr);
    if (errorFraction > CHIP_DROP_ERROR_FRACTION) continue;
    chipsOk += 1;
    idealGhs += chipIdeal;
    ghs += chipIdeal * (1 - errorFraction);
    badGhs += chipIdeal * errorFraction;
  }
  const errorFraction = idealGhs > 0 ? badGhs / idealGhs : 0;
  const rates = {
    atChipTempC: board.chipTempC,
    idealGhs,
    ghs,
    hwErrorsPerS: badGhs * HW_ERRORS_PER_GH,
    errorFraction,
    chipsOk,
  };
  board.rates = rates;
  return rates;
}

/** Which chips answer ('o') and which do not ('x'), for chain_acs. */
export function chipFlags(rig: RigPhysics, boardIndex: number): Uint8Array {
  const flags = new Uint8Array(rig.model.chipsPerBoard);
  const board = rig.boards[boardIndex];
  if (!board || board.dead) return flags;
  const cache = chipCache(rig, boardIndex, board);
  const hotErr = hotErrorTerm(board.chipTempC);
  for (let chip = 0; chip < flags.length; chip += 1) {
    const alive = (cache.idealGhs[chip] ?? 0) > 0 && chipErrorFraction(cache, chip, hotErr) <= CHIP_DROP_ERROR_FRACTION;
    flags[chip] = alive ? 1 : 0;
  }
  return flags;
}

export function readRig(rig: RigPhysics): RigReading {
  const boards = rig.boards.map((board, index): BoardReading => {
    const pcbTempC = rig.ambientC + (board.chipTempC - rig.ambientC) * rig.model.pcbTempFraction;
    return { ...boardRates(rig, index), powerW: boardPowerW(rig, index), chipTempC: board.chipTempC, pcbTempC };
  });
  let ghs = 0;
  let idealGhs = 0;
  for (const board of boards) {
    ghs += board.ghs;
    idealGhs += board.idealGhs;
  }
  return { boards, ghs, idealGhs, wallPowerW: wallPowerW(rig), fanRpm: fanRpms(rig) };
}
