// Real lolMiner `GET /summary` replies (values unchanged; 1.16a cut to two of its four GPUs where a test says so).
// Source: ../shared/PROTOCOLS.md A7, from delawr0190/foreman-apps @ 8f99ba0e,
// foreman-lolminer/src/test/java/mn/foreman/lolminer/Lolminer1_0ITest.java (1.0, ZelHash on a GTX 1050 Ti: unit
// "sol/s", 0 W because lolMiner cannot read that card's power, per-GPU key "Temps (deg C)") and the 1.16a case
// (Ethash on 4× Radeon VII: unit "mh/s", "Temp (deg C)", "Mem Temp (deg C)", "Fan Speed (%)" 0 on every card).

export const LOLMINER_1_0_SUMMARY = {
  Software: 'lolMiner 1.0 a2',
  Mining: { Coin: 'ZEL', Algorithm: 'ZelHash' },
  Stratum: {
    Current_Pool: 'stratum.zel.cash:2001',
    Current_User: 't1cLkQpx3kEJw2TjPnTmCpe4KqLvER8NknA.testWorker',
    Average_Latency: 0.0,
  },
  Session: {
    Startup: 1591527060,
    Startup_String: '2020-06-07_06-51-00',
    Uptime: 10,
    Last_Update: 1591527070,
    Active_GPUs: 1,
    Performance_Summary: 6.7,
    Performance_Unit: 'sol/s',
    Accepted: 0,
    Submitted: 0,
    TotalPower: 0,
  },
  GPUs: [
    {
      Index: 0,
      Name: 'GeForce GTX 1050 Ti',
      Performance: 6.7,
      'Consumption (W)': 0,
      'Fan Speed (%)': 75,
      'Temps (deg C)': 49,
      Session_Accepted: 0,
      Session_Submitted: 0,
      PCIE_Address: '1:0',
    },
  ],
};

function radeonVii(
  index: number,
  performance: number,
  watts: number,
  tempC: number,
  memTempC: number,
  accepted: number,
  pcie: string,
) {
  return {
    Index: index,
    Name: 'AMD Radeon VII',
    Performance: performance,
    'Consumption (W)': watts,
    'Fan Speed (%)': 0,
    'Temp (deg C)': tempC,
    'Mem Temp (deg C)': memTempC,
    Session_Accepted: accepted,
    Session_Submitted: accepted,
    Session_HWErr: 0,
    PCIE_Address: pcie,
  };
}

export const LOLMINER_1_16A_SUMMARY = {
  Software: 'lolMiner 1.16a',
  Mining: { Algorithm: 'Ethash' },
  Stratum: {
    Current_Pool: 'eth.2miners.com:2020',
    Current_User: '0x155da78b788ab54bea1340c10a5422a8ae88142f.lolMinerWorker',
    Average_Latency: 0.0,
  },
  Session: {
    Startup: 1606949972,
    Startup_String: '2020-12-02_17-59-32',
    Uptime: 90,
    Last_Update: 1606950062,
    Active_GPUs: 4,
    Performance_Summary: 302.4,
    Performance_Unit: 'mh/s',
    Accepted: 3,
    Submitted: 3,
    TotalPower: 659.45099999999991,
  },
  GPUs: [
    radeonVii(0, 75.86, 160.631, 47, 58, 0, '3:0'),
    radeonVii(1, 74.51, 163.95599999999999, 65, 76, 0, '16:0'),
    radeonVii(2, 75.34, 158.39599999999999, 50, 64, 1, '19:0'),
    radeonVii(3, 76.69, 176.46799999999999, 54, 66, 2, '22:0'),
  ],
};
