// Time evolution of a simulated Braiins OS rig, advanced lazily to the clock's "now" when a reply is built (as the
// main simulator does: no timers per rig). The BOS autotuner is modelled as what an operator sees: given a power
// target it finds the clock (and the minimum stable voltage for it) at which the wall power meets the target, moves
// there over a minute while "Tuning individual chips", then reports "Stable"; hashrate and temperatures follow.
import {
  BOARD_STATIC_W,
  CONTROL_BOARD_W,
  coolingFactor,
  PSU_EFFICIENCY,
  type BosBoard,
  type BosPhysics,
} from './physics-state.js';

const STEP_S = 2;
const MAX_STEPPED_S = 3600;
const THERMAL_TAU_S = 60;
const FAN_TAU_S = 10;
const TUNER_TAU_S = 20;
/** The tuner reports "Stable" once within this fraction of its target clock and at least this long after a change. */
const STABLE_TOLERANCE = 0.003;
const MIN_TUNING_S = 30;
/** After a restart the chains enumerate and warm up before hashing. */
const RESTART_STARTUP_S = 20;
const LEAKAGE_PER_C = 0.004;
const BASE_ERROR_FRACTION = 1.3e-4;
const HOT_ERROR_SCALE_C = 4;
const HW_ERRORS_PER_GH = 1 / (64 * 4.294967296);
const MIN_FAN_DUTY = 0.1;
const FAILED_FAN_AIRFLOW = 0.02;
const FAILED_FAN_DUCT_PENALTY = 0.1;
const OVERHEAT_RAMP_S = 90;
const OVERHEAT_MAX_FACTOR = 5;
const DEAD_BOARD_RISE_C = 3;
export const POOL_DIFFICULTY = 65_536;
const REJECT_FRACTION = 0.003;

export function boardIsHashing(rig: BosPhysics, board: BosBoard): boolean {
  return (
    !board.dead && board.aliveChips > 0 && !rig.paused && !rig.thermalShutdown && rig.elapsedS >= rig.startingUntilS
  );
}

/** Board supply as a fraction of nominal for a clock ratio: the chips' minimum stable voltage, rising with clock. */
export function voltageRatio(board: BosBoard, clockRatio: number): number {
  return board.vminFactor * (0.55 + 0.45 * clockRatio);
}

export function boardDcW(rig: BosPhysics, board: BosBoard, clockRatio = rig.clockRatio): number {
  if (!boardIsHashing(rig, board)) return 0;
  const volts = voltageRatio(board, clockRatio);
  const leakage = Math.max(0.5, 1 + LEAKAGE_PER_C * (board.chipTempC - rig.model.targetTempC));
  return BOARD_STATIC_W + rig.calibration.chipNominalW * board.leakSum * clockRatio * volts * volts * leakage;
}

export function fanPowerW(rig: BosPhysics): number {
  const working = rig.failedFans.filter((failed) => !failed).length;
  return working * rig.model.fanMaxPowerW * Math.pow(rig.fanDuty, 3);
}

export function wallPowerW(rig: BosPhysics, clockRatio = rig.clockRatio): number {
  const dcW = rig.boards.reduce((sum, board) => sum + boardDcW(rig, board, clockRatio), 0);
  return dcW / PSU_EFFICIENCY + CONTROL_BOARD_W + fanPowerW(rig);
}

export function errorFraction(rig: BosPhysics, board: BosBoard): number {
  const hot = Math.exp((board.chipTempC - rig.model.chipErrorStartC) / HOT_ERROR_SCALE_C);
  return Math.min(1, BASE_ERROR_FRACTION * (1 + hot));
}

/** Effective GH/s of a board now. */
export function boardGhs(rig: BosPhysics, board: BosBoard): number {
  if (!boardIsHashing(rig, board)) return 0;
  const ideal = rig.clockRatio * rig.model.nominalFrequencyMhz * rig.calibration.ghsPerMhzPerChip * board.yieldSum;
  return ideal * (1 - errorFraction(rig, board));
}

/** Airflow through the boards per unit of fan duty, with stalled fans blocking part of the duct. */
function airflowPerDuty(rig: BosPhysics): number {
  const failed = rig.failedFans.filter(Boolean).length;
  const fans = rig.failedFans.length;
  if (fans === 0) return 0;
  const mean = rig.failedFans.reduce((sum, isFailed) => sum + (isFailed ? FAILED_FAN_AIRFLOW : 1), 0) / fans;
  return Math.max(0, mean * (1 - FAILED_FAN_DUCT_PENALTY * failed));
}

