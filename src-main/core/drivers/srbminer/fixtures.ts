// Real SRBMiner-Multi `GET /` replies (values unchanged).
// - 0.5.6, CPU only (verushash): ../shared/PROTOCOLS.md A7, from delawr0190/foreman-apps @ 8f99ba0e,
//   foreman-srbminer/src/test/java/mn/foreman/srbminer/SrbminerMultiCpuITest.java. The "algorithms" layout that
//   every 0.4.8+ release uses (HiveOS srbminer/h-stats.sh switches on miner_version > 0.4.7).
// - 0.1.8, one Vega on kadena: foreman-apps @ 70efffd2, foreman-srbminer/src/test/java/mn/foreman/srbminer/
//   SrbminerMultiITest.java. The older flat layout: "hashrate_total_now", "gpu_hashrate":[{"GPU0":...}], and the
//   per-GPU fields the 0.4.8+ "gpu_devices" entries keep (Foreman's multi/Response.java reads the same names).
//   Quirk kept: six GPU rates but one gpu_devices entry.

export const SRBMINER_0_5_6_CPU = {
  rig_name: 'SRBMiner-Multi-Rig',
  miner_version: '0.5.6',
  mining_time: 1368,
  total_cpu_workers: 1,
  total_gpu_workers: 0,
  total_workers: 1,
  cpu_devices: [
    {
      id: 0,
      device: 'cpu0',
      model: 'Intel Core Processor (Haswell, no TSX, IBRS)',
      L3: 16777216,
      L2: 4194304,
      L1: 32768,
    },
  ],
  gpu_devices: [],
  algorithms: [
    {
      id: 0,
      name: 'verushash',
      pool: {
        pool: 'verus.alphatechit.co.uk:9997',
        time_connected: '2020-11-23 08:47:31',
        uptime: 1366,
        difficulty: 0.0,
        last_job_received: 45,
        latency: 88,
      },
      shares: { total: 15, accepted: 15, rejected: 0, avg_find_time: 91 },
      hashrate: {
        now: 206111.5149227829,
        '1min': 197190.38067646,
        '5min': 198834.8169509847,
        '30min': 0.0,
        max: 222583.5616438356,
        cpu: { thread0: 206111.5149227829, total: 206111.5149227829 },
        gpu: { total: 0.0 },
      },
    },
  ],
};

export const SRBMINER_0_1_8_GPU = {
  rig_name: 'SRBMiner-Multi-Rig',
  algorithm: 'kadena',
  miner_version: '0.1.8',
  driver_version: '26.20.13025.10004',
  mining_time: 18359,
  gpu_threads: 6,
  total_threads: 6,
  hashrate_total_now: 6290860755.620301,
  hashrate_total_1min: 6285763733.150456,
  hashrate_total_5min: 6285510817.402596,
  hashrate_total_30min: 6285116014.409216,
  hashrate_total_max: 6298711252.984357,
  gpu_devices: [
    {
      device: 'GPU0',
      device_id: 0,
      model: 'radeon_rx_vega',
      bus_id: 3,
      core_clock: 1408,
      memory_clock: 500,
      temperature: 55,
      fan_speed_rpm: 3239,
      compute_errors: 0,
    },
  ],
  gpu_hashrate: [
    {
      GPU0: 1052373939.1692787,
      GPU1: 1052535911.4670709,
      GPU2: 1038264624.0793476,
      GPU3: 1053226731.9473168,
      GPU4: 1046890553.2711909,
      GPU5: 1042258405.1337745,
      total: 6285550165.06798,
    },
  ],
  shares: { total: 2190, accepted: 2171, rejected: 19, avg_find_time: 7 },
  pool: {
    pool: 'kda-us.icemining.ca:3700',
    difficulty: 11.641354547,
    time_connected: '2019-12-03 19:10:34',
    uptime: 18345,
    latency: 258,
    last_job_received: 1,
  },
};
