// The Braiins OS+ models the simulator runs, with the strings their firmware puts on the wire.
// Sources for wire strings (details in README.md):
// - devdetails "Model": "Bitmain Antminer S9" (Braiins docs, tgr-braiins/braiins-os-docs Development/1_api.rst);
//   "Bitmain Antminer S19XP" and "Bitmain Antminer S19j Pro" are inferred from pyasic, which strips "Bitmain " and
//   rewrites "S19XP" to "S19 XP" (pyasic/miners/factory.py::get_miner_model_braiins_os).
// - chain IDs 6, 7, 8 on the S9 (every S9 reply in the docs and the foreman capture); 1, 2, 3 elsewhere is pyasic's
//   assumption (its hashboard offset is 6 for IDs 6-8, else 1) and ours.
// - fans: the S9 reports 4 fan slots with 2 fitted (foreman BOSminer+ S9 fans reply); S19s report 4 spinning fans
//   (BOSer fans capture in the BOSMiner-py README). Max rpm from the docs' 100 % fans example (5340/4620 rpm on an S9).
// - temperature limits: Target 89 / Hot 100 / Dangerous 110 °C are BOS's documented defaults (Configuration docs,
//   "Default temperature limits"; tempctrl example). The S19 values are assumptions.
// Physical figures (chips, clocks, voltages, stock hashrate and power) are the makers' headline numbers; the S19 XP's
// clock and board voltage are assumptions (nothing on the wire shows them except devdetails, which we generate).

export const BOS_MODEL_NAMES = ['Antminer S19j Pro', 'Antminer S19 XP', 'Antminer S9'] as const;
export type BosModelName = (typeof BOS_MODEL_NAMES)[number];

export interface BosRigModel {
  name: BosModelName;
  /** devdetails DEVDETAILS[].Model as the firmware spells it. */
  devdetailsModel: string;
  chainIds: readonly number[];
  chipsPerBoard: number;
  /** devdetails "Cores" = chips x this; 114 on the S9 (7182 / 63 in the docs example), assumed elsewhere. */
  coresPerChip: number;
  nominalFrequencyMhz: number;
  minFrequencyMhz: number;
  maxFrequencyMhz: number;
  /** Board supply at nominal clocks (devdetails "Voltage", volts). */
  nominalVoltageV: number;
  nominalHashrateThs: number;
  /** Wall power at stock clocks: also the power target a fresh rig starts with. */
  stockPowerW: number;
  /** What SetPowerTarget accepts; outside it the rig answers INVALID_ARGUMENT (as GetConstraints bounds it). */
  powerTargetW: { min: number; max: number };
  /** Fan slots reported in `fans`, and how many of them have a fan. */
  fanSlots: number;
  fansFitted: number;
  fanMaxRpm: number;
  fanMaxPowerW: number;
  /** Fan duty at stock power and 25 °C ambient, where the calibration puts the board at the target temperature. */
  nominalFanDuty: number;
  /** BOS fan control holds the hottest board (PCB) sensor at this temperature. */
  targetTempC: number;
  hotTempC: number;
  dangerousTempC: number;
  /** PCB sensor = ambient + (chip - ambient) x this (docs S9 temps: chip ~105 °C with board ~84 °C). */
  pcbTempFraction: number;
  /** Above this die temperature hardware errors climb e-fold every 4 °C (S9 chips run hotter by design). */
  chipErrorStartC: number;
}

const S19_COMMON = {
  chainIds: [1, 2, 3],
  fanSlots: 4,
  fansFitted: 4,
  fanMaxRpm: 6000,
  fanMaxPowerW: 30,
  nominalFanDuty: 0.6,
  targetTempC: 70,
  hotTempC: 90,
  dangerousTempC: 100,
  pcbTempFraction: 0.85,
  chipErrorStartC: 90,
} as const;

const CATALOG: Record<BosModelName, BosRigModel> = {
  'Antminer S19j Pro': {
    ...S19_COMMON,
    name: 'Antminer S19j Pro',
    devdetailsModel: 'Bitmain Antminer S19j Pro',
    chipsPerBoard: 126,
    coresPerChip: 1024,
    nominalFrequencyMhz: 525,
    minFrequencyMhz: 250,
    maxFrequencyMhz: 680,
    nominalVoltageV: 13.2,
    nominalHashrateThs: 100,
    stockPowerW: 3050,
    powerTargetW: { min: 1500, max: 3600 },
  },
  'Antminer S19 XP': {
    ...S19_COMMON,
    name: 'Antminer S19 XP',
    devdetailsModel: 'Bitmain Antminer S19XP',
    chipsPerBoard: 110,
    coresPerChip: 1024,
    nominalFrequencyMhz: 500,
    minFrequencyMhz: 250,
    maxFrequencyMhz: 650,
    nominalVoltageV: 13.5,
    nominalHashrateThs: 140,
    stockPowerW: 3010,
    powerTargetW: { min: 1600, max: 3600 },
  },
  'Antminer S9': {
    name: 'Antminer S9',
    devdetailsModel: 'Bitmain Antminer S9',
    chainIds: [6, 7, 8],
    chipsPerBoard: 63,
    coresPerChip: 114,
    nominalFrequencyMhz: 650,
    minFrequencyMhz: 300,
    maxFrequencyMhz: 900,
    nominalVoltageV: 8.8,
    nominalHashrateThs: 13.5,
    stockPowerW: 1320,
    powerTargetW: { min: 800, max: 1600 },
    fanSlots: 4,
    fansFitted: 2,
    fanMaxRpm: 5000,
    fanMaxPowerW: 20,
    nominalFanDuty: 0.7,
    targetTempC: 89,
    hotTempC: 100,
    dangerousTempC: 110,
    pcbTempFraction: 0.75,
    chipErrorStartC: 110,
  },
};

export const BOS_MODEL_CATALOG: Readonly<Record<BosModelName, Readonly<BosRigModel>>> = Object.freeze(CATALOG);

export function isBosModelName(value: string): value is BosModelName {
  return (BOS_MODEL_NAMES as readonly string[]).includes(value);
}

/** Which firmware a virtual rig runs: BOSer (BOS+ 23.03+, gRPC API) or the older BOSminer+ (no gRPC). */
export type BosFirmware = 'boser' | 'bosminer-plus';

/** The software name and version in `version` and every STATUS Description, copied from real replies. */
export const FIRMWARE_STRINGS: Readonly<Record<BosFirmware, { key: string; version: string }>> = {
  // BOSMiner-py README capture (2023); the hash 0ce150e9 is BOS+ 23.03 in the bos-plus-api README.
  boser: { key: 'BOSer', version: 'boser-buildroot 0.1.0-0ce150e9' },
  // foreman AntminerStatsITest "Antminer S9 (bOS+)" (PROTOCOLS.md A3).
  'bosminer-plus': { key: 'BOSminer+', version: '0.2.0-36c56a9363' },
};

/** STATUS "Description": "BOSer boser-buildroot 0.1.0-0ce150e9", "BOSminer+ 0.2.0-36c56a9363". */
export function firmwareDescription(firmware: BosFirmware): string {
  const strings = FIRMWARE_STRINGS[firmware];
  return `${strings.key} ${strings.version}`;
}
