// T-Rex `GET /summary` as 0.24.6 (API 4.1) sends it: the field set and types of the sample in
// core/drivers/trex/fixtures.ts (GolemUI TRexDetails.cs), plus per-GPU "fan_speed" that desktop cards report
// (0.19.5 capture, trex_exporter). Rates are integer H/s; hashrate_hour reads 0 for the first hour and hashrate_day
// for the first day (0.9.1 capture); "difficulty" is a string ("4.00 G"); the uuid is 32 hex digits.
import { mixSeed, mulberry32 } from '../random.js';
import { sumOf, type GpuRigView, type GpuView } from './reading.js';

function hex(seed: number, length: number): string {
  const next = mulberry32(seed);
  return Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
}

function gpuEntry(view: GpuRigView, gpu: GpuView): Record<string, unknown> {
  const hashrate = Math.round(gpu.hashrateHs);
  const { gpu: type } = view.frontEnd;
  return {
    cclock: gpu.coreClockMhz,
    dag_build_mode: 0,
    device_id: gpu.index,
    efficiency: gpu.powerW > 0 ? `${Math.round(hashrate / gpu.powerW / 1000)}kH/W` : '0.00H/W',
    fan_speed: gpu.fanPercent,
    gpu_id: gpu.index,
    gpu_user_id: gpu.index,
    hashrate,
    hashrate_day: view.uptimeS >= 86_400 ? hashrate : 0,
    hashrate_hour: view.uptimeS >= 3600 ? hashrate : 0,
    hashrate_instant: hashrate,
    hashrate_minute: hashrate,
    intensity: 22.0,
    lhr_tune: 0.0,
    low_load: false,
    mclock: gpu.memoryClockMhz,
    mtweak: 0,
    name: type.name,
    paused: gpu.paused,
    pci_bus: gpu.busId,
    pci_domain: 0,
    pci_id: 0,
    potentially_unstable: false,
    power: Math.round(gpu.powerW),
    power_avr: Math.round(gpu.powerW),
    shares: {
      accepted_count: gpu.accepted,
      invalid_count: gpu.invalid,
      last_share_diff: 0,
      last_share_submit_ts: 0,
      max_share_diff: 0,
      max_share_submit_ts: 0,
      rejected_count: gpu.rejected,
      solved_count: 0,
    },
    temperature: gpu.tempC,
    uuid: hex(mixSeed(view.seed, 0x0d1d, gpu.index), 32),
    vendor: type.vendor,
  };
}

export function trexSummary(view: GpuRigView): Record<string, unknown> {
  const hashrate = Math.round(sumOf(view.gpus, (gpu) => gpu.hashrateHs));
  const pool = view.pools[0];
  return {
    accepted_count: sumOf(view.gpus, (gpu) => gpu.accepted),
    active_pool: {
      difficulty: '4.00 G',
      last_submit_ts: Math.floor(view.nowMs / 1000) - 7,
      ping: 31,
      proxy: '',
      retries: 0,
      url: pool?.url ?? '',
      user: pool?.user ?? '',
      worker: '',
    },
    algorithm: view.frontEnd.algorithm,
    api: '4.1',
    build_date: 'Nov 10 2021 18:13:23',
    coin: '',
    description: 'T-Rex NVIDIA GPU miner',
    driver: '470.86',
    gpu_total: view.gpus.length,
    gpus: view.gpus.map((gpu) => gpuEntry(view, gpu)),
    hashrate,
    hashrate_day: view.uptimeS >= 86_400 ? hashrate : 0,
    hashrate_hour: view.uptimeS >= 3600 ? hashrate : 0,
    hashrate_minute: hashrate,
    invalid_count: sumOf(view.gpus, (gpu) => gpu.invalid),
    name: 't-rex',
    os: 'linux',
    paused: view.paused,
    rejected_count: sumOf(view.gpus, (gpu) => gpu.rejected),
    revision: '75a91be00af3',
    sharerate: 0.0,
    sharerate_average: 0.0,
    solved_count: 0,
    success: 1,
    time: Math.floor(view.nowMs / 1000),
    uptime: Math.floor(view.uptimeS),
    validate_shares: false,
    version: view.frontEnd.version,
  };
}