function overheatFactor(rig: BosPhysics): number {
  if (rig.overheatSinceS === null) return 1;
  return Math.min(OVERHEAT_MAX_FACTOR, 1 + Math.max(0, rig.elapsedS - rig.overheatSinceS) / OVERHEAT_RAMP_S);
}

function chipRiseC(rig: BosPhysics, board: BosBoard, duty: number): number {
  const rth = (rig.calibration.rthBaseKPerW * overheatFactor(rig)) / coolingFactor(duty * airflowPerDuty(rig));
  return boardDcW(rig, board) * rth;
}

export function boardTempC(rig: BosPhysics, board: BosBoard): number {
  return rig.ambientC + (board.chipTempC - rig.ambientC) * rig.model.pcbTempFraction;
}

/** The clock at which wall power meets the target, by bisection (power rises monotonically with clock). */
export function solveClockRatio(rig: BosPhysics): number {
  const { minFrequencyMhz, maxFrequencyMhz, nominalFrequencyMhz } = rig.model;
  let low = minFrequencyMhz / nominalFrequencyMhz;
  let high = maxFrequencyMhz / nominalFrequencyMhz;
  if (wallPowerW(rig, high) <= rig.powerTargetW) return high;
  if (wallPowerW(rig, low) >= rig.powerTargetW) return low;
  for (let iteration = 0; iteration < 40; iteration += 1) {
    const middle = (low + high) / 2;
    if (wallPowerW(rig, middle) > rig.powerTargetW) high = middle;
    else low = middle;
  }
  return (low + high) / 2;
}

/** BOS fan control: the duty that holds the hottest board at the target; full speed when hot; off when idle. */
function wantedFanDuty(rig: BosPhysics): number {
  const hashing = rig.boards.filter((board) => boardIsHashing(rig, board));
  if (hashing.length === 0) return 0;
  const hottestC = Math.max(...hashing.map((board) => boardTempC(rig, board)));
  if (hottestC >= rig.model.hotTempC) return 1;
  const perDuty = airflowPerDuty(rig);
  const allowedRiseC = (rig.model.targetTempC - rig.ambientC) / rig.model.pcbTempFraction;
  const maxDcW = Math.max(...hashing.map((board) => boardDcW(rig, board)));
  if (allowedRiseC <= 0 || perDuty <= 0) return 1;
  const cooling = (maxDcW * rig.calibration.rthBaseKPerW * overheatFactor(rig)) / allowedRiseC;
  const airflow = Math.pow(Math.max(0, (cooling - 0.25) / 0.75), 1 / 0.8);
  return Math.min(1, Math.max(MIN_FAN_DUTY, airflow / perDuty));
}

function accumulate(rig: BosPhysics, dtS: number): void {
  let ghs = 0;
  for (const board of rig.boards) {
    const boardRate = boardGhs(rig, board);
    board.totalMh += boardRate * 1000 * dtS;
    board.hwErrors += boardRate * errorFraction(rig, board) * HW_ERRORS_PER_GH * dtS;
    ghs += boardRate;
  }
  rig.totalMh += ghs * 1000 * dtS;
  const sharesPerS = (ghs * 1e9) / (POOL_DIFFICULTY * 4_294_967_296);
  rig.accepted += sharesPerS * dtS * (1 - REJECT_FRACTION);
  rig.rejected += sharesPerS * dtS * REJECT_FRACTION;
  rig.stale += sharesPerS * dtS * 0.0002;
  rig.ema1mGhs += (ghs - rig.ema1mGhs) * (1 - Math.exp(-dtS / 60));
  rig.ema5mGhs += (ghs - rig.ema5mGhs) * (1 - Math.exp(-dtS / 300));
  rig.ema15mGhs += (ghs - rig.ema15mGhs) * (1 - Math.exp(-dtS / 900));
}

