// The firmware side of Whatsminer API v2 privileged commands (PROTOCOLS.md A4): the rig's admin password is hashed
// with a salt of its own (get_token Msg.salt, constant per rig), every get_token issues a fresh time and newsalt, and
// a command is accepted only when it decrypts, with the key of the rig's password, to JSON whose "token" is the sign
// of a live token. Tokens live 30 minutes and one client address may hold 32 of them (Whatsminer API 2.0.5,
// "Protocol"). The cryptography is the driver's, proven against a real exchange (drivers/whatsminer/cipher.test.ts).
import {
  aesKeyFor,
  decryptText,
  encryptText,
  hostSignFor,
  passwordHashFor,
  type TokenParts,
} from '../../core/drivers/whatsminer/cipher.js';
import { mixSeed, mulberry32 } from '../random.js';

export const TOKEN_LIFETIME_MS = 30 * 60_000;
export const MAX_TOKENS_PER_CLIENT = 32;
const SALT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

interface LiveToken {
  sign: string;
  client: string;
  expiresAtMs: number;
}

export type DecodedCommand =
  | { kind: 'command'; command: Record<string, unknown> }
  /** Not base64 of whole AES blocks: code 137. */
  | { kind: 'bad-base64' }
  /** Decrypts to noise (another key: a wrong password) or carries no live token: code 135. */
  | { kind: 'bad-token' };

function saltFrom(next: () => number): string {
  let salt = '';
  for (let index = 0; index < 8; index += 1) salt += SALT_ALPHABET[Math.floor(next() * SALT_ALPHABET.length)] ?? '.';
  return salt;
}

export class TokenDesk {
  /** The salt of the rig's own password hash, as get_token reports it. */
  readonly salt: string;
  private passwordHash: string;
  private aesKey: Buffer;
  private live: LiveToken[] = [];
  private issued = 0;

  constructor(
    private readonly seed: number,
    adminPassword: string,
  ) {
    this.salt = saltFrom(mulberry32(mixSeed(seed, 0x5a17)));
    this.passwordHash = passwordHashFor(adminPassword, this.salt);
    this.aesKey = aesKeyFor(this.passwordHash);
  }

  /** A new token for `client`, or null when it already holds the maximum ("token over max times"). */
  issue(client: string, nowMs: number): TokenParts | null {
    this.forgetExpired(nowMs);
    if (this.live.filter((token) => token.client === client).length >= MAX_TOKENS_PER_CLIENT) return null;
    this.issued += 1;
    // "time" is four digits (the real token: "6915"); a Telegram-era client reads it as the tail of the clock.
    const time = String(Math.floor(nowMs / 1000) % 10_000).padStart(4, '0');
    const token = { time, salt: this.salt, newSalt: saltFrom(mulberry32(mixSeed(this.seed, 0x70c, this.issued))) };
    this.live.push({ sign: hostSignFor(this.passwordHash, token), client, expiresAtMs: nowMs + TOKEN_LIFETIME_MS });
    return token;
  }

  decode(data: unknown, nowMs: number): DecodedCommand {
    this.forgetExpired(nowMs);
    if (typeof data !== 'string') return { kind: 'bad-base64' };
    const plaintext = decryptText(data, this.aesKey);
    if (plaintext === null) return { kind: 'bad-base64' };
    let command: unknown;
    try {
      command = JSON.parse(plaintext);
    } catch {
      return { kind: 'bad-token' };
    }
    if (typeof command !== 'object' || command === null || Array.isArray(command)) return { kind: 'bad-token' };
    const sign = (command as Record<string, unknown>)['token'];
    if (!this.live.some((token) => token.sign === sign)) return { kind: 'bad-token' };
    return { kind: 'command', command: command as Record<string, unknown> };
  }

  /** {"enc":"<base64>"}: a privileged reply, encrypted with the key of the rig's password. */
  encryptReply(replyJson: string): string {
    return JSON.stringify({ enc: encryptText(replyJson, this.aesKey) });
  }

  /** How many tokens were handed out since the rig started, for tests of token reuse. */
  get issuedCount(): number {
    return this.issued;
  }

  /** A restart of btminer forgets every token (the driver must fetch a new one). */
  forgetAll(): void {
    this.live = [];
  }

  private forgetExpired(nowMs: number): void {
    this.live = this.live.filter((token) => token.expiresAtMs > nowMs);
  }
}
