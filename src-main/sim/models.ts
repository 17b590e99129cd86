// The model catalog: what each simulated rig is built from. Nominal figures are the vendor's headline numbers; the
// firmware identity strings are copied from real replies (sources in README.md) so identification code sees what it
// would see on a real rig.

export const MODEL_NAMES = [
  'Antminer S19 Pro',
  'Antminer S19j Pro',
  'Antminer T19',
  'Antminer S17 Pro',
  'Antminer S9',
] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/**
 * Which real reply layout a model follows. 's19': BMMiner 1.0.0 on S19-era control boards (4 chain slots, "total rate"
 * with a space, "Pool Stale%%"). 's17': 16 chain slots, rates as strings, "total_rate". 's9': bmminer 2.x, chains
 * reported in slots 6..8, fans in slots 5..6.
 */
export type ReplyLayout = 's19' | 's17' | 's9';

export interface FirmwareIdentity {
  /** VERSION[0] and STATS[0] "BMMiner". */
  bmminer: string;
  api: string;
  /** VERSION[0] "Miner" and STATS[1] "miner_version". */
  miner: string;
  compileTime: string;
  /** STATUS[0] "Description" of every reply. */
  description: string;
  /** "CGMiner" or "BMMiner": the prefix of STATUS Msg in version/stats/config replies. */
  msgPrefix: string;
  /** STATS[1] "ID": the driver name plus device id. */
  statsId: string;
  /** DEVS[0] "Name". */
  deviceName: string;
  /** Some firmwares send a constant instead of a per-unit id (S19j Pro capture: "no miner id now"). */
  fixedMinerId?: string;
}

export interface RigModel {
  name: ModelName;
  layout: ReplyLayout;
  firmware: FirmwareIdentity;
  boards: number;
  chipsPerBoard: number;
  /** chain_acs strings group chip flags in blocks ("ooo ooo" on S19, "oooooooo" on S17/S9). */
  acsGroupSize: number;
  nominalFrequencyMhz: number;
  /** Hashboard supply voltage, the unit of Antminer's "bitmain-voltage" (1400 = 14.00 V). */
  nominalVoltageV: number;
  nominalHashrateThs: number;
  nominalPowerW: number;
  minFrequencyMhz: number;
  maxFrequencyMhz: number;
  minVoltageV: number;
  maxVoltageV: number;
  fans: number;
  fanMaxRpm: number;
  /** Power of one fan at full speed; fan power goes with the cube of speed. */
  fanMaxPowerW: number;
  /** Where the stock fan controller settles at 25 °C ambient and nominal clocks. */
  nominalFanDuty: number;
  nominalChipTempC: number;
  /** PCB sensor sits between ambient and chip: pcb = ambient + (chip - ambient) * fraction (from real captures). */
  pcbTempFraction: number;
}

const S19_FAMILY = {
  layout: 's19',
  acsGroupSize: 3,
  fans: 4,
  fanMaxRpm: 6000,
  fanMaxPowerW: 30,
  nominalFanDuty: 0.85,
  nominalChipTempC: 76,
  pcbTempFraction: 0.9,
} as const;

