// The settings an AxeOS rig stores (its NVS), and PATCH /api/system as each firmware takes it.
// ESP-Miner (bitaxeorg/ESP-Miner http_server.c PATCH_update_settings + nvs_config.c): every known key is checked first
// (strings by type and length, numbers by type and range); one bad key fails the whole request with 400
// "Wrong API input" and nothing is stored; broken JSON is 400 "Invalid JSON"; unknown keys are ignored.
// NerdQAxe (handler_system.cpp PATCH_update_settings): each key is stored if it has the right type and is skipped
// silently otherwise; the answer is 200 either way.
import type { AxeFlavour } from './models.js';

export interface AxeSettings {
  hostname: string;
  ssid: string;
  stratumURL: string;
  stratumPort: number;
  stratumUser: string;
  stratumPassword: string;
  fallbackStratumURL: string;
  fallbackStratumPort: number;
  fallbackStratumUser: string;
  fallbackStratumPassword: string;
  frequency: number;
  coreVoltage: number;
  autofanspeed: number;
  fanspeed: number;
  overclockEnabled: number;
  overheat_mode: number;
  flipscreen: number;
  invertscreen: number;
  invertfanpolarity: number;
}

type Kind = 'string' | 'number' | 'flag';
interface Rule {
  kind: Kind;
  min: number;
  max: number;
}

/** nvs_config.c: each REST name with its type and limits (string limits are lengths). */
const RULES: Readonly<Record<keyof AxeSettings, Rule>> = {
  hostname: { kind: 'string', min: 1, max: 32 },
  ssid: { kind: 'string', min: 1, max: 32 },
  stratumURL: { kind: 'string', min: 0, max: 3999 },
  stratumPort: { kind: 'number', min: 0, max: 65_535 },
  stratumUser: { kind: 'string', min: 0, max: 3999 },
  stratumPassword: { kind: 'string', min: 0, max: 3999 },
  fallbackStratumURL: { kind: 'string', min: 0, max: 3999 },
  fallbackStratumPort: { kind: 'number', min: 0, max: 65_535 },
  fallbackStratumUser: { kind: 'string', min: 0, max: 3999 },
  fallbackStratumPassword: { kind: 'string', min: 0, max: 3999 },
  frequency: { kind: 'number', min: 1, max: 65_535 },
  coreVoltage: { kind: 'number', min: 1, max: 65_535 },
  autofanspeed: { kind: 'flag', min: 0, max: 1 },
  fanspeed: { kind: 'number', min: 0, max: 100 },
  overclockEnabled: { kind: 'flag', min: 0, max: 1 },
  overheat_mode: { kind: 'flag', min: 0, max: 0 },
  flipscreen: { kind: 'flag', min: 0, max: 1 },
  invertscreen: { kind: 'flag', min: 0, max: 1 },
  invertfanpolarity: { kind: 'flag', min: 0, max: 1 },
};

export type PatchOutcome = { ok: true; changed: Array<keyof AxeSettings> } | { ok: false; message: string };

function valid(rule: Rule, value: unknown): boolean {
  if (rule.kind === 'string') return typeof value === 'string' && value.length >= rule.min && value.length <= rule.max;
  const number = rule.kind === 'flag' && typeof value === 'boolean' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= rule.min && number <= rule.max;
}

function stored(rule: Rule, value: unknown): string | number {
  if (rule.kind === 'string') return value as string;
  const number = typeof value === 'boolean' ? Number(value) : (value as number);
  // cJSON valueint / ArduinoJson as<uint16_t>(): fractions are cut; the clock is a float on newer ESP-Miner.
  return Math.trunc(number);
}

/** Applies a PATCH body to the stored settings the way the given firmware would. */
export function patchSettings(settings: AxeSettings, body: unknown, flavour: AxeFlavour): PatchOutcome {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: 'Invalid JSON' };
  const entries = Object.entries(body as Record<string, unknown>).filter(
    (entry): entry is [keyof AxeSettings, unknown] => Object.hasOwn(RULES, entry[0]),
  );
  const accepted = entries.filter(([key, value]) => valid(RULES[key], value));
  if (flavour === 'esp-miner' && accepted.length !== entries.length) return { ok: false, message: 'Wrong API input' };
  const target = settings as unknown as Record<string, string | number>;
  for (const [key, value] of accepted) target[key] = stored(RULES[key], value);
  return { ok: true, changed: accepted.map(([key]) => key) };
}
