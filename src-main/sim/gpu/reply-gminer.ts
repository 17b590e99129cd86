// GMiner `GET /stat` as 1.34 sends it (core/drivers/gminer/fixtures.ts, Foreman's capture): no total rate,
// "speed" rounded to speedRatePrecision (1) in "Sol/s", integer watts in "power_usage", "bus_id" as
// "0000:02:00.0", the pool URL with its scheme in "server", and "electricity" in kWh so far.
import { sumOf, type GpuRigView } from './reading.js';

export function gminerStat(view: GpuRigView): Record<string, unknown> {
  const pool = view.pools[0];
  const kwh = (sumOf(view.gpus, (gpu) => gpu.powerW) * view.uptimeS) / 3_600_000;
  return {
    miner: `GMiner ${view.frontEnd.version}`,
    uptime: Math.floor(view.uptimeS),
    server: pool?.url ?? '',
    user: pool?.user ?? '',
    algorithm: view.frontEnd.algorithm,
    electricity: Number(kwh.toFixed(3)),
    total_accepted_shares: sumOf(view.gpus, (gpu) => gpu.accepted),
    total_rejected_shares: sumOf(view.gpus, (gpu) => gpu.rejected),
    devices: view.gpus.map((gpu) => ({
      gpu_id: gpu.index,
      bus_id: `0000:${gpu.busId.toString(16).padStart(2, '0')}:00.0`,
      name: view.frontEnd.gpu.name,
      speed: Number(gpu.hashrateHs.toFixed(1)),
      accepted_shares: gpu.accepted,
      rejected_shares: gpu.rejected,
      temperature: gpu.tempC,
      temperature_limit: 90,
      power_usage: Math.round(gpu.powerW),
    })),
    speedRatePrecision: 1,
    speedUnit: 'Sol/s',
    powerUnit: 'Sol/W',
  };
}
