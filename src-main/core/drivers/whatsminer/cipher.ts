// The cryptography of Whatsminer API v2 privileged commands, as PROTOCOLS.md A4 lays it out (from pyasic
// pyasic/rpc/btminer.py: get_token, create_privileged_cmd, parse_btminer_priviledge_data; the same steps in the
// Whatsminer API 2.0.5 document, "API ciphertext"):
//   pwd_hash  = md5_crypt(password, salt).split('$')[3]          constant per rig and password: salt is the rig's
//   host_sign = md5_crypt(pwd_hash + time, newsalt).split('$')[3] the token, fresh from every get_token
//   key       = sha256(pwd_hash), AES-256-ECB, plaintext zero-padded to 16 bytes, base64 on the wire.
// Proven against a real encrypted exchange (Foreman WhatsminerChangePoolsITest) in cipher.test.ts. ECB leaks
// repeated blocks; that is the firmware's choice and nothing a client can change.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { md5CryptHash } from './md5-crypt.js';

export interface TokenParts {
  /** get_token Msg.time: a short digit string ("6915"). */
  time: string;
  /** Msg.salt: the salt of the rig's own admin password hash. */
  salt: string;
  /** Msg.newsalt: fresh per token. */
  newSalt: string;
}

export interface PrivilegedKeys {
  /** md5-crypt of the password with the rig's salt: a password equivalent, never logged or shown. */
  passwordHash: string;
  aesKey: Buffer;
  /** The "token" field every privileged command carries. */
  hostSign: string;
}

const BLOCK_BYTES = 16;
/** Privileged replies are one short status line; anything much larger is not one. */
const MAX_ENCRYPTED_CHARS = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function passwordHashFor(password: string, salt: string): string {
  return md5CryptHash(password, salt);
}

export function aesKeyFor(passwordHash: string): Buffer {
  return createHash('sha256').update(passwordHash, 'utf8').digest();
}

export function hostSignFor(passwordHash: string, token: Pick<TokenParts, 'time' | 'newSalt'>): string {
  return md5CryptHash(passwordHash + token.time, token.newSalt);
}

export function deriveKeys(password: string, token: TokenParts): PrivilegedKeys {
  const passwordHash = passwordHashFor(password, token.salt);
  return { passwordHash, aesKey: aesKeyFor(passwordHash), hostSign: hostSignFor(passwordHash, token) };
}

/** NUL bytes up to a whole block, as pyasic's _add_to_16 does (none when the length is already a multiple of 16). */
function zeroPad(bytes: Buffer): Buffer {
  const rest = bytes.length % BLOCK_BYTES;
  return rest === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(BLOCK_BYTES - rest)]);
}

/** AES-256-ECB, zero padding, base64 with no line breaks. */
export function encryptText(plaintext: string, aesKey: Buffer): string {
  const cipher = createCipheriv('aes-256-ecb', aesKey, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(zeroPad(Buffer.from(plaintext, 'utf8'))), cipher.final()]).toString('base64');
}

/**
 * The plaintext of a base64 AES-256-ECB message with its NUL padding removed, or null when the text is not base64 of
 * whole blocks (or too big): decryption of a hostile reply never throws.
 */
export function decryptText(base64: string, aesKey: Buffer): string | null {
  const compact = base64.replace(/[\r\n]/g, '');
  if (compact.length === 0 || compact.length > MAX_ENCRYPTED_CHARS || !BASE64.test(compact)) return null;
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0 || bytes.length % BLOCK_BYTES !== 0) return null;
  const decipher = createDecipheriv('aes-256-ecb', aesKey, null);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end -= 1;
  return plain.subarray(0, end).toString('utf8');
}

/** The wire form of a privileged command: {"enc":1,"data":"<base64>"} with the token inside the ciphertext. */
export function privilegedRequest(command: Readonly<Record<string, string>>, keys: PrivilegedKeys): string {
  const plaintext = JSON.stringify({ ...command, token: keys.hostSign });
  return JSON.stringify({ enc: 1, data: encryptText(plaintext, keys.aesKey) });
}
