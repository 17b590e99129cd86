// Who a Whatsminer is. Sources (PROTOCOLS.md A4 and section C, pyasic pyasic/miners/factory.py and
// pyasic/miners/backends/btminer.py):
// - It is one: the markers pyasic looks for in socket replies, "BTMINER"/"BITMICRO" (cgminer/flavour.ts), e.g.
//   STATUS Description "btminer" on newer firmware (M30S+ capture), or "whatsminer v1.1" in btminer's own replies
//   (get_token capture; the `version` error capture).
// - Model: devdetails DEVDETAILS[0].Model, normalised as pyasic does (models.ts); newer firmware also names it in
//   get_version Msg.miner_type ("M60S_VK40", a pyasic user's patch falls back to it).
// - Firmware: get_version Msg.fw_ver (pyasic _get_fw_ver), else summary "Firmware Version" without its quotes.
// - API version: get_version Msg.api_ver (pyasic _get_api_ver, which drops a "whatsminer v" prefix).
// - MAC: summary "MAC" (both captures; pyasic _get_mac).
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { cgminerFlavour } from '../cgminer/flavour.js';
import { normalizeMac } from '../cgminer/identity.js';
import type { JsonObject } from '../cgminer/parse.js';
import { firstEntry, isObject, stringField } from '../fields.js';
import { normaliseModel } from './models.js';
import { messageObject } from './replies.js';

export interface IdentityReplies {
  devdetails: JsonObject | null;
  getVersion: JsonObject | null;
  summary: JsonObject | null;
}

/**
 * cgminerFlavour() stringifies the reply, which throws RangeError on a reply nested thousands of levels deep (a
 * hostile rig can send one well inside the size limit); here that simply means "not a Whatsminer".
 */
function flavourOf(reply: JsonObject): ReturnType<typeof cgminerFlavour> | null {
  try {
    return cgminerFlavour(reply);
  } catch {
    return null;
  }
}

function descriptionOf(reply: JsonObject): string {
  const status = reply['STATUS'];
  const record: unknown = Array.isArray(status) ? status[0] : status;
  const holder = isObject(record) ? record : reply;
  return stringField(holder['Description'], 64) ?? '';
}

/** True when a reply carries a Whatsminer marker. */
export function isWhatsminerReply(reply: JsonObject | null): boolean {
  if (!reply) return false;
  return flavourOf(reply) === 'whatsminer' || /whatsminer|btminer/i.test(descriptionOf(reply));
}

/** "'20200917.22.REL'" -> "20200917.22.REL". */
function withoutQuotes(text: string): string {
  return text.replace(/^['"\\\s]+|['"\\\s]+$/g, '');
}

function firmwareOf(replies: IdentityReplies): string {
  const fromVersion = stringField(messageObject(replies.getVersion)?.['fw_ver'], 64);
  if (fromVersion) return withoutQuotes(fromVersion);
  const summary = replies.summary ? firstEntry(replies.summary, 'SUMMARY') : null;
  const fromSummary = stringField(summary?.['Firmware Version'], 64);
  return fromSummary ? withoutQuotes(fromSummary) || 'unknown' : 'unknown';
}

function apiVersionOf(replies: IdentityReplies): string | null {
  const message = messageObject(replies.getVersion);
  const text = stringField(message?.['api_ver'] ?? message?.['rpc_ver'], 32);
  if (!text) return null;
  return text.replace(/^whatsminer\s*v/i, '').trim() || null;
}

export function modelOf(replies: IdentityReplies): string {
  const details = replies.devdetails ? firstEntry(replies.devdetails, 'DEVDETAILS') : null;
  const minerType = messageObject(replies.getVersion)?.['miner_type'];
  const model = normaliseModel(details?.['Model']) ?? normaliseModel(minerType);
  return model ? model.display : 'Whatsminer (model not reported)';
}

export function identityFromReplies(host: string, port: number, replies: IdentityReplies): RigIdentity {
  const summary = replies.summary ? firstEntry(replies.summary, 'SUMMARY') : null;
  return {
    host,
    port,
    family: 'whatsminer',
    make: 'MicroBT',
    model: modelOf(replies),
    firmware: firmwareOf(replies),
    apiVersion: apiVersionOf(replies),
    mac: normalizeMac(summary?.['MAC']),
    serial: null,
  };
}
