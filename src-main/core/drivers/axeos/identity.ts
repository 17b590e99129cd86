// Who an AxeOS rig is, from GET /api/system/info (and GET /api/system/asic where the info reply names no device).
// The model is "<device> (<ASIC>)", the ASIC always last in brackets so capabilities can find its option table:
//   1. deviceModel (NerdQAxe info; /api/system/asic on ESP-Miner) or minerModel (LuckyMiner): a Bitaxe family name
//      becomes "Bitaxe <family>", anything else is kept as the firmware wrote it ("NerdQAxe++ (BM1370)").
//   2. else boardVersion through ESP-Miner's board table (device_config.h): "302" -> "Bitaxe Hex (BM1366)".
//   3. else "Bitaxe (<ASIC>)": an AxeOS board we have no table entry for.
// Firmware is the "version" field as sent ("v2.6.0"). Sources: PROTOCOLS.md A5; bitaxeorg/ESP-Miner device_config.h.
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { normalizeMac } from '../cgminer/identity.js';
import type { JsonObject } from '../cgminer/parse.js';
import { bitaxeFamilyName, familyOfBoard } from './models.js';
import { looksLikeAxeos, readAxeosInfo, type AxeosInfo } from './parse.js';

function makeOf(device: string | null, info: AxeosInfo): string {
  if (info.minerModel !== null && device === info.minerModel) return 'LuckyMiner';
  if (device !== null && /nerd/i.test(device)) return 'NerdAxe';
  return 'Bitaxe';
}

function deviceName(info: AxeosInfo, askedDeviceModel: string | null): string | null {
  const named = info.deviceModel ?? askedDeviceModel ?? info.minerModel;
  if (named !== null) {
    const family = bitaxeFamilyName(named);
    return family ? `Bitaxe ${family}` : named;
  }
  const family = familyOfBoard(info.boardVersion);
  return family ? `Bitaxe ${family}` : null;
}

export function modelOf(info: AxeosInfo, askedDeviceModel: string | null = null): string {
  const asic = info.asicModel ?? 'unknown ASIC';
  const device = deviceName(info, askedDeviceModel);
  return `${device ?? 'Bitaxe'} (${asic})`;
}

/** Null unless the reply is AxeOS's system info. */
export function identityFromInfo(
  host: string,
  port: number,
  reply: JsonObject,
  askedDeviceModel: string | null = null,
): RigIdentity | null {
  if (!looksLikeAxeos(reply)) return null;
  const info = readAxeosInfo(reply);
  const device = info.deviceModel ?? askedDeviceModel ?? info.minerModel;
  return {
    host,
    port,
    family: 'axeos',
    make: makeOf(device, info),
    model: modelOf(info, askedDeviceModel),
    firmware: info.version ?? 'unknown',
    apiVersion: null,
    mac: normalizeMac(info.macAddr),
    serial: null,
  };
}

/** Whether identification still lacks a device name that /api/system/asic could give (newer ESP-Miner). */
export function needsDeviceModel(reply: JsonObject): boolean {
  const info = readAxeosInfo(reply);
  return info.deviceModel === null && info.minerModel === null && familyOfBoard(info.boardVersion) === null;
}
