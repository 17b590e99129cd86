// One Whatsminer API v2 request in, the exact reply bytes out. Requests come as {"command":"summary"} (pyasic, the
// CGMiner transport), {"cmd":"get_token"} (the Foreman agent), "+"-joined multi-commands of the cgminer sections, or
// {"enc":1,"data":"<base64>"} privileged commands (PROTOCOLS.md A4). cgminer-style replies end with the NUL byte of
// the cgminer code btminer derives from; btminer's own replies (get_*, errors, encrypted replies) are sent without
// one, as the captures show them.
import type { TokenParts } from '../../core/drivers/whatsminer/cipher.js';
import type { WireObject } from '../serialize.js';
import type { WhatsminerModel } from './models.js';
import {
  BTMINER_CODE,
  btminerText,
  getPsuText,
  getTokenText,
  getVersionText,
  invalidCommandText,
  invalidJsonText,
} from './native.js';
import {
  SECTION_COMMANDS,
  sectionReply,
  toWire,
  type ReplyInputs,
  type SectionCommand,
  type SimPool,
} from './replies.js';
import type { DecodedCommand } from './tokens.js';

const NUL = '\0';

/** What a request may read or change on the rig; implemented by VirtualWhatsminer. */
export interface WhatsminerApiContext {
  readonly model: WhatsminerModel;
  readonly psuSerial: string;
  /** Off: privileged commands get the real "can't access write cmd" refusal (API write access not enabled). */
  readonly writeAccess: boolean;
  nowMs(): number;
  /** The reply inputs at "now" (advances the physics). */
  inputs(): ReplyInputs;
  issueToken(client: string): TokenParts | null;
  decodeCommand(data: unknown): DecodedCommand;
  encryptReply(replyJson: string): string;
  setPools(pools: SimPool[]): void;
  /** Accepts the limit and restarts btminer, or returns false when the limit is out of range. */
  setPowerLimitW(watts: number): boolean;
  restartMiner(): void;
}

function isSection(name: string): name is SectionCommand {
  return (SECTION_COMMANDS as readonly string[]).includes(name);
}

function sectionsReply(names: readonly string[], context: WhatsminerApiContext): string {
  const inputs = context.inputs();
  const firmware = context.model.firmware.version;
  if (names.length === 1) {
    const [name] = names;
    return name !== undefined && isSection(name) ? toWire(sectionReply(name, inputs), firmware) + NUL : '';
  }
  const whenS = inputs.reading.nowS;
  // The multi-command form of cgminer (PROTOCOLS.md A1): each part's whole reply in a one-element array.
  const parts: WireObject = {};
  for (const name of names) {
    parts[name] = isSection(name)
      ? [sectionReply(name, inputs)]
      : [{ STATUS: [{ STATUS: 'E', When: whenS, Code: 14, Msg: 'invalid cmd', Description: 'btminer' }], id: 1 }];
  }
  parts['id'] = 1;
  return toWire(parts, firmware) + NUL;
}

function stringParameter(command: Record<string, unknown>, key: string): string {
  const value = command[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Runs a decrypted privileged command; the reply is the plaintext JSON the rig then encrypts. */
function runPrivileged(command: Record<string, unknown>, context: WhatsminerApiContext, whenS: number): string {
  const ok = (msg: string): string => btminerText(true, BTMINER_CODE.commandOk, msg, whenS);
  const error = (msg: string): string => btminerText(false, BTMINER_CODE.commandError, msg, whenS);
  if (!context.writeAccess) return btminerText(false, BTMINER_CODE.permissionDenied, "can't access write cmd", whenS);
  switch (command['cmd']) {
    case 'update_pools': {
      const pools: SimPool[] = [];
      for (let slot = 1; slot <= 3; slot += 1) {
        const url = stringParameter(command, `pool${slot}`).trim();
        if (url === '') continue;
        pools.push({
          url,
          user: stringParameter(command, `worker${slot}`),
          password: stringParameter(command, `passwd${slot}`),
        });
      }
      if (pools.length === 0) return error('no pool given');
      context.setPools(pools);
      // The real acceptance of update_pools carries an empty Msg (driver fixtures/privileged.ts).
      return ok('');
    }
    case 'adjust_power_limit': {
      const watts = Number(stringParameter(command, 'power_limit'));
      if (!Number.isInteger(watts) || !context.setPowerLimitW(watts)) return error('invalid power_limit');
      return ok('API command OK');
    }
    case 'restart_btminer':
      context.restartMiner();
      return ok('API command OK');
    default:
      return btminerText(false, BTMINER_CODE.invalidCommand, 'invalid cmd', whenS);
  }
}

function privileged(request: Record<string, unknown>, context: WhatsminerApiContext, whenS: number): string {
  const decoded = context.decodeCommand(request['data']);
  switch (decoded.kind) {
    // The rig cannot tell which key a client used, so token errors go back in plain text, readable by anyone.
    case 'bad-base64':
      return btminerText(false, BTMINER_CODE.base64DecodeError, 'base64 decode error', whenS);
    case 'bad-token':
      return btminerText(false, BTMINER_CODE.checkTokenError, 'check token error', whenS);
    case 'command':
      return context.encryptReply(runPrivileged(decoded.command, context, whenS));
  }
}

/** The reply to one request's raw text, from `client` (its address), or null to close without answering. */
export function answerWhatsminer(raw: string, client: string, context: WhatsminerApiContext): string | null {
  const text = raw.replace(/\0/g, '').trim();
  if (text === '') return null;
  const whenS = Math.floor(context.nowMs() / 1000);
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch {
    return invalidJsonText(whenS);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return invalidJsonText(whenS);
  const fields = request as Record<string, unknown>;
  if (fields['enc'] === 1 || fields['enc'] === '1') return privileged(fields, context, whenS);
  const name = fields['command'] ?? fields['cmd'];
  if (typeof name !== 'string') return invalidCommandText(whenS);
  switch (name) {
    case 'get_version':
      return getVersionText(context.model, whenS);
    case 'get_psu':
      return getPsuText(context.model, context.inputs().reading, context.psuSerial, whenS);
    case 'get_token': {
      const token = context.issueToken(client);
      return token
        ? getTokenText(token, whenS)
        : btminerText(false, BTMINER_CODE.tokenOverMaxTimes, 'token over max times', whenS);
    }
    default: {
      const names = name.split('+').filter((part) => part !== '');
      if (names.length === 0 || !names.some(isSection)) return invalidCommandText(whenS);
      return sectionsReply(names, context);
    }
  }
}
