// Which Bitaxe a board is, and what its ASIC can be set to, as ESP-Miner itself knows it.
// Sources: bitaxeorg/ESP-Miner main/device_config.h (board version -> family, and per ASIC the frequency and core
// voltage option lists and defaults that GET /api/system/asic serves); main/http_server/openapi.yaml (the
// /api/system/asic schema). NerdQAxe names: shufps/ESP-Miner-NerdQAxePlus (deviceModel "NerdQAxe++", 4 x BM1370).

export interface Range {
  min: number;
  max: number;
}

export interface AsicSpec {
  frequencyOptionsMhz: readonly number[];
  voltageOptionsMv: readonly number[];
  defaultFrequencyMhz: number;
  defaultVoltageMv: number;
}

/** device_config.h: BMxxxx_FREQUENCY_OPTIONS / BMxxxx_VOLTAGE_OPTIONS and each ASIC's defaults. */
export const ASIC_SPECS: Readonly<Record<string, AsicSpec>> = {
  BM1397: {
    frequencyOptionsMhz: [400, 425, 450, 475, 485, 500, 525, 550, 575, 600],
    voltageOptionsMv: [1100, 1150, 1200, 1250, 1300, 1350, 1400, 1450, 1500],
    defaultFrequencyMhz: 425,
    defaultVoltageMv: 1400,
  },
  BM1366: {
    frequencyOptionsMhz: [400, 425, 450, 475, 485, 500, 525, 550, 575],
    voltageOptionsMv: [1100, 1150, 1200, 1250, 1300],
    defaultFrequencyMhz: 485,
    defaultVoltageMv: 1200,
  },
  BM1368: {
    frequencyOptionsMhz: [400, 425, 450, 475, 485, 490, 500, 525, 550, 575],
    voltageOptionsMv: [1100, 1150, 1166, 1200, 1250, 1300],
    defaultFrequencyMhz: 490,
    defaultVoltageMv: 1166,
  },
  BM1370: {
    frequencyOptionsMhz: [400, 490, 525, 550, 600, 625],
    voltageOptionsMv: [1000, 1060, 1100, 1150, 1200, 1250],
    defaultFrequencyMhz: 525,
    defaultVoltageMv: 1150,
  },
};

/** The Gamma Duo runs its two BM1370s from a lower list (device_config.h ASIC_BM1370XP). */
const GAMMA_DUO_SPEC: AsicSpec = {
  ...(ASIC_SPECS['BM1370'] as AsicSpec),
  frequencyOptionsMhz: [350, 375, 380, 400, 410],
  defaultFrequencyMhz: 400,
};

/** device_config.h default_configs: the board version AxeOS reports as "boardVersion", to the Bitaxe family. */
const BOARD_FAMILIES: Readonly<Record<string, string>> = {
  '2.2': 'Max',
  '102': 'Max',
  '0.11': 'Ultra',
  '201': 'Ultra',
  '202': 'Ultra',
  '203': 'Ultra',
  '204': 'Ultra',
  '205': 'Ultra',
  '207': 'Ultra',
  '302': 'Hex',
  '303': 'Hex',
  '400': 'Supra',
  '401': 'Supra',
  '402': 'Supra',
  '403': 'Supra',
  '600': 'Gamma',
  '601': 'Gamma',
  '602': 'Gamma',
  '603': 'Gamma',
  '650': 'Gamma Duo',
  '701': 'Supra Hex',
  '702': 'Supra Hex',
  '801': 'Gamma Turbo',
};

/** ESP-Miner's family names (FamilyConfig.name, also /api/system/asic "deviceModel"), as people write them. */
const FAMILY_NAMES: Readonly<Record<string, string>> = {
  max: 'Max',
  ultra: 'Ultra',
  hex: 'Hex',
  supra: 'Supra',
  gamma: 'Gamma',
  gammaduo: 'Gamma Duo',
  suprahex: 'Supra Hex',
  gammaturbo: 'Gamma Turbo',
};

export function familyOfBoard(boardVersion: string | null): string | null {
  return boardVersion === null ? null : (BOARD_FAMILIES[boardVersion.trim()] ?? null);
}

/** "GammaDuo" / "gamma duo" -> "Gamma Duo"; null for names that are not a Bitaxe family (e.g. "NerdQAxe++"). */
export function bitaxeFamilyName(deviceModel: string | null): string | null {
  if (deviceModel === null) return null;
  return FAMILY_NAMES[deviceModel.replace(/[\s_-]+/g, '').toLowerCase()] ?? null;
}

/** The spec a rig's model string points at: "Bitaxe Gamma Duo (BM1370)" -> the Gamma Duo list. */
export function asicSpecForModel(model: string): AsicSpec | null {
  const asic = /\b(BM\d{4})\b/i.exec(model)?.[1]?.toUpperCase();
  if (!asic) return null;
  if (asic === 'BM1370' && /gamma duo/i.test(model)) return GAMMA_DUO_SPEC;
  return ASIC_SPECS[asic] ?? null;
}

/** The span of a firmware option list, or null when the list is empty. */
export function rangeOf(options: readonly number[]): Range | null {
  if (options.length === 0) return null;
  return { min: Math.min(...options), max: Math.max(...options) };
}
