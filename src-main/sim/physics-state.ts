// The state one simulated rig carries between replies, and how it is created. Pure data: no timers, no sockets.

import { calibrationFor, NOMINAL_AMBIENT_C } from './calibration.js';
import type { ModelCalibration } from './calibration.js';
import { drawLottery } from './lottery.js';
import type { SiliconLottery } from './lottery.js';
import type { RigModel } from './models.js';

export type FanMode = { kind: 'auto'; targetChipC?: number } | { kind: 'manual'; dutyPct: number };

/** Per-chip figures that depend only on clocks, voltage and failures: recomputed when one of those changes. */
export interface ChipCache {
  /** Undervolt error multiplier per chip (exp of the voltage deficit). */
  undervoltErr: Float32Array;
  /** GH/s per chip with no errors (0 for a failed chip). */
  idealGhs: Float32Array;
  /** Dynamic power of the board's live chips at the model's nominal chip temperature. */
  dynamicPowerW: number;
}

export interface BoardPhysics {
  frequencyMhz: number;
  voltageV: number;
  chipTempC: number;
  /** Integral of effective hashrate since boot, in GH. */
  hashesGh: number;
  /** Hardware errors since boot (fractional: the reply floors it). */
  hwErrors: number;
  dead: boolean;
  /** 1 where a chip has physically failed (a degraded board): it neither hashes nor draws power. */
  failedChips: Uint8Array;
  cache: ChipCache | null;
  /** Last computed rates and the chip temperature they were computed at: reused while the temperature holds. */
  rates: BoardRates | null;
}

export interface BoardRates {
  atChipTempC: number;
  idealGhs: number;
  ghs: number;
  hwErrorsPerS: number;
  errorFraction: number;
  chipsOk: number;
}

export interface RigPhysics {
  readonly model: RigModel;
  readonly calibration: ModelCalibration;
  readonly lottery: SiliconLottery;
  /** Clock time the state was last advanced to. */
  lastMs: number;
  /** Seconds since the miner process started: the "Elapsed" field. */
  elapsedS: number;
  ambientC: number;
  boards: BoardPhysics[];
  /** Fan PWM 0..1, shared by all fans as on stock firmware. */
  fanDuty: number;
  fanMode: FanMode;
  failedFans: boolean[];
  /** elapsedS when thermal runaway started, or null. */
  overheatSinceS: number | null;
  powerTargetW: number | null;
  accepted: number;
  rejected: number;
  stale: number;
  /** 30-minute moving average of effective GH/s ("rate_30m" / "GHS 30m"). */
  rate30mGhs: number;
}

export interface RigPhysicsOptions {
  model: RigModel;
  seed: number;
  nowMs: number;
  ambientC?: number;
}

export function createRigPhysics(options: RigPhysicsOptions): RigPhysics {
  const { model } = options;
  const ambientC = options.ambientC ?? NOMINAL_AMBIENT_C;
  const boards: BoardPhysics[] = Array.from({ length: model.boards }, () => ({
    frequencyMhz: model.nominalFrequencyMhz,
    voltageV: model.nominalVoltageV,
    chipTempC: ambientC,
    hashesGh: 0,
    hwErrors: 0,
    dead: false,
    failedChips: new Uint8Array(model.chipsPerBoard),
    cache: null,
    rates: null,
  }));
  return {
    model,
    calibration: calibrationFor(model),
    lottery: drawLottery(model, options.seed),
    lastMs: options.nowMs,
    elapsedS: 0,
    ambientC,
    boards,
    fanDuty: model.nominalFanDuty,
    fanMode: { kind: 'auto' },
    failedFans: Array.from({ length: model.fans }, () => false),
    overheatSinceS: null,
    powerTargetW: null,
    accepted: 0,
    rejected: 0,
    stale: 0,
    rate30mGhs: 0,
  };
}

/** Forget cached per-chip figures after clocks, voltage or chip failures change. */
export function invalidateBoard(board: BoardPhysics): void {
  board.cache = null;
  board.rates = null;
}
