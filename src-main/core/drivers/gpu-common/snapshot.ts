// One RigSnapshot from what a GPU miner reported: the family parsers fill a GpuRigReading, this file does the sums,
// the maxima and the shape, so the four miners cannot disagree on what "rig power" or "a dead GPU" means.
import { UNKNOWN_CONTROL_STATE } from '../../../../src-shared/model/control.js';
import type { Fan, Pool, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { efficiencyJPerTh } from '../../../../src-shared/units.js';
import { intField, maxOf, stringField } from '../fields.js';
import { boardsFromGpus, MAX_GPUS, type GpuReading } from './gpus.js';

export interface GpuRigReading {
  gpus: GpuReading[];
  /** The miner's own total; null when it sends none (GMiner), then the GPUs are added up. */
  hashrateThs: number | null;
  hashrateAvgThs: number | null;
  /** The miner's own total power; null or 0 when it sends none, then the GPUs are added up. */
  totalPowerW: number | null;
  pools: Pool[];
  uptimeS: number | null;
  accepted: number | null;
  rejected: number | null;
  fans: Fan[];
  paused: boolean | null;
}

/** Sums of absurd values overflow to Infinity; a snapshot carries finite numbers or null. */
export function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function sumOf(values: ReadonlyArray<number | null>): number | null {
  let sum: number | null = null;
  for (const value of values) if (value !== null) sum = (sum ?? 0) + value;
  return sum;
}

function averageOf(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null && value > 0);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** A GPU index as the miner numbers it, or its position when the miner sent nothing usable. */
export function gpuIndex(value: unknown, position: number): number {
  const index = intField(value);
  return index !== null && index >= 0 && index < 1024 ? index : position;
}

/**
 * The pool a GPU miner says it is mining on. These APIs name only the current pool, not a failover list, so it is
 * listed alone, as active and alive: the miner reports the pool it is connected to.
 */
export function currentPool(url: unknown, user: unknown, accepted: number | null, rejected: number | null): Pool[] {
  const poolUrl = stringField(url);
  if (!poolUrl) return [];
  return [
    {
      index: 0,
      url: poolUrl,
      user: stringField(user) ?? '',
      status: 'alive',
      priority: 0,
      accepted: finite(accepted),
      rejected: finite(rejected),
      active: true,
    },
  ];
}

export function gpuSnapshot(reading: GpuRigReading, takenAt: number): RigSnapshot {
  const boards = boardsFromGpus(reading.gpus);
  const gpus = reading.gpus.slice(0, MAX_GPUS);
  const hashrateThs = finite(reading.hashrateThs ?? sumOf(gpus.map((gpu) => gpu.hashrateThs)));
  // Measured by the GPUs' own sensors, so not an estimate; it is GPU power, without the host, risers and PSU loss.
  const powerW = finite(
    reading.totalPowerW !== null && reading.totalPowerW > 0
      ? reading.totalPowerW
      : sumOf(gpus.map((gpu) => gpu.powerW)),
  );
  return {
    takenAt,
    hashrateThs,
    hashrateAvgThs: reading.hashrateAvgThs,
    powerW,
    powerIsEstimate: false,
    efficiencyJPerTh: finite(efficiencyJPerTh(powerW, hashrateThs)),
    maxChipTempC: maxOf(boards.map((board) => board.chipTempC)),
    maxBoardTempC: maxOf(boards.map((board) => board.boardTempC)),
    boards,
    fans: reading.fans.slice(0, MAX_GPUS),
    pools: reading.pools,
    uptimeS: finite(reading.uptimeS),
    accepted: finite(reading.accepted),
    rejected: finite(reading.rejected),
    hardwareErrors: finite(sumOf(boards.map((board) => board.hardwareErrors))),
    control: {
      ...UNKNOWN_CONTROL_STATE,
      frequencyMhz: finite(averageOf(gpus.map((gpu) => gpu.coreClockMhz))),
      paused: reading.paused,
    },
  };
}
