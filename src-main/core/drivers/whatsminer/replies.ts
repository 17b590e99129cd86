// btminer's own replies (get_token, get_version, get_psu and every privileged command): a flat
// {"STATUS":"S","When":..,"Code":131,"Msg":<string or object>,"Description":..} instead of cgminer's STATUS array
// (PROTOCOLS.md A4; Whatsminer API 2.0.5 "JSON API return format"). Message codes from the same document:
// 14 invalid API command or data, 23 invalid JSON message, 45 permission denied, 131 command OK, 132 command error,
// 134 get token message OK, 135 check token error, 136 token over max times, 137 base64 decode error.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { JsonObject } from '../cgminer/parse.js';
import { parseLenientJson } from '../cgminer/parse.js';
import { intField, isObject, stringField } from '../fields.js';
import { decryptText, type TokenParts } from './cipher.js';

export const CODE = {
  invalidCommand: 14,
  invalidJson: 23,
  permissionDenied: 45,
  commandOk: 131,
  commandError: 132,
  tokenOk: 134,
  checkTokenError: 135,
  tokenOverMaxTimes: 136,
  base64DecodeError: 137,
} as const;

export interface BtminerStatus {
  /** S or I: success (pyasic validate_command_output). */
  ok: boolean;
  code: number | null;
  /** Msg when it is text, cut short: it goes into messages an operator reads. */
  message: string;
}

/** STATUS as btminer writes it (a string) or as cgminer does (an array of one record). */
export function btminerStatus(reply: JsonObject): BtminerStatus {
  const section = reply['STATUS'];
  const record: unknown = Array.isArray(section) ? section[0] : section;
  const holder = isObject(record) ? record : reply;
  const severity = isObject(record) ? record['STATUS'] : record;
  return {
    ok: severity === 'S' || severity === 'I',
    code: intField(holder['Code']),
    message: stringField(holder['Msg'], 120) ?? '',
  };
}

/** Msg when it is an object (get_token, get_version, get_psu), else null. */
export function messageObject(reply: JsonObject | null): JsonObject | null {
  const message = reply?.['Msg'];
  return isObject(message) ? message : null;
}

const SALT = /^[A-Za-z0-9./]{1,16}$/;
const TIME = /^\d{1,16}$/;

/** The token parts of a get_token reply, or a typed error saying why there are none. */
export function tokenFromReply(reply: JsonObject): TokenParts | RigwiseError {
  const message = reply['Msg'];
  // The firmware answers get_token with Msg "over max connect" when too many clients hold tokens (the Telegram
  // client in satoshi-anonymoto/whatsminer-api checks for exactly this string).
  if (typeof message === 'string' && /max/i.test(message)) {
    return new RigwiseError(
      'RIG_ERROR',
      'The rig refuses more API clients right now ("over max connect"); try again in a few minutes.',
    );
  }
  const fields = messageObject(reply);
  const time = stringField(fields?.['time'], 20);
  const salt = stringField(fields?.['salt'], 20);
  const newSalt = stringField(fields?.['newsalt'], 20);
  if (
    time === null ||
    salt === null ||
    newSalt === null ||
    !TIME.test(time) ||
    !SALT.test(salt) ||
    !SALT.test(newSalt)
  ) {
    return new RigwiseError('RIG_BAD_REPLY', 'The rig sent a get_token reply without a usable time, salt and newsalt.');
  }
  return { time, salt, newSalt };
}

export type PrivilegedOutcome =
  | { kind: 'accepted'; reply: JsonObject }
  /** The rig did not accept our token: a wrong password, or a token the rig forgot (it restarted). */
  | { kind: 'token-rejected' }
  | { kind: 'refused'; error: RigwiseError };

const WRITE_ACCESS_OFF =
  'The rig refuses API write commands ("can\'t access write cmd"): turn API write access on with WhatsMinerTool ' +
  "(MicroBT's tool: change the default admin password, then enable the API), then try again.";

function outcomeOfStatus(reply: JsonObject, commandName: string): PrivilegedOutcome {
  const status = btminerStatus(reply);
  if (status.ok) return { kind: 'accepted', reply };
  if (status.code === CODE.checkTokenError) return { kind: 'token-rejected' };
  if (status.code === CODE.permissionDenied || /can't access write/i.test(status.message)) {
    return { kind: 'refused', error: new RigwiseError('UNAUTHORIZED', WRITE_ACCESS_OFF) };
  }
  if (status.code === CODE.tokenOverMaxTimes) {
    return {
      kind: 'refused',
      error: new RigwiseError(
        'RIG_ERROR',
        'The rig has handed this computer its maximum of API tokens ("token over max times"); try again in 30 minutes.',
      ),
    };
  }
  if (status.code === CODE.invalidCommand) {
    return {
      kind: 'refused',
      error: new RigwiseError(
        'RIG_ERROR',
        `This firmware does not know "${commandName}" (${status.message || 'invalid command'}); a firmware update may add it.`,
      ),
    };
  }
  const detail = status.message.length > 0 ? status.message : `code ${status.code ?? 'unknown'}`;
  return { kind: 'refused', error: new RigwiseError('RIG_ERROR', `The rig refused "${commandName}": ${detail}.`) };
}

/**
 * What a privileged command's reply means. The rig answers {"enc":"<base64>"} encrypted with the key of its own
 * password, or a plain btminer status. A reply we cannot decrypt or read as JSON with our key was written with another
 * key: the password we hold is not the rig's, which is what a rejected token means too.
 */
export function privilegedOutcome(raw: string, aesKey: Buffer, commandName: string): PrivilegedOutcome {
  const parsed = parseLenientJson(raw);
  if (!parsed.ok) return { kind: 'refused', error: parsed.error };
  const encrypted = parsed.value['enc'];
  if (typeof encrypted !== 'string') return outcomeOfStatus(parsed.value, commandName);
  const plaintext = decryptText(encrypted, aesKey);
  if (plaintext === null) return { kind: 'token-rejected' };
  const inner = parseLenientJson(plaintext);
  // Bytes decrypted with the wrong key are noise; noise that happens to hold braces is still not a status line.
  if (!inner.ok || !('STATUS' in inner.value)) return { kind: 'token-rejected' };
  return outcomeOfStatus(inner.value, commandName);
}
