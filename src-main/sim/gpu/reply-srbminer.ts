// SRBMiner-Multi `GET /` in the 0.4.8+ "algorithms" layout of the 0.5.6 capture (core/drivers/srbminer/fixtures.ts),
// for a GPU rig: per-GPU rates keyed "gpu<id>" under hashrate.gpu (HiveOS srbminer/h-stats.sh), "cpu":{"total":0.0}
// as the capture shows for the unused side, and gpu_devices entries with the fields of the 0.1.8 GPU capture
// (device, device_id, model, bus_id, core_clock, memory_clock, temperature, fan_speed_rpm, compute_errors). The pool
// is host:port. SRBMiner reports no power.
import { sumOf, withoutScheme, type GpuRigView } from './reading.js';

export function srbminerStatus(view: GpuRigView): Record<string, unknown> {
  const pool = view.pools[0];
  const nowHs = sumOf(view.gpus, (gpu) => gpu.hashrateHs);
  const accepted = sumOf(view.gpus, (gpu) => gpu.accepted);
  const rejected = sumOf(view.gpus, (gpu) => gpu.rejected);
  const perGpu: Record<string, number> = {};
  for (const gpu of view.gpus) perGpu[`gpu${gpu.index}`] = gpu.hashrateHs;
  const connected = new Date(view.nowMs - view.uptimeS * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return {
    rig_name: 'SRBMiner-Multi-Rig',
    miner_version: view.frontEnd.version,
    mining_time: Math.floor(view.uptimeS),
    total_cpu_workers: 0,
    total_gpu_workers: view.gpus.length,
    total_workers: view.gpus.length,
    cpu_devices: [],
    gpu_devices: view.gpus.map((gpu) => ({
      device: `GPU${gpu.index}`,
      device_id: gpu.index,
      model: view.frontEnd.gpu.name,
      bus_id: gpu.busId,
      core_clock: gpu.coreClockMhz,
      memory_clock: gpu.memoryClockMhz,
      temperature: gpu.tempC,
      fan_speed_rpm: gpu.fanRpm,
      compute_errors: gpu.invalid,
    })),
    algorithms: [
      {
        id: 0,
        name: view.frontEnd.algorithm,
        pool: {
          pool: pool ? withoutScheme(pool.url) : '',
          time_connected: connected,
          uptime: Math.max(0, Math.floor(view.uptimeS) - 2),
          difficulty: 11.641354547,
          last_job_received: 3,
          latency: 42,
        },
        shares: {
          total: accepted + rejected,
          accepted,
          rejected,
          avg_find_time: accepted > 0 ? Math.round(view.uptimeS / accepted) : 0,
        },
        hashrate: {
          now: nowHs,
          '1min': nowHs,
          '5min': nowHs,
          '30min': view.uptimeS >= 1800 ? nowHs : 0.0,
          max: nowHs * 1.01,
          cpu: { total: 0.0 },
          gpu: { ...perGpu, total: nowHs },
        },
      },
    ],
  };
}
