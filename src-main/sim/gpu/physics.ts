// The physical model of a GPU rig, in the spirit of the ASIC model (../physics.ts) but per card: hashrate follows the
// core clock, power follows clock x voltage², temperature follows power through a thermal resistance that the fan
// lowers, and an auto fan curve holds the card near its set point. Each card has seeded silicon-lottery factors.
// Nothing runs in the background: the state is brought forward to "now" when a reply is built.
import { mixSeed, mulberry32, normalClamped } from '../random.js';
import type { GpuType } from './catalog.js';

const STEP_S = 2;
const MAX_STEPPED_S = 3600;
const THERMAL_TAU_S = 45;
const FAN_TAU_S = 8;
/** The auto fan curve: nominal duty at the set point, 4 % more per °C above it. */
const SET_POINT_C = 63;
const NOMINAL_DUTY = 0.55;
const FAN_GAIN_PER_C = 0.04;
const MIN_DUTY = 0.3;
/** A stalled fan still lets some air through the heatsink. */
const STALLED_DUTY = 0.05;
/** NVIDIA and AMD cards start pulling clocks at about this temperature. */
const THROTTLE_C = 83;
const MAX_TEMP_C = 110;
const OVERHEAT_RAMP_S = 90;
const OVERHEAT_MAX_FACTOR = 3;
/** One share every 20 s per card at nominal rate keeps counters moving at a believable pace. */
const SHARE_INTERVAL_S = 20;
const REJECT_FRACTION = 0.004;

export interface GpuLottery {
  hashFactor: number;
  leakFactor: number;
  rthFactor: number;
}

export interface GpuUnit {
  index: number;
  lottery: GpuLottery;
  clockMhz: number;
  voltageMv: number;
  tempC: number;
  fanDuty: number;
  dead: boolean;
  fanFailed: boolean;
  paused: boolean;
  accepted: number;
  rejected: number;
  invalid: number;
}

export interface GpuRigPhysics {
  type: GpuType;
  gpus: GpuUnit[];
  ambientC: number;
  lastMs: number;
  elapsedS: number;
  overheatSinceS: number | null;
}

function cooling(duty: number): number {
  return 0.3 + 0.7 * duty;
}

/** Thermal resistance that puts an average card at the set point, at nominal power and duty, in 25 °C air. */
function baseRthKPerW(type: GpuType): number {
  return ((SET_POINT_C - 25) * cooling(NOMINAL_DUTY)) / type.nominalPowerW;
}

export function createGpuRig(type: GpuType, count: number, seed: number, nowMs: number, ambientC = 25): GpuRigPhysics {
  const gpus = Array.from({ length: count }, (_, index): GpuUnit => {
    const next = mulberry32(mixSeed(seed, 0x6a0, index));
    return {
      index,
      lottery: {
        hashFactor: normalClamped(next, 1, 0.025, 0.92, 1.08),
        leakFactor: normalClamped(next, 1, 0.05, 0.85, 1.15),
        rthFactor: normalClamped(next, 1, 0.06, 0.85, 1.2),
      },
      clockMhz: type.nominalClockMhz,
      voltageMv: type.nominalVoltageMv,
      tempC: ambientC,
      fanDuty: NOMINAL_DUTY,
      dead: false,
      fanFailed: false,
      paused: false,
      accepted: 0,
      rejected: 0,
      invalid: 0,
    };
  });
  return { type, gpus, ambientC, lastMs: nowMs, elapsedS: 0, overheatSinceS: null };
}

function throttle(gpu: GpuUnit): number {
  return gpu.tempC <= THROTTLE_C ? 1 : Math.max(0.4, 1 - (gpu.tempC - THROTTLE_C) * 0.06);
}

export function gpuHashrateHs(rig: GpuRigPhysics, gpu: GpuUnit): number {
  if (gpu.dead || gpu.paused) return 0;
  return (
    rig.type.nominalHashrateHs * (gpu.clockMhz / rig.type.nominalClockMhz) * gpu.lottery.hashFactor * throttle(gpu)
  );
}

