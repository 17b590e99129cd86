// The physical model of an XMRig rig, in the same spirit as the Antminer one but for PC parts. CPU: hashrate from the
// mining threads (each physical core a full share, SMT siblings a quarter, threads past the logical CPUs almost
// nothing). GPUs: hashrate from the card's seeded yield, power with a leakage rise, temperature following power and
// fan with a lag, the driver's fan curve, thermal throttling above 83 °C. Shares at the pool's vardiff pace (one per
// ~30 s). XMRig reports no CPU power or temperature, so neither is modelled. No timers: state advances lazily.
import { coolingFactor } from '../calibration.js';
import { mixSeed, mulberry32, normalClamped } from '../random.js';
import type { GpuSpec, XmrigRigModel } from './models.js';

const AMBIENT_C = 25;
const GPU_NOMINAL_C = 65;
const GPU_NOMINAL_DUTY = 0.45;
const GPU_FAN_GAIN_PER_C = 0.03;
const GPU_THROTTLE_C = 83;
const GPU_IDLE_W = 20;
const THERMAL_TAU_S = 30;
const FAN_TAU_S = 8;
const STEP_S = 2;
const MAX_STEPPED_S = 3600;
const SHARE_EVERY_S = 30;
const REJECT_FRACTION = 0.002;

export interface GpuState {
  readonly spec: GpuSpec;
  readonly hashYield: number;
  readonly powerCoef: number;
  readonly rthKPerW: number;
  tempC: number;
  fanDuty: number;
  dead: boolean;
  fanFailed: boolean;
}

export interface XmrigPhysics {
  readonly model: XmrigRigModel;
  /** Per-thread spread of CPU hashrate (cache and scheduling luck), seeded. */
  readonly threadYield: number[];
  readonly gpus: GpuState[];
  ambientC: number;
  lastMs: number;
  /** Miner uptime ("uptime"). */
  elapsedS: number;
  /** Time on the current pool connection ("connection.uptime"). */
  connectionS: number;
  cpuThreads: number;
  paused: boolean;
  hashesTotal: number;
  sharesGood: number;
  sharesBad: number;
  poolAccepted: number;
  poolRejected: number;
  highestHs: number;
  overheatSinceS: number | null;
}

export function createXmrigPhysics(
  model: XmrigRigModel,
  seed: number,
  nowMs: number,
  ambientC = AMBIENT_C,
): XmrigPhysics {
  const next = mulberry32(mixSeed(seed, 0x3e5));
  const threadYield = Array.from({ length: model.cpu.threads * 2 }, () => normalClamped(next, 1, 0.02, 0.94, 1.06));
  const gpus = model.gpus.map((spec) => ({
    spec,
    hashYield: normalClamped(next, 1, 0.02, 0.94, 1.05),
    powerCoef: normalClamped(next, 1, 0.04, 0.9, 1.1),
    rthKPerW: ((GPU_NOMINAL_C - AMBIENT_C) * coolingFactor(GPU_NOMINAL_DUTY)) / spec.nominalPowerW,
    tempC: ambientC,
    fanDuty: GPU_NOMINAL_DUTY,
    dead: false,
    fanFailed: false,
  }));
  return {
    model,
    threadYield,
    gpus,
    ambientC,
    lastMs: nowMs,
    elapsedS: 0,
    connectionS: 0,
    cpuThreads: model.cpuMining ? model.cpu.threads : 0,
    paused: false,
    hashesTotal: 0,
    sharesGood: 0,
    sharesBad: 0,
    poolAccepted: 0,
    poolRejected: 0,
    highestHs: 0,
    overheatSinceS: null,
  };
}

/** H/s of each CPU mining thread. */
export function cpuThreadRates(rig: XmrigPhysics): number[] {
  const { cores, threads } = rig.model.cpu;
  return Array.from({ length: rig.paused ? 0 : rig.cpuThreads }, (_, index) => {
    const weight = index < cores ? 1 : index < threads ? 0.25 : 0.05;
    return rig.model.cpuHsPerCore * weight * (rig.threadYield[index % rig.threadYield.length] ?? 1);
  });
}

