// The Whatsminer models the simulator builds. Identity strings and the figures marked "capture" are copied from real
// replies (driver fixtures, sources in README.md); headline hashrate and power are MicroBT's published figures; the
// rest (clock ranges, fan maximum, where not captured) are plausible values chosen here, flagged in README.md.

export const WHATSMINER_MODEL_NAMES = ['M20S', 'M30S', 'M30S+', 'M50'] as const;
export type WhatsminerModelName = (typeof WHATSMINER_MODEL_NAMES)[number];

/**
 * Which firmware generation's reply layout a model serves. 'v2020': cgminer 4.9.2 envelope, pools numbered from 0
 * (M20S capture, firmware 20200917). 'v2021': "btminer" envelope, pools from 1, extra summary fields such as
 * "HS RT", "Power Rate" and the PSU input figures (M30S+ capture, firmware 20210109).
 */
export type WhatsminerLayout = 'v2020' | 'v2021';

export interface WhatsminerFirmware {
  /** summary "Firmware Version" (sent with the firmware's \' quirk) and get_version Msg.fw_ver. */
  version: string;
  /** get_version Msg.api_ver. */
  apiVersion: string;
  /** summary "CB Platform" / "CB Version" and get_version Msg.platform. */
  cbPlatform: string;
  cbVersion: string;
  platform: string;
  /** summary / devs "Chip Data" and get_version Msg.chip. */
  chipData: string;
}

export interface WhatsminerModel {
  name: WhatsminerModelName;
  /** devdetails Model, as the firmware writes it. */
  devdetailsModel: string;
  /** What the driver must report as RigIdentity.model (pyasic's normalisation, see the driver's models.ts). */
  displayName: string;
  layout: WhatsminerLayout;
  firmware: WhatsminerFirmware;
  boards: number;
  chipsPerBoard: number;
  nominalFrequencyMhz: number;
  minFrequencyMhz: number;
  nominalHashrateThs: number;
  /** Wall power at nominal clocks, 25 °C ambient. */
  nominalPowerW: number;
  /** summary "Power Limit" out of the box. */
  defaultPowerLimitW: number;
  /** The highest limit adjust_power_limit accepts: "the ordinary power of the machine" (API 2.0.5). */
  maxPowerLimitW: number;
  /** summary "Voltage" (no documented unit; the captures show 1300 and 1288). */
  supplyVoltage: number;
  /** Chip temperatures at nominal power, 25 °C ambient: the average, and how far the hottest chip sits above it. */
  nominalChipAvgC: number;
  chipMaxAboveAvgC: number;
  /** Board sensor between ambient and chips: board = ambient + (chipAvg - ambient) * fraction. */
  boardTempFraction: number;
  fanMaxRpm: number;
  nominalFanDuty: number;
  /** PSU fan speed ("Power Fanspeed"). */
  psuFanRpm: number;
  psuName: string;
}

/** Limit ceiling as the driver computes it: headline power + 7 %, rounded up to 100 W. */
function ceilingW(nominalPowerW: number): number {
  return Math.ceil((nominalPowerW * 1.07) / 100) * 100;
}

