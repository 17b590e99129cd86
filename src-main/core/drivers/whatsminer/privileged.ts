// Sends one privileged (write) command to a Whatsminer over API v2, with the token flow of PROTOCOLS.md A4:
// get_token -> md5-crypt keys -> {"enc":1,"data":...} -> decrypt the reply. Tokens live 30 minutes on the rig
// ("a token keepalive time is 30 minutes", Whatsminer API 2.0.5; pyasic caches them as long), and one client address
// may hold only 32 at a time, so a token is kept per rig and reused. A cached token the rig no longer accepts (it
// restarted btminer, which a power-limit change does) is dropped and the command is sent once more with a fresh one;
// a fresh token that is rejected means the password is wrong.
//
// Secrets: the admin password, its md5-crypt hash, the AES key and the token are never logged and never put in an
// error message. The cache holds the key material of the password it was made with; a different password given for
// the same rig replaces the entry instead of being mixed with it.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { askCgminer } from '../cgminer/ask.js';
import type { JsonObject } from '../cgminer/parse.js';
import { deriveKeys, passwordHashFor, privilegedRequest, type PrivilegedKeys } from './cipher.js';
import { privilegedOutcome, tokenFromReply } from './replies.js';
import { sendRawRequest } from '../cgminer/transport.js';

/** A privileged reply is one short status line; a reply this big is not one. */
const MAX_PRIVILEGED_REPLY_BYTES = 64 * 1024;

/** Two minutes under the firmware's 30: a cached token never expires between our check and the rig's. */
export const TOKEN_LIFETIME_MS = 28 * 60_000;

export interface PrivilegedTarget {
  host: string;
  port: number;
  credential: string;
  timeoutMs: number;
}

/** A privileged command: "cmd" plus its string parameters, as the Whatsminer API documents them. */
export type PrivilegedCommand = Readonly<{ cmd: string } & Record<string, string>>;

interface CachedToken {
  salt: string;
  keys: PrivilegedKeys;
  expiresAtMs: number;
}

const WRONG_PASSWORD =
  'The rig rejected the admin password (Whatsminer "check token error"). Enter the admin password set with ' +
  "WhatsMinerTool; write access only works once the default 'admin' password has been changed there.";

export class WhatsminerTokens {
  private readonly byRig = new Map<string, CachedToken>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** Sends `command` and resolves with the rig's (decrypted) acceptance, or throws a RigwiseError. */
  async send(target: PrivilegedTarget, command: PrivilegedCommand, signal: AbortSignal): Promise<JsonObject> {
    const rigKey = `${target.host}:${target.port}`;
    const cached = this.cachedFor(rigKey, target.credential);
    const attempts: ReadonlyArray<'cached' | 'fresh'> = cached ? ['cached', 'fresh'] : ['fresh'];
    for (const attempt of attempts) {
      const keys = attempt === 'cached' && cached ? cached.keys : await this.freshToken(rigKey, target, signal);
      const raw = await sendRawRequest(target.host, target.port, privilegedRequest(command, keys), {
        timeoutMs: target.timeoutMs,
        signal,
        label: command.cmd,
        maxReplyBytes: MAX_PRIVILEGED_REPLY_BYTES,
      });
      // restart_btminer may take the API down before it writes anything: silence is its acceptance.
      if (raw.replace(/\0/g, '').trim() === '' && command.cmd === 'restart_btminer') return {};
      const outcome = privilegedOutcome(raw, keys.aesKey, command.cmd);
      if (outcome.kind === 'accepted') return outcome.reply;
      this.byRig.delete(rigKey);
      if (outcome.kind === 'refused') throw outcome.error;
    }
    throw new RigwiseError('UNAUTHORIZED', WRONG_PASSWORD);
  }

  /** Forgets every token (the fleet calls nothing here; tests and a future "log out" may). */
  clear(): void {
    this.byRig.clear();
  }

  private cachedFor(rigKey: string, credential: string): CachedToken | null {
    const cached = this.byRig.get(rigKey);
    if (!cached) return null;
    const fresh = cached.expiresAtMs > this.nowMs();
    // Re-deriving the hash costs 1,000 MD5 rounds (well under a millisecond) and tells a changed password apart.
    if (fresh && passwordHashFor(credential, cached.salt) === cached.keys.passwordHash) return cached;
    this.byRig.delete(rigKey);
    return null;
  }

  private async freshToken(rigKey: string, target: PrivilegedTarget, signal: AbortSignal): Promise<PrivilegedKeys> {
    // pyasic asks {"command":"get_token"}, the Foreman agent {"cmd":"get_token"}; the firmware takes both.
    const reply = await askCgminer(target.host, target.port, 'get_token', target.timeoutMs, signal);
    if (!reply.ok) {
      if (reply.error.code !== 'RIG_ERROR') throw reply.error;
      // "token over max times" (code 136): one address may hold 32 tokens (Whatsminer API 2.0.5, "Protocol").
      if (/max/i.test(reply.error.message)) {
        throw new RigwiseError(
          'RIG_ERROR',
          'The rig has handed this computer its maximum of API tokens; try again in 30 minutes.',
        );
      }
      throw new RigwiseError(
        'RIG_ERROR',
        `The rig would not hand out an API token: ${reply.error.message} Its firmware may speak only Whatsminer API ` +
          'v3 (TCP 4433), which Rigwise does not drive yet.',
      );
    }
    const token = tokenFromReply(reply.value);
    if (token instanceof RigwiseError) throw token;
    const keys = deriveKeys(target.credential, token);
    this.byRig.set(rigKey, { salt: token.salt, keys, expiresAtMs: this.nowMs() + TOKEN_LIFETIME_MS });
    return keys;
  }
}
