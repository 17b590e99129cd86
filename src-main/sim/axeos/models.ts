// The AxeOS rigs the simulator can be, with the figures their replies and physics start from. Option lists, defaults,
// board versions and small-core counts are ESP-Miner's own (bitaxeorg/ESP-Miner main/device_config.h); the NerdQAxe++
// is 4 x BM1370 on 12 V (shufps/ESP-Miner-NerdQAxePlus). Hashrates and power are typical published figures at stock
// settings, rounded: they set the scale, the silicon lottery spreads units around them.

export type AxeFlavour = 'esp-miner' | 'nerdqaxe';
export type AxeModelName = 'Bitaxe Gamma' | 'Bitaxe Supra' | 'Bitaxe Ultra' | 'NerdQAxe++';

export interface AxeModel {
  name: AxeModelName;
  /** What the AxeOS driver reports as RigIdentity.model. */
  identityModel: string;
  flavour: AxeFlavour;
  asicModel: string;
  asicCount: number;
  /** ESP-Miner board version ("boardVersion"); NerdQAxe names itself by deviceModel instead. */
  boardVersion: string | null;
  deviceModel: string;
  swarmColor: string;
  smallCoreCount: number;
  nominalFrequencyMhz: number;
  nominalVoltageMv: number;
  nominalHashrateGhs: number;
  /** Board input power at stock settings, as the power monitor reads it. */
  nominalPowerW: number;
  inputVoltageMv: number;
  /** "maxPower" / "nominalVoltage" fields (W, V). */
  maxPowerW: number;
  nominalInputV: number;
  frequencyOptionsMhz: readonly number[];
  voltageOptionsMv: readonly number[];
  firmwareVersion: string;
  fanMaxRpm: number;
}

const BM1370_FREQUENCIES = [400, 490, 525, 550, 600, 625];
const BM1370_VOLTAGES = [1000, 1060, 1100, 1150, 1200, 1250];

export const AXE_MODELS: Readonly<Record<AxeModelName, AxeModel>> = {
  'Bitaxe Gamma': {
    name: 'Bitaxe Gamma',
    identityModel: 'Bitaxe Gamma (BM1370)',
    flavour: 'esp-miner',
    asicModel: 'BM1370',
    asicCount: 1,
    boardVersion: '601',
    deviceModel: 'Gamma',
    swarmColor: 'green',
    smallCoreCount: 2040,
    nominalFrequencyMhz: 525,
    nominalVoltageMv: 1150,
    nominalHashrateGhs: 1200,
    nominalPowerW: 18,
    inputVoltageMv: 5100,
    maxPowerW: 40,
    nominalInputV: 5,
    frequencyOptionsMhz: BM1370_FREQUENCIES,
    voltageOptionsMv: BM1370_VOLTAGES,
    firmwareVersion: 'v2.6.0',
    fanMaxRpm: 7000,
  },
  'Bitaxe Supra': {
    name: 'Bitaxe Supra',
    identityModel: 'Bitaxe Supra (BM1368)',
    flavour: 'esp-miner',
    asicModel: 'BM1368',
    asicCount: 1,
    boardVersion: '401',
    deviceModel: 'Supra',
    swarmColor: 'blue',
    smallCoreCount: 1276,
    nominalFrequencyMhz: 490,
    nominalVoltageMv: 1166,
    nominalHashrateGhs: 650,
    nominalPowerW: 14,
    inputVoltageMv: 5100,
    maxPowerW: 40,
    nominalInputV: 5,
    frequencyOptionsMhz: [400, 425, 450, 475, 485, 490, 500, 525, 550, 575],
    voltageOptionsMv: [1100, 1150, 1166, 1200, 1250, 1300],
    firmwareVersion: 'v2.6.0',
    fanMaxRpm: 7000,
  },
  'Bitaxe Ultra': {
    name: 'Bitaxe Ultra',
    identityModel: 'Bitaxe Ultra (BM1366)',
    flavour: 'esp-miner',
    asicModel: 'BM1366',
    asicCount: 1,
    boardVersion: '204',
    deviceModel: 'Ultra',
    swarmColor: 'purple',
    smallCoreCount: 894,
    nominalFrequencyMhz: 485,
    nominalVoltageMv: 1200,
    nominalHashrateGhs: 500,
    nominalPowerW: 12,
    inputVoltageMv: 5100,
    maxPowerW: 25,
    nominalInputV: 5,
    frequencyOptionsMhz: [400, 425, 450, 475, 485, 500, 525, 550, 575],
    voltageOptionsMv: [1100, 1150, 1200, 1250, 1300],
    firmwareVersion: 'v2.6.0',
    fanMaxRpm: 7000,
  },
  'NerdQAxe++': {
    name: 'NerdQAxe++',
    identityModel: 'NerdQAxe++ (BM1370)',
    flavour: 'nerdqaxe',
    asicModel: 'BM1370',
    asicCount: 4,
    boardVersion: null,
    deviceModel: 'NerdQAxe++',
    swarmColor: 'green',
    smallCoreCount: 2040,
    nominalFrequencyMhz: 600,
    nominalVoltageMv: 1150,
    nominalHashrateGhs: 4800,
    nominalPowerW: 76,
    inputVoltageMv: 12_050,
    maxPowerW: 100,
    nominalInputV: 12,
    frequencyOptionsMhz: BM1370_FREQUENCIES,
    voltageOptionsMv: BM1370_VOLTAGES,
    firmwareVersion: 'v1.0.31',
    fanMaxRpm: 5000,
  },
};

export const AXE_MODEL_NAMES = Object.keys(AXE_MODELS) as AxeModelName[];