const CATALOG: Record<ModelName, RigModel> = {
  'Antminer S19 Pro': {
    ...S19_FAMILY,
    name: 'Antminer S19 Pro',
    // Source: foreman AntminerStatsITest "Antminer S19 (really cold)" version/stats replies (PROTOCOLS.md A1).
    firmware: {
      bmminer: '1.0.0',
      api: '3.1',
      miner: '49.0.1.3',
      compileTime: 'Wed Oct 21 10:18:10 CST 2020',
      description: 'cgminer 1.0.0',
      msgPrefix: 'CGMiner',
      statsId: 'BTM_SOC0',
      deviceName: 'BTM_SOC',
    },
    boards: 3,
    chipsPerBoard: 114,
    nominalFrequencyMhz: 525,
    nominalVoltageV: 13.6,
    nominalHashrateThs: 110,
    nominalPowerW: 3250,
    minFrequencyMhz: 300,
    maxFrequencyMhz: 700,
    minVoltageV: 12,
    maxVoltageV: 15,
  },
  'Antminer S19j Pro': {
    ...S19_FAMILY,
    name: 'Antminer S19j Pro',
    // Source: a real S19j Pro text-API capture (egrzesiak S19Monitoring CgminerAPI.java), see README.md.
    firmware: {
      bmminer: '1.0.0',
      api: '3.1',
      miner: 'uart_trans.1.3',
      compileTime: 'Wed Aug 25 17:40:50 CST 2021',
      description: 'cgminer 1.0.0',
      msgPrefix: 'CGMiner',
      statsId: 'BTM_SOC0',
      deviceName: 'BTM_SOC',
      fixedMinerId: 'no miner id now',
    },
    boards: 3,
    chipsPerBoard: 126,
    nominalFrequencyMhz: 525,
    nominalVoltageV: 13.2,
    nominalHashrateThs: 100,
    nominalPowerW: 3050,
    minFrequencyMhz: 300,
    maxFrequencyMhz: 680,
    minVoltageV: 11.8,
    maxVoltageV: 14.6,
  },
  'Antminer T19': {
    ...S19_FAMILY,
    name: 'Antminer T19',
    // No T19 capture was available: S19-era firmware strings are assumed (README.md, "unverified").
    acsGroupSize: 4,
    firmware: {
      bmminer: '1.0.0',
      api: '3.1',
      miner: '49.0.1.3',
      compileTime: 'Fri Dec 11 11:15:40 CST 2020',
      description: 'cgminer 1.0.0',
      msgPrefix: 'CGMiner',
      statsId: 'BTM_SOC0',
      deviceName: 'BTM_SOC',
    },
    boards: 3,
    chipsPerBoard: 76,
    nominalFrequencyMhz: 600,
    nominalVoltageV: 14,
    nominalHashrateThs: 84,
    nominalPowerW: 3150,
    minFrequencyMhz: 350,
    maxFrequencyMhz: 750,
    minVoltageV: 12.4,
    maxVoltageV: 15.4,
  },
  'Antminer S17 Pro': {
    name: 'Antminer S17 Pro',
    layout: 's17',
    // Source: foreman AntminerStatsITest "Antminer S17" stats/pools replies (PROTOCOLS.md A1).
    firmware: {
      bmminer: '1.0.0',
      api: '3.1',
      miner: '19.10.1.3',
      compileTime: 'Tue Aug 20 10:37:07 CST 2019',
      description: 'cgminer 1.0.0',
      msgPrefix: 'CGMiner',
      statsId: 'BTM_SOC0',
      deviceName: 'BTM_SOC',
    },
    boards: 3,
    chipsPerBoard: 48,
    acsGroupSize: 8,
    nominalFrequencyMhz: 565,
    nominalVoltageV: 18.5,
    nominalHashrateThs: 53,
    nominalPowerW: 2100,
    minFrequencyMhz: 300,
    maxFrequencyMhz: 750,
    minVoltageV: 16.5,
    maxVoltageV: 20.5,
    fans: 4,
    fanMaxRpm: 6000,
    fanMaxPowerW: 25,
    nominalFanDuty: 0.5,
    nominalChipTempC: 78,
    pcbTempFraction: 0.45,
  },
  'Antminer S9': {
    name: 'Antminer S9',
    layout: 's9',
    // Source: foreman AntminerStatsITest S9 version reply; stats layout from an S9 bmminer stats capture in the same
    // test suite (asicseer build, its extra fields left out). See README.md.
    firmware: {
      bmminer: '2.0.0',
      api: '3.1',
      miner: '16.8.1.3',
      compileTime: 'Fri Nov 17 17:37:49 CST 2017',
      description: 'bmminer 1.0.0',
      msgPrefix: 'BMMiner',
      statsId: 'BC50',
      deviceName: 'BC5',
    },
    boards: 3,
    chipsPerBoard: 63,
    acsGroupSize: 8,
    nominalFrequencyMhz: 650,
    nominalVoltageV: 8.8,
    nominalHashrateThs: 13.5,
    nominalPowerW: 1320,
    minFrequencyMhz: 400,
    maxFrequencyMhz: 800,
    minVoltageV: 8,
    maxVoltageV: 9.6,
    fans: 2,
    fanMaxRpm: 6000,
    fanMaxPowerW: 20,
    nominalFanDuty: 0.6,
    nominalChipTempC: 80,
    pcbTempFraction: 0.5,
  },
};

/** Frozen, so a test that pokes at a model cannot change it for every other rig in the process. */
export const MODEL_CATALOG: Readonly<Record<ModelName, Readonly<RigModel>>> = Object.freeze(
  Object.fromEntries(
    MODEL_NAMES.map((name) => [
      name,
      Object.freeze({ ...CATALOG[name], firmware: Object.freeze({ ...CATALOG[name].firmware }) }),
    ]),
  ) as Record<ModelName, RigModel>,
);

export function isModelName(value: string): value is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(value);
}

export function modelByName(name: ModelName): RigModel {
  return MODEL_CATALOG[name];
}

/** "s19pro", "S19 Pro", "antminer s19 pro" → "Antminer S19 Pro": what the CLI accepts for --models. */
export function findModel(loose: string): ModelName | null {
  const squash = (s: string): string => s.toLowerCase().replace(/antminer|[^a-z0-9]/g, '');
  const wanted = squash(loose);
  return MODEL_NAMES.find((name) => squash(name) === wanted) ?? null;
}
