// Time evolution of a rig. Nothing runs in the background: whenever a reply is built (or a test asks), the state is
// advanced from the last time it was looked at to now in small steps. An idle rig costs nothing, and a manual clock
// can jump hours ahead in one call.

import {
  coolingFactor,
  FAN_GAIN_PER_C,
  FAN_MIN_DUTY,
  FAN_TAU_S,
  POOL_DIFFICULTY,
  POOL_REJECT_FRACTION,
  POWER_TARGET_TAU_S,
  THERMAL_TAU_S,
} from './calibration.js';
import { airflowFraction, boardPowerW, boardRates, wallPowerW } from './physics-reading.js';
import { invalidateBoard } from './physics-state.js';
import type { RigPhysics } from './physics-state.js';

/** Integration step: well under the fan (10 s) and thermal (60 s) time constants, so the loop stays stable. */
const STEP_S = 2;
/** Beyond an hour of stepping everything thermal has settled; older time only adds to the counters. */
const MAX_STEPPED_S = 3600;
/** Thermal runaway: cooling degrades by one more "unit" of thermal resistance every 90 s, up to 5x. */
const OVERHEAT_RAMP_S = 90;
const OVERHEAT_MAX_FACTOR = 5;
/** Past this the die would be destroyed; the sensor saturates here. */
const MAX_CHIP_TEMP_C = 125;
/** A board that is off settles a few degrees above ambient (warm air from its neighbours). */
const DEAD_BOARD_RISE_C = 3;
const RATE_30M_S = 1800;

function overheatFactor(rig: RigPhysics): number {
  if (rig.overheatSinceS === null) return 1;
  const ageS = Math.max(0, rig.elapsedS - rig.overheatSinceS);
  return Math.min(OVERHEAT_MAX_FACTOR, 1 + ageS / OVERHEAT_RAMP_S);
}

function thermalStep(rig: RigPhysics, dtS: number): void {
  const alpha = 1 - Math.exp(-dtS / THERMAL_TAU_S);
  const rthKPerW = (rig.calibration.rthBaseKPerW / coolingFactor(airflowFraction(rig))) * overheatFactor(rig);
  rig.boards.forEach((board, index) => {
    const targetC = board.dead
      ? rig.ambientC + DEAD_BOARD_RISE_C
      : Math.min(MAX_CHIP_TEMP_C, rig.ambientC + boardPowerW(rig, index) * rthKPerW);
    board.chipTempC += (targetC - board.chipTempC) * alpha;
  });
}

function fanStep(rig: RigPhysics, dtS: number): void {
  let targetDuty: number;
  if (rig.fanMode.kind === 'manual') {
    targetDuty = rig.fanMode.dutyPct / 100;
  } else {
    const live = rig.boards.filter((board) => !board.dead);
    const hottestC = live.length > 0 ? Math.max(...live.map((board) => board.chipTempC)) : rig.ambientC;
    const setPointC = rig.fanMode.targetChipC ?? rig.model.nominalChipTempC;
    targetDuty = rig.model.nominalFanDuty + (hottestC - setPointC) * FAN_GAIN_PER_C;
  }
  targetDuty = Math.min(1, Math.max(FAN_MIN_DUTY, targetDuty));
  rig.fanDuty += (targetDuty - rig.fanDuty) * (1 - Math.exp(-dtS / FAN_TAU_S));
}

/** Power-target mode: scale clocks toward the target; whole-MHz steps, so it settles within about 1 %. */
function powerTargetStep(rig: RigPhysics, dtS: number): void {
  if (rig.powerTargetW === null) return;
  const ratio = rig.powerTargetW / Math.max(1, wallPowerW(rig));
  const alpha = 1 - Math.exp(-dtS / POWER_TARGET_TAU_S);
  const { minFrequencyMhz, maxFrequencyMhz } = rig.model;
  for (const board of rig.boards) {
    if (board.dead) continue;
    const wanted = board.frequencyMhz * (1 + (ratio - 1) * alpha);
    const next = Math.round(Math.min(maxFrequencyMhz, Math.max(minFrequencyMhz, wanted)));
    if (next !== board.frequencyMhz) {
      board.frequencyMhz = next;
      invalidateBoard(board);
    }
  }
}

/** Adds dtS seconds of hashing, errors and shares at the current rates. */
function accumulate(rig: RigPhysics, dtS: number): void {
  let ghs = 0;
  rig.boards.forEach((board, index) => {
    const rates = boardRates(rig, index);
    board.hashesGh += rates.ghs * dtS;
    board.hwErrors += rates.hwErrorsPerS * dtS;
    ghs += rates.ghs;
  });
  const sharesPerS = (ghs * 1e9) / (POOL_DIFFICULTY * 4_294_967_296);
  rig.accepted += sharesPerS * dtS * (1 - POOL_REJECT_FRACTION);
  rig.rejected += sharesPerS * dtS * POOL_REJECT_FRACTION;
  rig.stale += sharesPerS * dtS * 0.0002;
  rig.rate30mGhs += (ghs - rig.rate30mGhs) * (1 - Math.exp(-dtS / RATE_30M_S));
}

function step(rig: RigPhysics, dtS: number): void {
  accumulate(rig, dtS);
  thermalStep(rig, dtS);
  fanStep(rig, dtS);
  powerTargetStep(rig, dtS);
  rig.elapsedS += dtS;
}

/** Brings the state forward to nowMs. Calling it twice with the same time does nothing the second time. */
export function advanceTo(rig: RigPhysics, nowMs: number): void {
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
  const dtS = remainingS / steps;
  for (let index = 0; index < steps; index += 1) step(rig, dtS);
}

/**
 * Puts a rig that "has been running for a while" in front of the app: temperatures and fans settle (board-level
 * only, cheap), then uptimeS of history fills the counters at the settled rates.
 */
export function settle(rig: RigPhysics, uptimeS: number): void {
  for (let index = 0; index < 240; index += 1) {
    thermalStep(rig, 5);
    fanStep(rig, 5);
  }
  rig.rate30mGhs = rig.boards.reduce((sum, _board, index) => sum + boardRates(rig, index).ghs, 0);
  if (uptimeS > 0) accumulate(rig, uptimeS);
  rig.elapsedS += uptimeS;
}
