// HTTP Digest authentication, client side: RFC 2617 (MD5, qop=auth) and its successor RFC 7616 (adds SHA-256 and the
// -sess variants). Stock Antminer web firmware (lighttpd) guards /cgi-bin/*.cgi with Digest, user "root", realm
// "antMiner Configuration" (PROTOCOLS.md A2; foreman-apps AntminerDetectITest; pyasic pyasic/web/antminer.py uses
// httpx.DigestAuth). Pure functions: the caller supplies the client nonce, so the RFC examples are exact test vectors.
import { createHash, randomBytes } from 'node:crypto';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  /** 'auth' when the server offers it; null for an RFC 2069-style challenge without qop. */
  qop: 'auth' | null;
  algorithm: DigestAlgorithm;
  opaque: string | null;
}

export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestRequestLine {
  method: string;
  /** The request-target as sent: path plus query ("/cgi-bin/get_miner_conf.cgi"). */
  uri: string;
}

/** A challenge header longer than this is not a real embedded web server's: refuse it rather than parse it. */
const MAX_CHALLENGE_LENGTH = 2048;
const ALGORITHMS: readonly DigestAlgorithm[] = ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess'];

/** Splits `a="x, y", b=z` into pairs, honouring quoted strings and backslash escapes (RFC 7230 quoted-string). */
function authParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /[\s,]/.test(text.charAt(index))) index += 1;
    const nameStart = index;
    while (index < text.length && /[A-Za-z0-9_-]/.test(text.charAt(index))) index += 1;
    const name = text.slice(nameStart, index).toLowerCase();
    while (index < text.length && text.charAt(index) === ' ') index += 1;
    if (name === '' || text.charAt(index) !== '=') {
      // Not a parameter (a following scheme name, or junk): skip to the next comma.
      while (index < text.length && text.charAt(index) !== ',') index += 1;
      continue;
    }
    index += 1;
    while (index < text.length && text.charAt(index) === ' ') index += 1;
    let value = '';
    if (text.charAt(index) === '"') {
      index += 1;
      while (index < text.length && text.charAt(index) !== '"') {
        if (text.charAt(index) === '\\' && index + 1 < text.length) index += 1;
        value += text.charAt(index);
        index += 1;
      }
      index += 1;
    } else {
      const valueStart = index;
      while (index < text.length && text.charAt(index) !== ',') index += 1;
      value = text.slice(valueStart, index).trim();
    }
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

/**
 * The Digest challenge in a WWW-Authenticate header, or null when there is none we can answer (Basic only, an
 * unknown algorithm, no nonce, or qop offered without "auth"). fetch() joins repeated headers with ", ", so the
 * Digest part is found by its scheme name.
 */
export function parseDigestChallenge(header: string | null): DigestChallenge | null {
  if (!header || header.length > MAX_CHALLENGE_LENGTH) return null;
  const match = /(?:^|[\s,])Digest\s+/i.exec(header);
  if (!match) return null;
  const params = authParams(header.slice(match.index + match[0].length));
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  if (realm === undefined || nonce === undefined || nonce === '') return null;
  const algorithmText = params.get('algorithm') ?? 'MD5';
  const algorithm = ALGORITHMS.find((name) => name.toLowerCase() === algorithmText.toLowerCase());
  if (!algorithm) return null;
  const qopText = params.get('qop');
  let qop: DigestChallenge['qop'] = null;
  if (qopText !== undefined) {
    const offered = qopText.split(',').map((item) => item.trim().toLowerCase());
    if (!offered.includes('auth')) return null;
    qop = 'auth';
  }
  return { realm, nonce, qop, algorithm, opaque: params.get('opaque') ?? null };
}

function hashHex(algorithm: DigestAlgorithm, text: string): string {
  return createHash(algorithm.startsWith('SHA-256') ? 'sha256' : 'md5')
    .update(text, 'utf8')
    .digest('hex');
}

export interface DigestResponseInput {
  challenge: DigestChallenge;
  credentials: DigestCredentials;
  request: DigestRequestLine;
  /** Client nonce: random in use, fixed in tests. */
  cnonce: string;
  /** Nonce count as 8 hex digits ("00000001"): how many times this nonce has been used. */
  nc: string;
}

/** The "response" value: KD(H(A1), nonce:nc:cnonce:qop:H(A2)) per RFC 2617 3.2.2.1, or without qop per RFC 2069. */
export function digestResponse(input: DigestResponseInput): string {
  const { challenge, credentials, request, cnonce, nc } = input;
  const { algorithm } = challenge;
  let ha1 = hashHex(algorithm, `${credentials.username}:${challenge.realm}:${credentials.password}`);
  if (algorithm.endsWith('-sess')) ha1 = hashHex(algorithm, `${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = hashHex(algorithm, `${request.method}:${request.uri}`);
  if (challenge.qop === null) return hashHex(algorithm, `${ha1}:${challenge.nonce}:${ha2}`);
  return hashHex(algorithm, `${ha1}:${challenge.nonce}:${nc}:${cnonce}:${challenge.qop}:${ha2}`);
}

/** A quoted-string: backslash-escape quotes and backslashes (RFC 7230 3.2.6). */
function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** The Authorization header value answering the challenge. */
export function digestAuthorization(input: DigestResponseInput): string {
  const { challenge, credentials, request, cnonce, nc } = input;
  const parts = [
    `username=${quoted(credentials.username)}`,
    `realm=${quoted(challenge.realm)}`,
    `nonce=${quoted(challenge.nonce)}`,
    `uri=${quoted(request.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${quoted(digestResponse(input))}`,
  ];
  if (challenge.qop !== null) parts.push(`qop=${challenge.qop}`, `nc=${nc}`, `cnonce=${quoted(cnonce)}`);
  if (challenge.opaque !== null) parts.push(`opaque=${quoted(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}

export function randomCnonce(): string {
  return randomBytes(12).toString('hex');
}
