// Real GMiner `GET /stat` replies (values unchanged).
// - 1.34 (Beam on an RX 560): ../shared/PROTOCOLS.md A7, from delawr0190/foreman-apps @ 8f99ba0e,
//   foreman-gminer/src/test/java/mn/foreman/gminer/Gminer_1_34_ITest.java. Note "speedUnit":"Sol/s", a quoted
//   algorithm name, and no top-level hashrate: the GPUs must be added up.
// - An older two-GPU reply without speedUnit/power figures (power_usage 0): the sample kept as a comment at the end of
//   HiveOS minershive/hiveos-linux hive/miners/gminer/h-stats.sh, which reads "speed" as H/s ("hs_units": "hs").

export const GMINER_1_34_STAT = {
  miner: 'GMiner 1.34',
  uptime: 88,
  server: 'stratum+ssl://beam.sparkpool.com:2222',
  user: '100fd5cb7f85d33f74ef78f89e78cd0d5a63fc4965476eea4f77f024a57d99fa55.rig0',
  algorithm: 'Equihash 150,5 "Beam-PoW"',
  electricity: 0.001,
  total_accepted_shares: 0,
  total_rejected_shares: 0,
  devices: [
    {
      gpu_id: 0,
      bus_id: '0000:02:00.0',
      name: 'ASUS Radeon RX 560 Series 4GB',
      speed: 1.2,
      accepted_shares: 0,
      rejected_shares: 0,
      temperature: 54,
      temperature_limit: 90,
      power_usage: 32,
    },
  ],
  speedRatePrecision: 1,
  speedUnit: 'Sol/s',
  powerUnit: 'Sol/W',
};

export const GMINER_HIVEOS_SAMPLE_STAT = {
  uptime: 376,
  server: 'stratum://us-east.equihash-hub.miningpoolhub.com:20595',
  user: 'HaloGenius.RIG-2',
  devices: [
    {
      gpu_id: 0,
      cuda_id: 0,
      bus_id: '0000:01:00.0',
      name: 'COLORFUL GeForce GTX 1050 Ti 4GB',
      speed: 17,
      accepted_shares: 3,
      rejected_shares: 0,
      temperature: 47,
      temperature_limit: 90,
      power_usage: 0,
    },
    {
      gpu_id: 1,
      cuda_id: 1,
      bus_id: '0000:02:00.0',
      name: 'COLORFUL GeForce GTX 1050 Ti 4GB',
      speed: 19,
      accepted_shares: 1,
      rejected_shares: 0,
      temperature: 55,
      temperature_limit: 90,
      power_usage: 0,
    },
  ],
};
