import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random.js';
import { ANTMINER_REALM, DigestGuard } from './digest-guard.js';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** An Authorization header computed by hand from RFC 2617 3.2.2. */
function answer(challenge: string, password: string, uri: string, method = 'GET'): string {
  const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1] ?? '';
  const ha1 = md5(`root:${ANTMINER_REALM}:${password}`);
  const response = md5(`${ha1}:${nonce}:00000001:c0ffee:auth:${md5(`${method}:${uri}`)}`);
  return (
    `Digest username="root", realm="${ANTMINER_REALM}", nonce="${nonce}", uri="${uri}", algorithm=MD5, ` +
    `response="${response}", qop=auth, nc=00000001, cnonce="c0ffee"`
  );
}

describe('DigestGuard', () => {
  const guard = new DigestGuard('root', () => 'root', mulberry32(7));
  const uri = '/cgi-bin/get_miner_conf.cgi';

  it('challenges with the Antminer realm, qop=auth and MD5', () => {
    expect(guard.challenge()).toMatch(
      /^Digest realm="antMiner Configuration", nonce="[0-9a-f]{32}", qop="auth", algorithm=MD5$/,
    );
  });

  it('accepts the right password for the challenged request', () => {
    expect(guard.accepts('GET', uri, answer(guard.challenge(), 'root', uri))).toBe(true);
  });

  it('refuses a wrong password, another path, another method, an unknown nonce and no header', () => {
    expect(guard.accepts('GET', uri, answer(guard.challenge(), 'admin', uri))).toBe(false);
    expect(guard.accepts('GET', '/cgi-bin/reboot.cgi', answer(guard.challenge(), 'root', uri))).toBe(false);
    expect(guard.accepts('POST', uri, answer(guard.challenge(), 'root', uri))).toBe(false);
    expect(guard.accepts('GET', uri, answer('nonce="feedface"', 'root', uri))).toBe(false);
    expect(guard.accepts('GET', uri, undefined)).toBe(false);
  });
});
