// The physical model of an AxeOS rig: one board, one to a few ASICs, one fan, one regulator. Same spirit as the
// Antminer model (../physics.ts), sized for a single chip: hashrate ~ frequency x working ASICs; ASIC power ~ frequency
// x voltage^2 x leakage, rising with temperature; errors rise when the core voltage is too low for the clock or the
// chip is hot, and an ASIC with most nonces wrong stops counting; the chip temperature follows power and fan with a
// lag; the stock fan controller speeds up above 60 °C. Pure data, no timers: state advances lazily to the clock.
import { coolingFactor } from '../calibration.js';
import { mixSeed, mulberry32, normalClamped } from '../random.js';
import type { AxeModel } from './models.js';

export const AMBIENT_C = 25;
const NOMINAL_CHIP_C = 58;
const FAN_TARGET_C = 60;
const FAN_BASE_DUTY = 0.45;
const FAN_GAIN_PER_C = 0.05;
const FAN_MIN_DUTY = 0.2;
/** Duty the auto controller settles at when the chip sits at NOMINAL_CHIP_C. */
const NOMINAL_DUTY = FAN_BASE_DUTY + (NOMINAL_CHIP_C - FAN_TARGET_C) * FAN_GAIN_PER_C;
const THERMAL_TAU_S = 20;
const FAN_TAU_S = 5;
const STEP_S = 2;
const MAX_STEPPED_S = 3600;
const LEAKAGE_PER_C = 0.004;
const BASE_ERROR_FRACTION = 2e-4;
/** Errors grow e-fold for every 1.5 % of nominal core voltage below the ASIC's minimum for its clock. */
const UNDERVOLT_SCALE = 0.015;
const HOT_ERROR_START_C = 70;
/** ESP-Miner's overheat protection trips around here (an approximation: the exact rule differs by version). */
export const OVERHEAT_TRIP_C = 75;
const DROP_ERROR_FRACTION = 0.5;
const POOL_DIFFICULTY = 1000;
const TWO_POW_32 = 4_294_967_296;

export interface AsicLottery {
  /** Minimum stable core voltage at nominal clock, as a fraction of the nominal voltage. */
  vminCoef: number;
  leak: number;
  coreYield: number;
}

export interface AxePhysics {
  readonly model: AxeModel;
  readonly asics: AsicLottery[];
  /** Best-share luck of this unit: expected best difficulty is hashes / 2^32, times this. */
  readonly luck: number;
  readonly ghsPerMhz: number;
  readonly powerPerMhzV2: number;
  readonly staticW: number;
  readonly fanMaxW: number;
  readonly rthKPerW: number;
  frequencyMhz: number;
  voltageMv: number;
  ambientC: number;
  chipTempC: number;
  fanDuty: number;
  autoFan: boolean;
  manualFanPct: number;
  lastMs: number;
  elapsedS: number;
  hashesGh: number;
  accepted: number;
  rejected: number;
  bestEverDiff: number;
  deadAsics: boolean[];
  fanFailed: boolean;
  overheatSinceS: number | null;
  /** Latched by the overheat protection; only a settings change (overheat_mode 0) clears it, as in the firmware. */
  overheatMode: boolean;
}

export interface AxeRates {
  ghs: number;
  errorFraction: number;
  asicPowerW: number;
  powerW: number;
}

export function createAxePhysics(model: AxeModel, seed: number, nowMs: number, ambientC = AMBIENT_C): AxePhysics {
  const next = mulberry32(mixSeed(seed, 0xa7e));
  const asics = Array.from({ length: model.asicCount }, () => ({
    vminCoef: normalClamped(next, 0.93, 0.015, 0.88, 0.98),
    leak: normalClamped(next, 1, 0.05, 0.85, 1.2),
    coreYield: 1 - Math.abs(normalClamped(next, 0, 0.01, -0.04, 0.04)),
  }));
  const staticW = model.nominalInputV > 6 ? 5 : 2;
  const fanMaxW = model.nominalInputV > 6 ? 2 : 1;
  const asicNominalW = model.nominalPowerW - staticW - fanMaxW * NOMINAL_DUTY ** 3;
  const nominalV = model.nominalVoltageMv / 1000;
  return {
    model,
    asics,
    luck: normalClamped(next, 1, 0.6, 0.2, 3),
    ghsPerMhz: model.nominalHashrateGhs / (model.nominalFrequencyMhz * model.asicCount * 0.992),
    powerPerMhzV2: asicNominalW / (model.asicCount * model.nominalFrequencyMhz * nominalV * nominalV),
    staticW,
    fanMaxW,
    rthKPerW: ((NOMINAL_CHIP_C - AMBIENT_C) * coolingFactor(NOMINAL_DUTY)) / asicNominalW,
    frequencyMhz: model.nominalFrequencyMhz,
    voltageMv: model.nominalVoltageMv,
    ambientC,
    chipTempC: ambientC,
    fanDuty: NOMINAL_DUTY,
    autoFan: true,
    manualFanPct: 100,
    lastMs: nowMs,
    elapsedS: 0,
    hashesGh: 0,
    accepted: 0,
    rejected: 0,
    bestEverDiff: 0,
    deadAsics: asics.map(() => false),
    fanFailed: false,
    overheatSinceS: null,
    overheatMode: false,
  };
}

