// What the sensors say at one instant: the physical state plus ~1 % seeded noise, redrawn once per 5 s window so
// that two requests in the same window agree (as miners' averaged figures do) and the same seed and clock give the
// same bytes. The front ends format these figures; they never touch the physics.
import { gaussian, mixSeed, mulberry32 } from '../random.js';
import type { FrontEnd } from './catalog.js';
import { effectiveDuty, gpuHashrateHs, gpuPowerW, type GpuRigPhysics } from './physics.js';

const NOISE_WINDOW_MS = 5000;
/** HBM/GDDR junctions run hotter than the core; 12 °C is typical of the Radeon VII capture (47/58, 65/76 °C). */
const MEMORY_ABOVE_CORE_C = 12;

export interface SimPool {
  url: string;
  user: string;
  pass: string;
}

export interface GpuView {
  index: number;
  /** PCIe bus number, as lolMiner (PCIE_Address), GMiner (bus_id) and SRBMiner (bus_id) print it. */
  busId: number;
  hashrateHs: number;
  powerW: number;
  tempC: number;
  memTempC: number;
  fanPercent: number;
  fanRpm: number;
  coreClockMhz: number;
  memoryClockMhz: number;
  accepted: number;
  rejected: number;
  invalid: number;
  paused: boolean;
}

export interface GpuRigView {
  nowMs: number;
  uptimeS: number;
  seed: number;
  frontEnd: FrontEnd;
  gpus: GpuView[];
  pools: readonly SimPool[];
  paused: boolean;
}

function noise(seed: number, window: number, gpu: number, channel: number): number {
  return 1 + 0.01 * gaussian(mulberry32(mixSeed(seed, window, gpu, channel)));
}

export function readGpus(physics: GpuRigPhysics, seed: number, nowMs: number): GpuView[] {
  const window = Math.floor(nowMs / NOISE_WINDOW_MS);
  return physics.gpus.map((gpu) => {
    // A stalled rotor reads 0 rpm even though some air still passes the heatsink (effectiveDuty).
    const duty = gpu.fanFailed ? 0 : effectiveDuty(gpu);
    const tempC = Math.round(gpu.tempC * noise(seed, window, gpu.index, 3));
    return {
      index: gpu.index,
      busId: gpu.index + 1,
      hashrateHs: gpuHashrateHs(physics, gpu) * noise(seed, window, gpu.index, 1),
      powerW: gpuPowerW(physics, gpu) * noise(seed, window, gpu.index, 2),
      tempC,
      memTempC: gpu.dead ? tempC : tempC + MEMORY_ABOVE_CORE_C,
      fanPercent: Math.round(duty * 100),
      fanRpm: Math.round(duty * physics.type.maxFanRpm),
      coreClockMhz: gpu.dead ? 0 : gpu.clockMhz,
      memoryClockMhz: physics.type.memoryClockMhz,
      accepted: Math.floor(gpu.accepted),
      rejected: Math.floor(gpu.rejected),
      invalid: Math.floor(gpu.invalid),
      paused: gpu.paused,
    };
  });
}

export function sumOf(gpus: readonly GpuView[], pick: (gpu: GpuView) => number): number {
  return gpus.reduce((sum, gpu) => sum + pick(gpu), 0);
}

/** "stratum+tcp://pool.test:4444" -> "pool.test:4444": lolMiner and SRBMiner print pools without the scheme. */
export function withoutScheme(url: string): string {
  const cut = url.indexOf('://');
  return cut === -1 ? url : url.slice(cut + 3);
}
