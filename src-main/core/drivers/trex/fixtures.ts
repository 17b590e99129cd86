// Real T-Rex replies, trimmed to the fields the driver reads or that show a quirk (values unchanged).
// - 0.9.1 `GET /summary` (API 3.0, 1 GPU): ../shared/PROTOCOLS.md A7, from delawr0190/foreman-apps @ 8f99ba0e,
//   foreman-trex/src/test/java/mn/foreman/trex/Api3_0TrexITest.java.
// - 0.19.5 `GET /summary` (API 3.3, RTX 3080, per-GPU power and fan_speed, a NUL inside "uuid", pool difficulty as a
//   string "4.00 Gh"): dennisstritzke/trex_exporter @ 08a6c70d, trex-api-responses/summary-api_3-3.json.
// - 0.24.6 `GET /summary` (API 4.1, laptop RTX 3060: "paused" at the top and per GPU, "cclock"/"mclock", per-GPU
//   "shares", no fan_speed): a sample reply kept as a comment in GolemUI/Miners/TRex/TRexDetails.cs (Golem's GPU
//   miner UI; the index gave the file without its repository name).
// - `GET /login?password=` success: the T-Rex wiki API page (trexminer/T-Rex/wiki/API, "login" handler).
// - The refusal of a control request with a bad sid: trexminer/T-Rex issue #1189 ("{"error":"unauthorized
//   request","success":0}").

export const TREX_0_9_1_SUMMARY = {
  accepted_count: 1,
  active_pool: {
    difficulty: 16,
    ping: 347,
    retries: 0,
    url: 'stratum+tcp://pool.minermore.com:4501',
    user: '1MKrTujwHxda6knL8hHrPMi7Git4upX56E',
  },
  algorithm: 'x16r',
  api: '3.0',
  cuda: '9.20',
  description: 'T-Rex NVIDIA GPU miner',
  difficulty: 51151.705016436,
  gpu_total: 1,
  gpus: [
    {
      device_id: 0,
      gpu_id: 0,
      hashrate: 7748158,
      hashrate_day: 0,
      hashrate_hour: 0,
      hashrate_instant: 9208880,
      hashrate_minute: 7748158,
      intensity: 20,
      name: 'GeForce GTX 1050 Ti',
      temperature: 68,
      vendor: 'NVIDIA',
    },
  ],
  hashrate: 7748158,
  hashrate_day: 0,
  hashrate_hour: 0,
  hashrate_minute: 7748158,
  name: 't-rex',
  os: 'win',
  rejected_count: 0,
  solved_count: 0,
  success: 1,
  ts: 1547424889,
  uptime: 56,
  version: '0.9.1',
};

export const TREX_0_19_5_SUMMARY = {
  accepted_count: 2,
  active_pool: {
    difficulty: '4.00 Gh',
    ping: 19,
    retries: 0,
    url: 'stratum+ssl://eu1.ethermine.org:5555',
    user: '0x0000000000000000000000000000000000000000',
  },
  algorithm: 'ethash',
  api: '3.3',
  build_date: 'Dec 21 2020 14:40:48',
  cuda: '11.10',
  description: 'T-Rex NVIDIA GPU miner',
  driver: '460.32.03',
  gpu_total: 1,
  gpus: [
    {
      device_id: 0,
      efficiency: '390kH/W',
      fan_speed: 54,
      gpu_id: 0,
      gpu_user_id: 0,
      hashrate: 91189394,
      hashrate_day: 0,
      hashrate_hour: 0,
      hashrate_instant: 95948880,
      hashrate_minute: 91189394,
      intensity: 22.0,
      low_load: false,
      name: 'RTX 3080',
      power: 237,
      power_avr: 234,
      temperature: 65,
      uuid: '01c83c6fc061af847cd84920f291a37a\u0000',
      vendor: 'EVGA',
    },
  ],
  hashrate: 91189394,
  hashrate_day: 0,
  hashrate_hour: 0,
  hashrate_minute: 91189394,
  name: 't-rex',
  os: 'linux',
  rejected_count: 3,
  solved_count: 4,
  stat_by_gpu: [{ accepted_count: 2, rejected_count: 0, solved_count: 0 }],
  success: 1,
  ts: 1612092538,
  uptime: 76,
  version: '0.19.5',
};

export const TREX_0_24_6_SUMMARY = {
  accepted_count: 0,
  active_pool: {
    difficulty: '4.00 G',
    last_submit_ts: 0,
    ping: 0,
    proxy: '',
    retries: 0,
    url: 'n1.mining-proxy.imapp.pl:8069',
    user: '0xd593411f3e6e79995e787b5f81d10e12fa6ecf04',
    worker: 'benchmark:0x0/:0xd593411f3e6e79995e787b5f81d10e12fa6ecf04/0',
  },
  algorithm: 'ethash',
  api: '4.1',
  description: 'T-Rex NVIDIA GPU miner',
  driver: '471.11',
  gpu_total: 1,
  gpus: [
    {
      cclock: 1765,
      device_id: 0,
      gpu_id: 0,
      gpu_user_id: 0,
      hashrate: 0,
      hashrate_minute: 0,
      intensity: 18.0,
      mclock: 6994,
      name: 'RTX 3060 Laptop GPU',
      paused: false,
      pci_bus: 1,
      power: 89,
      power_avr: 58,
      shares: {
        accepted_count: 0,
        invalid_count: 0,
        rejected_count: 0,
        solved_count: 0,
      },
      temperature: 63,
      vendor: 'ASUS',
    },
  ],
  hashrate: 0,
  hashrate_minute: 0,
  invalid_count: 0,
  name: 't-rex',
  os: 'win',
  paused: false,
  rejected_count: 0,
  success: 1,
  uptime: 9,
  version: '0.24.6',
};

export const TREX_LOGIN_OK = { sid: 'hj2DGIIYQ6rWcEbtscEU0ooGQvj3101L', success: 1 };

export const TREX_UNAUTHORIZED = { error: 'unauthorized request', success: 0 };
