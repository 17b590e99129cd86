// lolMiner `GET /summary` as 1.16a sends it (core/drivers/lolminer/fixtures.ts, Foreman's capture): "mh/s" rates with
// two decimals, watts with three, "Temp (deg C)" and "Mem Temp (deg C)", the pool as host:port without a scheme,
// Submitted = accepted + rejected.
import { sumOf, withoutScheme, type GpuRigView } from './reading.js';

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** "2020-12-02_17-59-32": lolMiner's Startup_String, in UTC. */
function startupString(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', '_').replaceAll(':', '-');
}

export function lolminerSummary(view: GpuRigView): Record<string, unknown> {
  const nowS = Math.floor(view.nowMs / 1000);
  const uptimeS = Math.floor(view.uptimeS);
  const accepted = sumOf(view.gpus, (gpu) => gpu.accepted);
  const rejected = sumOf(view.gpus, (gpu) => gpu.rejected);
  const pool = view.pools[0];
  return {
    Software: `lolMiner ${view.frontEnd.version}`,
    Mining: { Algorithm: view.frontEnd.algorithm },
    Stratum: {
      Current_Pool: pool ? withoutScheme(pool.url) : '',
      Current_User: pool?.user ?? '',
      Average_Latency: 0.0,
    },
    Session: {
      Startup: nowS - uptimeS,
      Startup_String: startupString((nowS - uptimeS) * 1000),
      Uptime: uptimeS,
      Last_Update: nowS,
      Active_GPUs: view.gpus.length,
      Performance_Summary: round(sumOf(view.gpus, (gpu) => gpu.hashrateHs) / 1e6, 2),
      Performance_Unit: 'mh/s',
      Accepted: accepted,
      Submitted: accepted + rejected,
      TotalPower: sumOf(view.gpus, (gpu) => round(gpu.powerW, 3)),
    },
    GPUs: view.gpus.map((gpu) => ({
      Index: gpu.index,
      Name: view.frontEnd.gpu.name,
      Performance: round(gpu.hashrateHs / 1e6, 2),
      'Consumption (W)': round(gpu.powerW, 3),
      'Fan Speed (%)': gpu.fanPercent,
      'Temp (deg C)': gpu.tempC,
      'Mem Temp (deg C)': gpu.memTempC,
      Session_Accepted: gpu.accepted,
      Session_Submitted: gpu.accepted + gpu.rejected,
      Session_HWErr: gpu.invalid,
      Session_BestShare: 0,
      PCIE_Address: `${gpu.busId}:0`,
    })),
  };
}
