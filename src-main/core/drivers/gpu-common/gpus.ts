// Per-GPU figures, whatever miner reported them, turned into the Hashboard entries every Rigwise view already shows
// for ASIC hashboards (src-shared/model/rig.ts: powerW and fanPercent exist for GPUs).
import type { Hashboard } from '../../../../src-shared/model/rig.js';

/** A rig has at most a few dozen GPUs; anything longer is a broken or hostile reply and is cut. */
export const MAX_GPUS = 32;

export interface GpuReading {
  index: number;
  name: string | null;
  hashrateThs: number | null;
  coreTempC: number | null;
  memoryTempC: number | null;
  powerW: number | null;
  fanPercent: number | null;
  coreClockMhz: number | null;
  hardwareErrors: number | null;
  /** The miner says it stopped using this GPU (T-Rex "disabled" once it reached --temperature-limit). */
  disabled: boolean;
  /** Paused on purpose (T-Rex per-GPU pause): 0 H/s is then expected, not a failure. */
  paused: boolean;
}

export const EMPTY_GPU: Omit<GpuReading, 'index'> = {
  name: null,
  hashrateThs: null,
  coreTempC: null,
  memoryTempC: null,
  powerW: null,
  fanPercent: null,
  coreClockMhz: null,
  hardwareErrors: null,
  disabled: false,
  paused: false,
};

/**
 * Miners print 0 W for a GPU whose power sensor they cannot read (lolMiner 1.0 on a GTX 1050 Ti, GMiner on the
 * GTX 1050 Ti in HiveOS's gminer/h-stats.sh sample): 0 W is "not reported", never a measurement.
 */
export function reportedPowerW(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/** A counter as a whole number, or null when a rig sends a negative or absurd (beyond 2^53) one. */
export function countOrNull(value: number | null): number | null {
  if (value === null || value < 0) return null;
  const count = Math.trunc(value);
  return Number.isSafeInteger(count) ? count : null;
}

/**
 * A GPU is dead when the miner disabled it, or when it reports 0 H/s while at least one other GPU hashes (a GPU that
 * fell off the bus or crashed its kernel). When every GPU reads 0 the rig is starting, paused or off its pool: that
 * is a rig-level state, not a dead card.
 */
export function boardsFromGpus(gpus: readonly GpuReading[]): Hashboard[] {
  const someoneMines = gpus.some((gpu) => (gpu.hashrateThs ?? 0) > 0);
  return gpus.slice(0, MAX_GPUS).map((gpu) => {
    const silent = gpu.hashrateThs === 0 && !gpu.paused && someoneMines;
    return {
      index: gpu.index,
      hashrateThs: gpu.hashrateThs,
      chipTempC: gpu.coreTempC,
      // A GPU has no separate PCB sensor in these APIs; its memory temperature is the second figure that matters.
      boardTempC: gpu.memoryTempC,
      frequencyMhz: gpu.coreClockMhz,
      chipsOk: null,
      chipsTotal: null,
      hardwareErrors: countOrNull(gpu.hardwareErrors),
      powerW: gpu.powerW,
      fanPercent: gpu.fanPercent,
      status: gpu.disabled || silent ? 'dead' : 'ok',
    };
  });
}