function step(rig: BosPhysics, dtS: number): void {
  accumulate(rig, dtS);
  const thermalAlpha = 1 - Math.exp(-dtS / THERMAL_TAU_S);
  for (const board of rig.boards) {
    const targetC = boardIsHashing(rig, board)
      ? rig.ambientC + chipRiseC(rig, board, rig.fanDuty)
      : rig.ambientC + (board.dead ? DEAD_BOARD_RISE_C : 0);
    board.chipTempC += (targetC - board.chipTempC) * thermalAlpha;
  }
  const hottestBoardC = Math.max(...rig.boards.map((board) => boardTempC(rig, board)));
  if (hottestBoardC >= rig.model.dangerousTempC) rig.thermalShutdown = true;
  else if (rig.thermalShutdown && hottestBoardC < rig.model.targetTempC - 10) rig.thermalShutdown = false;
  rig.fanDuty += (wantedFanDuty(rig) - rig.fanDuty) * (1 - Math.exp(-dtS / FAN_TAU_S));
  rig.targetClockRatio = solveClockRatio(rig);
  rig.clockRatio += (rig.targetClockRatio - rig.clockRatio) * (1 - Math.exp(-dtS / TUNER_TAU_S));
  rig.elapsedS += dtS;
}

export function advanceTo(rig: BosPhysics, nowMs: number): void {
  let remainingS = (nowMs - rig.lastMs) / 1000;
  if (!(remainingS > 0)) return;
  rig.lastMs = nowMs;
  if (remainingS > MAX_STEPPED_S) {
    const bulkS = remainingS - MAX_STEPPED_S;
    accumulate(rig, bulkS);
    rig.elapsedS += bulkS;
    remainingS = MAX_STEPPED_S;
  }
  const steps = Math.ceil(remainingS / STEP_S);
  for (let index = 0; index < steps; index += 1) step(rig, remainingS / steps);
}

/** A rig that has been mining a while: tuned, temperatures and fans settled, uptimeS of counters filled. */
export function settle(rig: BosPhysics, uptimeS: number): void {
  for (let index = 0; index < 300; index += 1) {
    step(rig, 5);
    rig.clockRatio = rig.targetClockRatio;
  }
  rig.elapsedS = 0;
  rig.totalMh = 0;
  rig.accepted = 0;
  rig.rejected = 0;
  rig.stale = 0;
  for (const board of rig.boards) {
    board.totalMh = 0;
    board.hwErrors = 0;
  }
  const ghs = rig.boards.reduce((sum, board) => sum + boardGhs(rig, board), 0);
  rig.ema1mGhs = ghs;
  rig.ema5mGhs = ghs;
  rig.ema15mGhs = ghs;
  accumulate(rig, uptimeS);
  rig.elapsedS = uptimeS;
  rig.tuningSinceS = -MIN_TUNING_S;
}

export function tunerStable(rig: BosPhysics): boolean {
  const settled = Math.abs(rig.clockRatio - rig.targetClockRatio) <= STABLE_TOLERANCE * rig.targetClockRatio;
  return settled && rig.elapsedS - rig.tuningSinceS >= MIN_TUNING_S;
}

/** Fan rpm per fitted fan: BOS reports rpm rising from ~35 % of max at low duty (docs and capture fan tables). */
export function fanRpms(rig: BosPhysics): number[] {
  return rig.failedFans.map((failed, index) => {
    if (rig.fanDuty < 0.01) return 0;
    const rpm = rig.model.fanMaxRpm * (0.35 + 0.65 * rig.fanDuty) * (rig.fanRpmCoef[index] ?? 1);
    return Math.round(failed ? rpm * FAILED_FAN_AIRFLOW : rpm);
  });
}

/** bosminer restarted: Elapsed and counters start over, chains re-initialise, then the tuner ramps up from minimum. */
export function restartBosminer(rig: BosPhysics): void {
  if (rig.overheatSinceS !== null) rig.overheatSinceS -= rig.elapsedS;
  rig.elapsedS = 0;
  rig.startingUntilS = RESTART_STARTUP_S;
  rig.clockRatio = rig.model.minFrequencyMhz / rig.model.nominalFrequencyMhz;
  rig.tuningSinceS = 0;
  rig.paused = false;
  rig.totalMh = 0;
  rig.accepted = 0;
  rig.rejected = 0;
  rig.stale = 0;
  rig.bestShare = 0;
  rig.ema1mGhs = 0;
  rig.ema5mGhs = 0;
  rig.ema15mGhs = 0;
  for (const board of rig.boards) {
    board.totalMh = 0;
    board.hwErrors = 0;
  }
}
