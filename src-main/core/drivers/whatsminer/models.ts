// Whatsminer model names and the per-model figures control needs. Sources:
// - Name: devdetails DEVDETAILS[0].Model ("M20S_V20", "M56S_VH30"), normalised as pyasic does: '_' removed and the
//   last character replaced by '0' (pyasic/miners/factory.py::get_miner_model_whatsminer; PROTOCOLS.md A4), so a
//   hardware sub-revision ("V21") reads as its family ("V20"), pyasic's model key ("M20SV20", shown as "M20S V20").
// - Chips per board: pyasic's per-model tables (pyasic/miners/device/models/whatsminer/*), e.g. M20SV20 111 (the
//   real M20S capture reports "Effective Chips":111), M30S+V10 215 (the M30S+ capture reports 215).
// - Nominal power: MicroBT's headline figures per model family (M20S 68 TH/s at 3,360 W, ...); rough by nature.
// - Power-limit range: `adjust_power_limit` exists from API 2.0.5 and "cannot be higher than the ordinary power of the
//   machine" (pyasic BTMinerRPCAPI.adjust_power_limit docstring, quoting the Whatsminer API 2.0.5 document). Real rigs
//   run above the headline figure (the M20S capture: Power 3491 W, Power Limit 3500 W; the M30S+ capture: Power Limit
//   3600 W), so the upper bound is the headline power plus 7 %, rounded up to 100 W (M20S: 3,600 W). The lower bound,
//   1,200 W, is our conservative floor: no source gives the firmware's own minimum.

export interface WhatsminerModel {
  /** pyasic's key: "M20SV20". */
  key: string;
  /** The family: "M20S", "M30S+", "M50". */
  family: string;
  /** The board revision, "V20", "VH50", or null when the name has none. */
  variant: string | null;
  /** RigIdentity.model: "Whatsminer M20S V20". */
  display: string;
}

interface FamilySpec {
  nominalHashrateThs: number;
  nominalPowerW: number;
}

const FAMILIES: Readonly<Record<string, FamilySpec>> = {
  M20S: { nominalHashrateThs: 68, nominalPowerW: 3360 },
  M21S: { nominalHashrateThs: 56, nominalPowerW: 3360 },
  M30S: { nominalHashrateThs: 88, nominalPowerW: 3344 },
  'M30S+': { nominalHashrateThs: 100, nominalPowerW: 3400 },
  'M30S++': { nominalHashrateThs: 112, nominalPowerW: 3472 },
  M50: { nominalHashrateThs: 114, nominalPowerW: 3306 },
  M50S: { nominalHashrateThs: 126, nominalPowerW: 3276 },
};

/** Chips per hashboard by pyasic model key (pyasic's tables); unknown keys report no chip total. */
const CHIPS_PER_BOARD: Readonly<Record<string, number>> = {
  M20SV10: 105,
  M20SV20: 111,
  M20SV30: 140,
  M30SV10: 148,
  M30SV20: 156,
  M30SV30: 164,
  M30SV40: 172,
  'M30S+V10': 215,
  'M30S+V20': 255,
  'M30S+V40': 235,
  M50VH40: 84,
  M50VH50: 105,
};

const POWER_LIMIT_FLOOR_W = 1200;
const POWER_LIMIT_HEADROOM = 1.07;
/** adjust_power_limit arrived in Whatsminer API 2.0.5 (pyasic's @api_min_version("2.0.5")). */
const POWER_LIMIT_MIN_API: readonly number[] = [2, 0, 5];

const MAX_MODEL_CHARS = 24;
const MODEL_KEY = /^(M\d+[A-Z]*?\+{0,2})(V[A-Z]{0,2}\d+)$/;

/** "M20S_V21" -> M20SV20 / "Whatsminer M20S V20"; null for anything that is not a model name. */
export function normaliseModel(raw: unknown): WhatsminerModel | null {
  // Real names are short ("M30S++_VG40"); a long one is not a name to show, cut or not.
  if (typeof raw !== 'string' || raw.length > MAX_MODEL_CHARS) return null;
  const text = raw.trim().toUpperCase();
  if (!text || !/^[A-Z][A-Z0-9_+\- ]*$/.test(text)) return null;
  const compact = text.replace(/[_\s-]/g, '');
  if (compact.length < 2) return null;
  const key = `${compact.slice(0, -1)}0`;
  const match = MODEL_KEY.exec(key);
  if (!match) return { key, family: key, variant: null, display: `Whatsminer ${key}` };
  const family = match[1] ?? key;
  const variant = match[2] ?? null;
  return { key, family, variant, display: `Whatsminer ${family}${variant ? ` ${variant}` : ''}` };
}

/** Back from RigIdentity.model ("Whatsminer M20S V20") to the model. */
export function modelFromDisplay(display: string): WhatsminerModel | null {
  const bare = display.replace(/^whatsminer\s*/i, '').replace(/\s+/g, '');
  if (bare.length === 0) return null;
  const match = MODEL_KEY.exec(bare);
  if (!match) return { key: bare, family: bare, variant: null, display };
  return { key: bare, family: match[1] ?? bare, variant: match[2] ?? null, display };
}

export function chipsPerBoard(model: WhatsminerModel | null): number | null {
  return model ? (CHIPS_PER_BOARD[model.key] ?? null) : null;
}

export function nominalPowerW(model: WhatsminerModel | null): number | null {
  return model ? (FAMILIES[model.family]?.nominalPowerW ?? null) : null;
}

/** "2.0.5", "whatsminer v2.0.5" -> [2, 0, 5]; null when there is no version number in it. */
export function apiVersionParts(apiVersion: string | null): number[] | null {
  const match = apiVersion ? /(\d+(?:\.\d+)*)/.exec(apiVersion) : null;
  return match?.[1] ? match[1].split('.').map(Number) : null;
}

function atLeast(version: readonly number[], minimum: readonly number[]): boolean {
  for (let index = 0; index < minimum.length; index += 1) {
    const have = version[index] ?? 0;
    const need = minimum[index] ?? 0;
    if (have !== need) return have > need;
  }
  return true;
}

/**
 * The power limit range Rigwise offers for a model, or null: unknown model (no safe range to offer), or a firmware
 * that reports an API older than 2.0.5. An unreported API version is given the benefit of the doubt: an old
 * firmware refuses the command with an error (RIG_ERROR), which changes nothing.
 */
export function powerLimitRangeW(
  model: WhatsminerModel | null,
  apiVersion: string | null,
): { min: number; max: number } | null {
  const nominal = nominalPowerW(model);
  if (nominal === null) return null;
  const version = apiVersionParts(apiVersion);
  if (version && !atLeast(version, POWER_LIMIT_MIN_API)) return null;
  return { min: POWER_LIMIT_FLOOR_W, max: Math.ceil((nominal * POWER_LIMIT_HEADROOM) / 100) * 100 };
}