export function gpuPowerW(rig: GpuRigPhysics, gpu: GpuUnit): number {
  const { type } = rig;
  if (gpu.dead) return type.idlePowerW * 0.5;
  if (gpu.paused) return type.idlePowerW;
  const clock = gpu.clockMhz / type.nominalClockMhz;
  const volts = gpu.voltageMv / type.nominalVoltageMv;
  const leakage = gpu.lottery.leakFactor * (1 + 0.003 * (gpu.tempC - SET_POINT_C));
  return type.idlePowerW + (type.nominalPowerW - type.idlePowerW) * clock * volts * volts * leakage * throttle(gpu);
}

/** The fan duty that actually moves air: a failed fan barely turns whatever the controller asks. */
export function effectiveDuty(gpu: GpuUnit): number {
  return gpu.fanFailed ? STALLED_DUTY : gpu.fanDuty;
}

function overheatFactor(rig: GpuRigPhysics): number {
  if (rig.overheatSinceS === null) return 1;
  return Math.min(OVERHEAT_MAX_FACTOR, 1 + (rig.elapsedS - rig.overheatSinceS) / OVERHEAT_RAMP_S);
}

function step(rig: GpuRigPhysics, dtS: number, countShares: boolean): void {
  const thermalAlpha = 1 - Math.exp(-dtS / THERMAL_TAU_S);
  const fanAlpha = 1 - Math.exp(-dtS / FAN_TAU_S);
  const rth = baseRthKPerW(rig.type) * overheatFactor(rig);
  for (const gpu of rig.gpus) {
    if (countShares) accumulate(rig, gpu, dtS);
    const targetC = rig.ambientC + (gpuPowerW(rig, gpu) * rth * gpu.lottery.rthFactor) / cooling(effectiveDuty(gpu));
    gpu.tempC += (Math.min(MAX_TEMP_C, targetC) - gpu.tempC) * thermalAlpha;
    const wanted = Math.min(1, Math.max(MIN_DUTY, NOMINAL_DUTY + (gpu.tempC - SET_POINT_C) * FAN_GAIN_PER_C));
    gpu.fanDuty += (wanted - gpu.fanDuty) * fanAlpha;
  }
  rig.elapsedS += dtS;
}

function accumulate(rig: GpuRigPhysics, gpu: GpuUnit, dtS: number): void {
  const sharesPerS = gpuHashrateHs(rig, gpu) / rig.type.nominalHashrateHs / SHARE_INTERVAL_S;
  gpu.accepted += sharesPerS * dtS * (1 - REJECT_FRACTION);
  gpu.rejected += sharesPerS * dtS * REJECT_FRACTION;
  // Hot silicon computes wrong results: invalid shares rise tenfold above the throttle point.
  gpu.invalid += sharesPerS * dtS * (gpu.tempC > THROTTLE_C ? 0.01 : 0.001);
}

/** Brings the rig forward to nowMs; calling it twice with the same time does nothing the second time. */
export function advanceGpuRig(rig: GpuRigPhysics, nowMs: number): void {
  let remainingS = (nowMs - rig.lastMs) / 1000;
  if (!(remainingS > 0)) return;
  rig.lastMs = nowMs;
  if (remainingS > MAX_STEPPED_S) {
    const bulkS = remainingS - MAX_STEPPED_S;
    for (const gpu of rig.gpus) accumulate(rig, gpu, bulkS);
    rig.elapsedS += bulkS;
    remainingS = MAX_STEPPED_S;
  }
  const steps = Math.ceil(remainingS / STEP_S);
  for (let index = 0; index < steps; index += 1) step(rig, remainingS / steps, true);
}

/** A rig that has "been running" uptimeS: temperatures settled, counters as if it had mined all along. */
export function settleGpuRig(rig: GpuRigPhysics, uptimeS: number): void {
  for (let index = 0; index < 300; index += 1) step(rig, STEP_S, false);
  rig.elapsedS = uptimeS;
  for (const gpu of rig.gpus) accumulate(rig, gpu, uptimeS);
}

export function startOverheat(rig: GpuRigPhysics): void {
  rig.overheatSinceS ??= rig.elapsedS;
}

export function stopOverheat(rig: GpuRigPhysics): void {
  rig.overheatSinceS = null;
}
