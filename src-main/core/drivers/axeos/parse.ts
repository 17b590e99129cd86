// AxeOS replies as typed values. Every field goes through the defensive readers: firmwares and forks disagree on
// types (isUsingFallbackStratum is 0/1 on ESP-Miner, a boolean on NerdQAxe; bestDiff a string on v2.6.0 and a number
// later), fields come and go between versions, and a hostile reply must not get further than a null.
// Sources: PROTOCOLS.md A5 (v2.6.0 capture); bitaxeorg/ESP-Miner main/http_server/http_server.c GET_system_info and
// openapi.yaml (SystemInfo, /api/system/asic); shufps/ESP-Miner-NerdQAxePlus handler_system.cpp (GET_system_info,
// GET_system_asic: asicTemps, deviceModel, fanrpm2).
import type { JsonObject } from '../cgminer/parse.js';
import { intField, isObject, numberField, stringField } from '../fields.js';
import { rangeOf, type Range } from './models.js';

export interface AxeosInfo {
  asicModel: string | null;
  deviceModel: string | null;
  /** LuckyMiner's AxeOS build names its model here (pyasic: "Lucky miner" + minerModel). */
  minerModel: string | null;
  boardVersion: string | null;
  version: string | null;
  macAddr: string | null;
  asicCount: number | null;
  hashRateGhs: number | null;
  hashRate1hGhs: number | null;
  hashRate10mGhs: number | null;
  powerW: number | null;
  chipTempsC: number[];
  vrTempC: number | null;
  frequencyMhz: number | null;
  coreVoltageMv: number | null;
  fanRpms: Array<{ index: number; rpm: number }>;
  sharesAccepted: number | null;
  sharesRejected: number | null;
  uptimeS: number | null;
  stratumURL: string | null;
  stratumPort: number | null;
  stratumUser: string | null;
  fallbackStratumURL: string | null;
  fallbackStratumPort: number | null;
  fallbackStratumUser: string | null;
  usingFallback: boolean | null;
  miningPaused: boolean | null;
  /** Sum of hashrateMonitor.asics[].errorCount (newer ESP-Miner), or null. */
  asicErrors: number | null;
}

export interface AsicSettings {
  asicModel: string | null;
  deviceModel: string | null;
  asicCount: number | null;
  frequencyMhz: Range | null;
  voltageMv: Range | null;
}

const MAX_LIST = 64;

/** A 0/1 number or a boolean (both shapes are in the field), else null. */
export function flagField(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return null;
}

/** Sensors that are absent read 0 or -1 on these boards; neither is a temperature. */
function temperature(value: unknown): number | null {
  const celsius = numberField(value);
  return celsius !== null && celsius > 0 && celsius < 200 ? celsius : null;
}

function nonNegative(value: unknown): number | null {
  const parsed = numberField(value);
  return parsed !== null && parsed >= 0 ? parsed : null;
}

function port(value: unknown): number | null {
  const parsed = intField(value);
  return parsed !== null && parsed >= 0 && parsed <= 65_535 ? parsed : null;
}

function numberList(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_LIST)
    .map(numberField)
    .filter((entry): entry is number => entry !== null);
}

function chipTemps(info: JsonObject): number[] {
  const perAsic: unknown[] = Array.isArray(info['asicTemps'])
    ? (info['asicTemps'] as unknown[]).slice(0, MAX_LIST)
    : [];
  return [...perAsic, info['temp'], info['temp2']]
    .map(temperature)
    .filter((celsius): celsius is number => celsius !== null);
}

/** fanrpm always; the second fan is "fan2rpm" on ESP-Miner and "fanrpm2" on NerdQAxe, 0 when not fitted. */
function fanRpms(info: JsonObject): Array<{ index: number; rpm: number }> {
  const fans: Array<{ index: number; rpm: number }> = [];
  const first = nonNegative(info['fanrpm']);
  if (first !== null) fans.push({ index: 0, rpm: first });
  const second = nonNegative(info['fan2rpm'] ?? info['fanrpm2']);
  const declared = intField(info['fanCount']);
  if (second !== null && (second > 0 || (declared ?? 0) > 1)) fans.push({ index: 1, rpm: second });
  return fans;
}