const CATALOG: Record<WhatsminerModelName, WhatsminerModel> = {
  M20S: {
    name: 'M20S',
    devdetailsModel: 'M20S_V20',
    displayName: 'Whatsminer M20S V20',
    layout: 'v2020',
    // Capture: foreman WhatsminerChangePoolsITest "Old firmware" summary/devs.
    firmware: {
      version: '20200917.22.REL',
      apiVersion: '2.0.5',
      cbPlatform: 'ALLWINNER_H3',
      cbVersion: 'V10',
      platform: 'H3',
      chipData: 'HP3D04-20010214 C BINV04-192104B',
    },
    boards: 3,
    chipsPerBoard: 111,
    nominalFrequencyMhz: 622,
    minFrequencyMhz: 250,
    nominalHashrateThs: 68,
    nominalPowerW: 3360,
    defaultPowerLimitW: 3500,
    maxPowerLimitW: ceilingW(3360),
    supplyVoltage: 1300,
    nominalChipAvgC: 79,
    chipMaxAboveAvgC: 8,
    boardTempFraction: 0.83,
    fanMaxRpm: 6600,
    nominalFanDuty: 0.75,
    psuFanRpm: 8880,
    psuName: 'P21',
  },
  M30S: {
    name: 'M30S',
    devdetailsModel: 'M30S_V10',
    displayName: 'Whatsminer M30S V10',
    layout: 'v2020',
    // Firmware string seen on an M31S in a public capture-notes file; chip data borrowed from the M20S capture.
    firmware: {
      version: '20200725.18.REL',
      apiVersion: '2.0.5',
      cbPlatform: 'ALLWINNER_H3',
      cbVersion: 'V10',
      platform: 'H3',
      chipData: 'HP3D04-20010214 C BINV04-192104B',
    },
    boards: 3,
    chipsPerBoard: 148,
    nominalFrequencyMhz: 540,
    minFrequencyMhz: 220,
    nominalHashrateThs: 88,
    nominalPowerW: 3344,
    defaultPowerLimitW: 3500,
    maxPowerLimitW: ceilingW(3344),
    supplyVoltage: 1290,
    nominalChipAvgC: 80,
    chipMaxAboveAvgC: 9,
    boardTempFraction: 0.85,
    fanMaxRpm: 6600,
    nominalFanDuty: 0.7,
    psuFanRpm: 8820,
    psuName: 'P21',
  },
  'M30S+': {
    name: 'M30S+',
    devdetailsModel: 'M30S+_V10',
    displayName: 'Whatsminer M30S+ V10',
    layout: 'v2021',
    // Capture: foreman WhatsminerChangePoolsITest "New firmware" pools+summary+edevs.
    firmware: {
      version: '20210109.22.REL',
      apiVersion: '2.0.5',
      cbPlatform: 'ALLWINNER_H6',
      cbVersion: 'V2',
      platform: 'H6',
      chipData: 'HP2A02-20021812 BINV02-193002B',
    },
    boards: 3,
    chipsPerBoard: 215,
    nominalFrequencyMhz: 437,
    minFrequencyMhz: 180,
    nominalHashrateThs: 100,
    nominalPowerW: 3400,
    defaultPowerLimitW: 3600,
    maxPowerLimitW: ceilingW(3400),
    supplyVoltage: 1288,
    nominalChipAvgC: 82,
    chipMaxAboveAvgC: 12,
    boardTempFraction: 0.95,
    fanMaxRpm: 6000,
    nominalFanDuty: 0.65,
    psuFanRpm: 8784,
    psuName: 'P221',
  },
  M50: {
    name: 'M50',
    devdetailsModel: 'M50_VH50',
    displayName: 'Whatsminer M50 VH50',
    layout: 'v2021',
    // Firmware and platform strings from the MiningOS Whatsminer mock (tetherto/miningos-wrk-miner-whatsminer).
    firmware: {
      version: '20230714.15.Rel',
      apiVersion: '2.0.5',
      cbPlatform: 'H616',
      cbVersion: 'V10',
      platform: 'H616',
      chipData: 'H36K07-22110702 BINV02-196804B',
    },
    boards: 3,
    chipsPerBoard: 105,
    nominalFrequencyMhz: 560,
    minFrequencyMhz: 220,
    nominalHashrateThs: 114,
    nominalPowerW: 3306,
    defaultPowerLimitW: 3500,
    maxPowerLimitW: ceilingW(3306),
    supplyVoltage: 1260,
    nominalChipAvgC: 78,
    chipMaxAboveAvgC: 10,
    boardTempFraction: 0.88,
    fanMaxRpm: 6800,
    nominalFanDuty: 0.68,
    psuFanRpm: 8640,
    psuName: 'P222',
  },
};

export function whatsminerModel(name: WhatsminerModelName): WhatsminerModel {
  return CATALOG[name];
}

export function isWhatsminerModelName(value: string): value is WhatsminerModelName {
  return (WHATSMINER_MODEL_NAMES as readonly string[]).includes(value);
}
