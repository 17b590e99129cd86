// Who a CGMiner-family rig is, from its `version` reply (and `config`, for the MAC and hostname where the firmware
// gives them). Field names from real replies in PROTOCOLS.md A1: Antminer "Type":"Antminer S19 Pro", "BMMiner",
// "Miner" (firmware build), "CompileTime", "API"; plain cgminer forks send "CGMiner" instead of "BMMiner", sgminer
// builds "SGMiner" ("VERSION,SGMiner=4.1.0,API=3.1" in a captured sgminer text reply).
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { firstEntry, stringField } from '../fields.js';
import type { JsonObject } from './parse.js';

const MAKES: ReadonlyArray<readonly [RegExp, string]> = [
  [/antminer/i, 'Bitmain'],
  [/avalon/i, 'Canaan'],
  [/whatsminer/i, 'MicroBT'],
];

/** "Antminer S19 Pro (vnish 1.2)" -> "Antminer S19 Pro": pyasic cuts the model at " (" the same way. */
function modelName(type: string): string {
  const cut = type.indexOf(' (');
  return (cut === -1 ? type : type.slice(0, cut)).trim();
}

function makeOf(model: string, description: string): string {
  for (const [pattern, make] of MAKES) if (pattern.test(model) || pattern.test(description)) return make;
  return 'Unknown';
}

function firmwareOf(version: JsonObject): string {
  const miner = stringField(version['Miner'], 64);
  const compiled = stringField(version['CompileTime'], 64);
  const bmminer = stringField(version['BMMiner'], 32);
  const cgminer = stringField(version['CGMiner'], 32);
  const sgminer = stringField(version['SGMiner'], 32);
  const software = bmminer
    ? `BMMiner ${bmminer}`
    : cgminer
      ? `CGMiner ${cgminer}`
      : sgminer
        ? `SGMiner ${sgminer}`
        : null;
  const parts = [miner, software, compiled && `built ${compiled}`].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : 'unknown';
}

/** MAC addresses as six colon-separated lower-case pairs, or null: anything else a rig sends is not shown. */
export function normalizeMac(value: unknown): string | null {
  const text = stringField(value, 32);
  if (!text) return null;
  const hex = text.replace(/[^0-9a-fA-F]/g, '');
  if (hex.length !== 12 || /^0+$/.test(hex)) return null;
  return hex.toLowerCase().match(/../g)?.join(':') ?? null;
}

export function identityFromReplies(
  host: string,
  port: number,
  versionReply: JsonObject,
  configReply: JsonObject | null,
): RigIdentity | null {
  const version = firstEntry(versionReply, 'VERSION');
  if (!version) return null;
  const status = firstEntry(versionReply, 'STATUS');
  const description = stringField(status?.['Description'], 64) ?? '';
  const type =
    stringField(version['Type'], 96) ?? stringField(version['Model'], 96) ?? stringField(version['PROD'], 96);
  const model = type ? modelName(type) : description ? `cgminer rig (${description})` : 'cgminer rig';
  const config = configReply ? firstEntry(configReply, 'CONFIG') : null;
  return {
    host,
    port,
    family: 'cgminer',
    make: makeOf(model, description),
    model,
    firmware: firmwareOf(version),
    apiVersion: stringField(version['API'], 16),
    mac: normalizeMac(config?.['MAC'] ?? version['MAC']),
    serial: stringField(version['miner_id'], 64),
  };
}
