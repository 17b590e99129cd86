// Who an XMRig rig is. XMRig runs on an ordinary PC, so the API names no hardware maker or model: the make is the
// miner ("XMRig") and the model the CPU it runs on, from summary cpu.brand shortened ("XMRig on Intel Core
// i7-4700MQ"). GPUs are telemetry (per-device boards in each read), not identity, since they can be enabled and
// disabled by config. Firmware is "XMRig <version>"; apiVersion is the path family that answered ("2" or "1").
// Sources: PROTOCOLS.md A6; xmrig/xmrig doc/api/2/summary.json.
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { looksLikeXmrig, readSummary, shortCpuName } from './parse.js';

/** What a rig that refuses every request without its access token is called until someone gives the token. */
export const TOKEN_REQUIRED_MODEL = 'XMRig (API token required)';

export function identityFromSummary(
  host: string,
  port: number,
  reply: JsonObject,
  apiVersion: '1' | '2',
): RigIdentity | null {
  if (!looksLikeXmrig(reply)) return null;
  const summary = readSummary(reply);
  const cpu = summary.cpuBrand ? shortCpuName(summary.cpuBrand) : '';
  return {
    host,
    port,
    family: 'xmrig',
    make: 'XMRig',
    model: cpu.length > 0 ? `XMRig on ${cpu}` : 'XMRig',
    firmware: summary.version ? `XMRig ${summary.version}` : 'XMRig',
    apiVersion,
    mac: null,
    // The miner id (summary "id") is stable per installation: the closest thing to a serial the API has.
    serial: typeof reply['id'] === 'string' && reply['id'].length <= 64 ? reply['id'] : null,
  };
}

/** A rig that answered with XMRig's own 401/403: known to be XMRig, but nothing more until the token is given. */
export function tokenRequiredIdentity(host: string, port: number): RigIdentity {
  return {
    host,
    port,
    family: 'xmrig',
    make: 'XMRig',
    model: TOKEN_REQUIRED_MODEL,
    firmware: 'unknown',
    apiVersion: null,
    mac: null,
    serial: null,
  };
}