export function gpuRate(rig: XmrigPhysics, gpu: GpuState): number {
  if (gpu.dead || rig.paused) return 0;
  const throttle = gpu.tempC > GPU_THROTTLE_C ? Math.max(0.3, 1 - (gpu.tempC - GPU_THROTTLE_C) * 0.08) : 1;
  return gpu.spec.nominalHs * gpu.hashYield * throttle;
}

export function gpuPowerW(rig: XmrigPhysics, gpu: GpuState): number {
  if (gpu.dead) return 0;
  if (rig.paused) return GPU_IDLE_W;
  return gpu.spec.nominalPowerW * gpu.powerCoef * (1 + 0.002 * (gpu.tempC - GPU_NOMINAL_C));
}

export function totalRate(rig: XmrigPhysics): number {
  const cpu = cpuThreadRates(rig).reduce((sum, rate) => sum + rate, 0);
  return rig.gpus.reduce((sum, gpu) => sum + gpuRate(rig, gpu), cpu);
}

function accumulate(rig: XmrigPhysics, dtS: number): void {
  const rate = totalRate(rig);
  rig.hashesTotal += rate * dtS;
  rig.highestHs = Math.max(rig.highestHs, rate);
  if (rate > 0) {
    const shares = dtS / SHARE_EVERY_S;
    rig.sharesGood += shares * (1 - REJECT_FRACTION);
    rig.sharesBad += shares * REJECT_FRACTION;
    rig.poolAccepted += shares * (1 - REJECT_FRACTION);
    rig.poolRejected += shares * REJECT_FRACTION;
  }
  rig.elapsedS += dtS;
  rig.connectionS += dtS;
}

function thermalStep(rig: XmrigPhysics, dtS: number): void {
  const runaway = rig.overheatSinceS === null ? 1 : Math.min(4, 1 + (rig.elapsedS - rig.overheatSinceS) / 90);
  for (const gpu of rig.gpus) {
    const airflow = gpu.fanFailed ? 0 : gpu.fanDuty;
    const targetC = rig.ambientC + (gpuPowerW(rig, gpu) * gpu.rthKPerW * runaway) / coolingFactor(airflow);
    gpu.tempC += (targetC - gpu.tempC) * (1 - Math.exp(-dtS / THERMAL_TAU_S));
    const wanted = Math.min(1, Math.max(0.3, GPU_NOMINAL_DUTY + (gpu.tempC - GPU_NOMINAL_C) * GPU_FAN_GAIN_PER_C));
    gpu.fanDuty += (wanted - gpu.fanDuty) * (1 - Math.exp(-dtS / FAN_TAU_S));
  }
}

export function advanceXmrig(rig: XmrigPhysics, nowMs: number): void {
  let remainingS = (nowMs - rig.lastMs) / 1000;
  if (!(remainingS > 0)) return;
  rig.lastMs = nowMs;
  if (remainingS > MAX_STEPPED_S) {
    accumulate(rig, remainingS - MAX_STEPPED_S);
    remainingS = MAX_STEPPED_S;
  }
  const steps = Math.ceil(remainingS / STEP_S);
  for (let index = 0; index < steps; index += 1) {
    accumulate(rig, remainingS / steps);
    thermalStep(rig, remainingS / steps);
  }
}

/** A rig that "has been running" uptimeS: GPU temperatures settle, counters fill at the settled rates. */
export function settleXmrig(rig: XmrigPhysics, uptimeS: number): void {
  for (let index = 0; index < 120; index += 1) thermalStep(rig, 5);
  accumulate(rig, uptimeS);
}

/** A new pool connection: XMRig's per-connection counters start again. */
export function reconnect(rig: XmrigPhysics): void {
  rig.connectionS = 0;
  rig.poolAccepted = 0;
  rig.poolRejected = 0;
}

/** Pool difficulty as vardiff sets it: about one share every 30 s. */
export function poolDifficulty(rig: XmrigPhysics): number {
  return Math.max(1000, Math.round(totalRate(rig) * SHARE_EVERY_S));
}