function asicErrors(info: JsonObject): number | null {
  const monitor = info['hashrateMonitor'];
  if (!isObject(monitor) || !Array.isArray(monitor['asics'])) return null;
  let total: number | null = null;
  for (const asic of monitor['asics'].slice(0, MAX_LIST)) {
    const errors = isObject(asic) ? nonNegative(asic['errorCount']) : null;
    if (errors !== null) total = (total ?? 0) + errors;
  }
  return total;
}

export function readAxeosInfo(info: JsonObject): AxeosInfo {
  return {
    asicModel: stringField(info['ASICModel'], 32)?.trim() || null,
    deviceModel: stringField(info['deviceModel'], 48)?.trim() || null,
    minerModel: stringField(info['minerModel'], 48)?.trim() || null,
    boardVersion: stringField(info['boardVersion'], 16)?.trim() || null,
    version: stringField(info['version'], 48)?.trim() || null,
    macAddr: stringField(info['macAddr'], 32),
    asicCount: intField(info['asicCount']),
    hashRateGhs: nonNegative(info['hashRate']),
    hashRate1hGhs: nonNegative(info['hashRate_1h']),
    hashRate10mGhs: nonNegative(info['hashRate_10m']),
    powerW: nonNegative(info['power']),
    chipTempsC: chipTemps(info),
    vrTempC: temperature(info['vrTemp']),
    frequencyMhz: nonNegative(info['frequency']),
    coreVoltageMv: nonNegative(info['coreVoltage']),
    fanRpms: fanRpms(info),
    sharesAccepted: nonNegative(info['sharesAccepted']),
    sharesRejected: nonNegative(info['sharesRejected']),
    uptimeS: nonNegative(info['uptimeSeconds']),
    stratumURL: stringField(info['stratumURL'], 200)?.trim() ?? null,
    stratumPort: port(info['stratumPort']),
    stratumUser: stringField(info['stratumUser'], 200) ?? null,
    fallbackStratumURL: stringField(info['fallbackStratumURL'], 200)?.trim() ?? null,
    fallbackStratumPort: port(info['fallbackStratumPort']),
    fallbackStratumUser: stringField(info['fallbackStratumUser'], 200) ?? null,
    usingFallback: flagField(info['isUsingFallbackStratum']),
    miningPaused: flagField(info['miningPaused']),
    asicErrors: asicErrors(info),
  };
}

/**
 * Does this reply come from AxeOS? ASICModel must be a non-empty string (pyasic skips devices whose ASICModel is "")
 * and at least three of the fields every AxeOS version and fork sends must be there with the right types.
 */
export function looksLikeAxeos(info: JsonObject): boolean {
  const asicModel = info['ASICModel'];
  if (typeof asicModel !== 'string' || asicModel.trim().length === 0) return false;
  const signs = [
    typeof info['hashRate'] === 'number',
    typeof info['stratumURL'] === 'string',
    typeof info['version'] === 'string',
    typeof info['frequency'] === 'number',
    typeof info['coreVoltage'] === 'number',
    typeof info['uptimeSeconds'] === 'number',
    typeof info['sharesAccepted'] === 'number',
  ];
  return signs.filter(Boolean).length >= 3;
}

/** GET /api/system/asic: the frequency and core-voltage option lists this board's firmware offers. */
export function readAsicSettings(reply: JsonObject): AsicSettings {
  const frequencies = numberList(reply['frequencyOptions']).filter((mhz) => mhz > 0 && mhz < 5_000);
  const voltages = numberList(reply['voltageOptions']).filter((mv) => mv > 0 && mv < 20_000);
  return {
    // ESP-Miner's newer board endpoint spells it "asicModel"; the spec and NerdQAxe "ASICModel".
    asicModel: stringField(reply['ASICModel'] ?? reply['asicModel'], 32)?.trim() || null,
    deviceModel: stringField(reply['deviceModel'], 48)?.trim() || null,
    asicCount: intField(reply['asicCount']),
    frequencyMhz: rangeOf(frequencies),
    voltageMv: rangeOf(voltages),
  };
}
