// Server side of HTTP Digest authentication (RFC 2617, MD5, qop=auth), as the Antminer's lighttpd does it: every CGI
// asks for user "root" in realm "antMiner Configuration" (the realm Foreman's AntminerDetectITest validates; pyasic
// detects Antminers by `realm="antMiner` in the 401). Written independently of the driver's client so a test of one
// against the other checks both. Nonces are seeded and remembered for a while, like a real server's.
import { createHash } from 'node:crypto';

export const ANTMINER_REALM = 'antMiner Configuration';
const REMEMBERED_NONCES = 64;

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** name=value and name="quoted, value" pairs of an Authorization header. */
function headerParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const match of header.matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
    if (name && !params.has(name)) params.set(name, value);
  }
  return params;
}

export class DigestGuard {
  private readonly nonces: string[] = [];

  constructor(
    private readonly username: string,
    private readonly password: () => string,
    private readonly random: () => number,
    readonly realm: string = ANTMINER_REALM,
  ) {}

  /** A fresh WWW-Authenticate value. */
  challenge(): string {
    let nonce = '';
    for (let index = 0; index < 4; index += 1)
      nonce += Math.floor(this.random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    this.nonces.push(nonce);
    if (this.nonces.length > REMEMBERED_NONCES) this.nonces.shift();
    return `Digest realm="${this.realm}", nonce="${nonce}", qop="auth", algorithm=MD5`;
  }

  /** Whether the Authorization header answers one of our challenges for this request with the right password. */
  accepts(method: string, uri: string, header: string | undefined): boolean {
    if (!header || header.length > 4096 || !/^Digest\s/i.test(header)) return false;
    const params = headerParams(header.slice(6));
    const nonce = params.get('nonce') ?? '';
    if (params.get('username') !== this.username || params.get('realm') !== this.realm) return false;
    if (!this.nonces.includes(nonce) || params.get('uri') !== uri) return false;
    const algorithm = (params.get('algorithm') ?? 'MD5').toUpperCase();
    if (algorithm !== 'MD5') return false;
    const ha1 = md5(`${this.username}:${this.realm}:${this.password()}`);
    const ha2 = md5(`${method}:${uri}`);
    const qop = params.get('qop');
    const expected =
      qop === 'auth'
        ? md5(`${ha1}:${nonce}:${params.get('nc') ?? ''}:${params.get('cnonce') ?? ''}:auth:${ha2}`)
        : md5(`${ha1}:${nonce}:${ha2}`);
    return params.get('response') === expected;
  }
}