function errorFraction(rig: AxePhysics, asic: AsicLottery): number {
  const { nominalVoltageMv, nominalFrequencyMhz } = rig.model;
  const vminMv = nominalVoltageMv * asic.vminCoef * (0.6 + (0.4 * rig.frequencyMhz) / nominalFrequencyMhz);
  const undervolt = Math.exp((vminMv - rig.voltageMv) / (UNDERVOLT_SCALE * nominalVoltageMv)) * 1e-3;
  const hot = rig.chipTempC > HOT_ERROR_START_C ? Math.exp((rig.chipTempC - HOT_ERROR_START_C) / 4) * 1e-3 : 0;
  return Math.min(1, BASE_ERROR_FRACTION + undervolt + hot);
}

export function axeRates(rig: AxePhysics): AxeRates {
  let ghs = 0;
  let asicPowerW = 0;
  let errors = 0;
  let hashing = 0;
  const volts = rig.voltageMv / 1000;
  const thermal = 1 + LEAKAGE_PER_C * (rig.chipTempC - NOMINAL_CHIP_C);
  rig.asics.forEach((asic, index) => {
    if (rig.deadAsics[index]) return;
    // Overheat protection parks the ASICs: they stop hashing and draw almost nothing.
    const clockMhz = rig.overheatMode ? 0 : rig.frequencyMhz;
    asicPowerW += rig.powerPerMhzV2 * clockMhz * volts * volts * asic.leak * thermal;
    const fraction = errorFraction(rig, asic);
    if (clockMhz === 0 || fraction > DROP_ERROR_FRACTION) return;
    ghs += clockMhz * rig.ghsPerMhz * asic.coreYield * (1 - fraction);
    errors += fraction;
    hashing += 1;
  });
  const fanW = rig.fanFailed ? 0 : rig.fanMaxW * rig.fanDuty ** 3;
  return {
    ghs,
    errorFraction: hashing === 0 ? 0 : errors / hashing,
    asicPowerW,
    powerW: rig.staticW + fanW + asicPowerW,
  };
}

function airflow(rig: AxePhysics): number {
  return rig.fanFailed ? 0 : rig.fanDuty;
}

function step(rig: AxePhysics, dtS: number): void {
  const rates = axeRates(rig);
  rig.hashesGh += rates.ghs * dtS;
  const sharesPerS = (rates.ghs * 1e9) / (POOL_DIFFICULTY * TWO_POW_32);
  const rejectFraction = 3e-4 + rates.errorFraction * 0.2;
  rig.accepted += sharesPerS * dtS * (1 - rejectFraction);
  rig.rejected += sharesPerS * dtS * rejectFraction;
  const runaway = rig.overheatSinceS === null ? 1 : Math.min(5, 1 + (rig.elapsedS - rig.overheatSinceS) / 60);
  const targetC = rig.ambientC + (rates.asicPowerW * rig.rthKPerW * runaway) / coolingFactor(airflow(rig));
  rig.chipTempC += (targetC - rig.chipTempC) * (1 - Math.exp(-dtS / THERMAL_TAU_S));
  if (rig.chipTempC > OVERHEAT_TRIP_C) rig.overheatMode = true;
  const wanted = rig.overheatMode
    ? 1
    : rig.autoFan
      ? FAN_BASE_DUTY + (rig.chipTempC - FAN_TARGET_C) * FAN_GAIN_PER_C
      : rig.manualFanPct / 100;
  const duty = Math.min(1, Math.max(rig.autoFan ? FAN_MIN_DUTY : 0, wanted));
  rig.fanDuty += (duty - rig.fanDuty) * (1 - Math.exp(-dtS / FAN_TAU_S));
  rig.elapsedS += dtS;
}

/** Brings the rig forward to nowMs (2 s steps, at most an hour of them; older time only adds to the counters). */
export function advanceAxe(rig: AxePhysics, nowMs: number): void {
  let remainingS = (nowMs - rig.lastMs) / 1000;
  if (!(remainingS > 0)) return;
  rig.lastMs = nowMs;
  if (remainingS > MAX_STEPPED_S) {
    const bulkS = remainingS - MAX_STEPPED_S;
    const rates = axeRates(rig);
    rig.hashesGh += rates.ghs * bulkS;
    rig.accepted += ((rates.ghs * 1e9) / (POOL_DIFFICULTY * TWO_POW_32)) * bulkS;
    rig.elapsedS += bulkS;
    remainingS = MAX_STEPPED_S;
  }
  const steps = Math.ceil(remainingS / STEP_S);
  for (let index = 0; index < steps; index += 1) step(rig, remainingS / steps);
}

/** A rig that "has been running" uptimeS: temperatures settle, counters fill at the settled rates. */
export function settleAxe(rig: AxePhysics, uptimeS: number): void {
  for (let index = 0; index < 120; index += 1) step(rig, 5);
  rig.elapsedS = 0;
  rig.hashesGh = 0;
  rig.accepted = 0;
  rig.rejected = 0;
  const rates = axeRates(rig);
  rig.hashesGh = rates.ghs * uptimeS;
  rig.accepted = ((rates.ghs * 1e9) / (POOL_DIFFICULTY * TWO_POW_32)) * uptimeS;
  rig.rejected = rig.accepted * 3e-4;
  rig.elapsedS = uptimeS;
}

/** Reboot: counters and uptime start again; settings, temperatures and the overheat latch stay. */
export function rebootAxe(rig: AxePhysics): void {
  rig.bestEverDiff = Math.max(rig.bestEverDiff, sessionBestDiff(rig));
  rig.elapsedS = 0;
  rig.hashesGh = 0;
  rig.accepted = 0;
  rig.rejected = 0;
}

/** Expected best share difficulty after N hashes is about N / 2^32. */
export function sessionBestDiff(rig: AxePhysics): number {
  return Math.floor(((rig.hashesGh * 1e9) / TWO_POW_32) * rig.luck);
}

export const AXE_POOL_DIFFICULTY = POOL_DIFFICULTY;
