// A Whatsminer's physics, in the spirit of ../physics*.ts but per board rather than per chip (btminer reports boards,
// never chips): hashrate ~ clock x working chips x the board's silicon yield; power ~ clock x voltage^2 x leakage, the
// supply voltage following the clock (DVFS); chip temperature follows board power, ambient and fan airflow with a
// 60 s lag; the stock fan controller chases the hottest chip. The power limit is what the firmware enforces: the
// clock is the highest one (up to the target clock) at which the rig draws no more than the limit.
// Lazy like the Antminer model: nothing runs between replies; state advances to the clock's "now" when looked at.
import { airflow, boardGhs, boardPowerW, chipMaxC, errorFraction, limitedFrequencyMhz } from './physics-rates.js';
import { calibration, coolingFactor, type WhatsminerPhysics } from './physics-state.js';

const THERMAL_TAU_S = 60;
const FAN_TAU_S = 10;
const FAN_GAIN_PER_C = 0.04;
const FAN_MIN_DUTY = 0.2;
const HOTTEST_BOARD_MARGIN = 1.2;
const STEP_S = 2;
const MAX_STEPPED_S = 3600;
const OVERHEAT_RAMP_S = 90;
const OVERHEAT_MAX_FACTOR = 5;
const MAX_CHIP_TEMP_C = 125;
/** Shares at the simulated pool difficulty (65,536) per GH hashed. */
const SHARES_PER_GH = 1e9 / (65_536 * 4_294_967_296);
const REJECT_FRACTION = 0.003;
/**
 * Hardware errors per GH of erroneous work: calibrated on the M20S capture (912 errors in 66,295 s at ~68 TH/s with
 * the base error fraction).
 */
const HW_ERRORS_PER_BAD_GH = 0.002;

function overheatFactor(rig: WhatsminerPhysics): number {
  if (rig.overheatSinceS === null) return 1;
  return Math.min(OVERHEAT_MAX_FACTOR, 1 + Math.max(0, rig.elapsedS - rig.overheatSinceS) / OVERHEAT_RAMP_S);
}

function thermalStep(rig: WhatsminerPhysics, dtS: number): void {
  const alpha = 1 - Math.exp(-dtS / THERMAL_TAU_S);
  const rth = (calibration(rig.model).rthBase / coolingFactor(airflow(rig))) * overheatFactor(rig);
  rig.boards.forEach((board, index) => {
    const lotteryRth = rig.boardsLottery[index]?.rth ?? 1;
    const target = board.dead
      ? rig.ambientC + 3
      : Math.min(MAX_CHIP_TEMP_C, rig.ambientC + boardPowerW(rig, index) * rth * lotteryRth);
    board.chipAvgC += (target - board.chipAvgC) * alpha;
  });
}

function fanStep(rig: WhatsminerPhysics, dtS: number): void {
  const live = rig.boards.map((_board, index) => index).filter((index) => !rig.boards[index]?.dead);
  const hottest = live.length > 0 ? Math.max(...live.map((index) => chipMaxC(rig, index))) : rig.ambientC;
  // The hottest of three boards usually sits a little above the typical board's hot spot: aim there, so a typical
  // unit runs at the nominal duty.
  const setPoint = rig.model.nominalChipAvgC + rig.model.chipMaxAboveAvgC * HOTTEST_BOARD_MARGIN;
  const wanted = Math.min(1, Math.max(FAN_MIN_DUTY, rig.model.nominalFanDuty + (hottest - setPoint) * FAN_GAIN_PER_C));
  rig.fanDuty += (wanted - rig.fanDuty) * (1 - Math.exp(-dtS / FAN_TAU_S));
}

function accumulate(rig: WhatsminerPhysics, dtS: number): void {
  let ghs = 0;
  rig.boards.forEach((board, index) => {
    const boardRate = boardGhs(rig, index);
    const shares = boardRate * dtS * SHARES_PER_GH;
    board.hashesGh += boardRate * dtS;
    board.hwErrors += boardRate * dtS * errorFraction(rig, index) * HW_ERRORS_PER_BAD_GH;
    board.accepted += shares * (1 - REJECT_FRACTION);
    board.rejected += shares * REJECT_FRACTION;
    ghs += boardRate;
  });
  rig.accepted += ghs * dtS * SHARES_PER_GH * (1 - REJECT_FRACTION);
  rig.rejected += ghs * dtS * SHARES_PER_GH * REJECT_FRACTION;
  const ema = (current: number, tauS: number): number => current + (ghs - current) * (1 - Math.exp(-dtS / tauS));
  rig.rate1mGhs = ema(rig.rate1mGhs, 60);
  rig.rate5mGhs = ema(rig.rate5mGhs, 300);
  rig.rate15mGhs = ema(rig.rate15mGhs, 900);
}

function step(rig: WhatsminerPhysics, dtS: number): void {
  rig.targetFrequencyMhz = limitedFrequencyMhz(rig);
  accumulate(rig, dtS);
  thermalStep(rig, dtS);
  fanStep(rig, dtS);
  rig.elapsedS += dtS;
  rig.uptimeS += dtS;
}

export function advanceTo(rig: WhatsminerPhysics, nowMs: number): void {
  let remainingS = (nowMs - rig.lastMs) / 1000;
  if (!(remainingS > 0)) return;
  rig.lastMs = nowMs;
  if (remainingS > MAX_STEPPED_S) {
    const bulkS = remainingS - MAX_STEPPED_S;
    accumulate(rig, bulkS);
    rig.elapsedS += bulkS;
    rig.uptimeS += bulkS;
    remainingS = MAX_STEPPED_S;
  }
  const steps = Math.ceil(remainingS / STEP_S);
  for (let index = 0; index < steps; index += 1) step(rig, remainingS / steps);
}

/** Temperatures, fans and clocks settle (cheap, no counters), then the counters fill with `runningS` of history. */
export function settle(rig: WhatsminerPhysics, runningS: number): void {
  for (let index = 0; index < 240; index += 1) {
    rig.targetFrequencyMhz = limitedFrequencyMhz(rig);
    thermalStep(rig, 5);
    fanStep(rig, 5);
  }
  const ghs = rig.boards.reduce((sum, _board, index) => sum + boardGhs(rig, index), 0);
  rig.rate1mGhs = rig.rate5mGhs = rig.rate15mGhs = ghs;
  if (runningS > 0) accumulate(rig, runningS);
  rig.elapsedS += runningS;
  rig.uptimeS += runningS;
}

/**
 * What restart_btminer (and a new power limit, which restarts btminer) does: the process starts over, its counters
 * with it, at the clock the limit allows. The real restart takes a few minutes of re-tuning; here it is immediate.
 */
export function restartMiner(rig: WhatsminerPhysics): void {
  rig.targetFrequencyMhz = limitedFrequencyMhz(rig);
  rig.elapsedS = 0;
  rig.accepted = 0;
  rig.rejected = 0;
  for (const board of rig.boards) {
    board.hashesGh = 0;
    board.hwErrors = 0;
    board.accepted = 0;
    board.rejected = 0;
  }
  const ghs = rig.boards.reduce((sum, _board, index) => sum + boardGhs(rig, index), 0);
  rig.rate1mGhs = rig.rate5mGhs = rig.rate15mGhs = ghs;
}
