import { describe, expect, it } from 'vitest';
import { digestAuthorization, digestResponse, parseDigestChallenge, type DigestChallenge } from './digest.js';

// RFC 2617 section 3.5, the example exchange (the password is "Circle Of Life", per the RFC's errata).
const RFC2617_HEADER =
  'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
  'opaque="5ccc069c403ebaf9f0171e9517f40e41"';
const MUFASA = { username: 'Mufasa', password: 'Circle Of Life' };
const INDEX = { method: 'GET', uri: '/dir/index.html' };

// RFC 7616 section 3.9.1, the same request answered with MD5 and with SHA-256 (password "Circle of Life").
const RFC7616_CHALLENGE = (algorithm: DigestChallenge['algorithm']): DigestChallenge => ({
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  qop: 'auth',
  algorithm,
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
});
const RFC7616_CNONCE = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';

describe('parseDigestChallenge', () => {
  it('reads realm, nonce, opaque and picks qop=auth out of "auth,auth-int" (RFC 2617 example)', () => {
    expect(parseDigestChallenge(RFC2617_HEADER)).toEqual({
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      qop: 'auth',
      algorithm: 'MD5',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
    });
  });

  it('reads the Antminer realm with its space and a Digest challenge listed after a Basic one', () => {
    const header = 'Basic realm="x", Digest realm="antMiner Configuration", nonce="abc", qop="auth"';
    expect(parseDigestChallenge(header)).toMatchObject({ realm: 'antMiner Configuration', nonce: 'abc', qop: 'auth' });
  });

  it('keeps escaped quotes and commas inside quoted values', () => {
    const challenge = parseDigestChallenge('Digest realm="a \\"b\\", c", nonce="n1"');
    expect(challenge?.realm).toBe('a "b", c');
    expect(challenge?.qop).toBeNull();
  });

  it('answers null for Basic-only, nonce-less, auth-int-only, unknown-algorithm and oversized challenges', () => {
    expect(parseDigestChallenge('Basic realm="antMiner"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="r"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", algorithm=SHA-512-256')).toBeNull();
    expect(parseDigestChallenge(`Digest realm="${'r'.repeat(4000)}", nonce="n"`)).toBeNull();
    expect(parseDigestChallenge(null)).toBeNull();
  });
});

describe('digestResponse', () => {
  it('matches the RFC 2617 example response for Mufasa', () => {
    const challenge = parseDigestChallenge(RFC2617_HEADER);
    if (!challenge) throw new Error('challenge not parsed');
    const response = digestResponse({
      challenge,
      credentials: MUFASA,
      request: INDEX,
      cnonce: '0a4f113b',
      nc: '00000001',
    });
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches the RFC 7616 MD5 and SHA-256 example responses', () => {
    const input = {
      credentials: { username: 'Mufasa', password: 'Circle of Life' },
      request: INDEX,
      cnonce: RFC7616_CNONCE,
      nc: '00000001',
    };
    expect(digestResponse({ ...input, challenge: RFC7616_CHALLENGE('MD5') })).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(digestResponse({ ...input, challenge: RFC7616_CHALLENGE('SHA-256') })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  it('changes with the password, so a wrong password cannot pass', () => {
    const challenge = parseDigestChallenge(RFC2617_HEADER);
    if (!challenge) throw new Error('challenge not parsed');
    const wrong = digestResponse({
      challenge,
      credentials: { username: 'Mufasa', password: 'circle of life' },
      request: INDEX,
      cnonce: '0a4f113b',
      nc: '00000001',
    });
    expect(wrong).not.toBe('6629fae49393a05397450978507c4ef1');
  });
});

describe('digestAuthorization', () => {
  it('builds the RFC 2617 Authorization header fields, without the password', () => {
    const challenge = parseDigestChallenge(RFC2617_HEADER);
    if (!challenge) throw new Error('challenge not parsed');
    const header = digestAuthorization({
      challenge,
      credentials: MUFASA,
      request: INDEX,
      cnonce: '0a4f113b',
      nc: '00000001',
    });
    expect(header).toBe(
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
        'uri="/dir/index.html", algorithm=MD5, response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, ' +
        'cnonce="0a4f113b", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(header).not.toContain('Circle');
  });
});
