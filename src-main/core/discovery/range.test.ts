import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../src-shared/api/errors.js';
import { addressesOf, parseRange } from './range.js';

function codeOf(input: string): string | null {
  try {
    parseRange(input);
    return null;
  } catch (error) {
    return error instanceof RigwiseError ? error.code : 'not a RigwiseError';
  }
}

describe('parseRange', () => {
  it('reads a /24 as its 254 host addresses, without network and broadcast', () => {
    const range = parseRange('127.0.1.0/24');
    expect(range.size).toBe(254);
    const hosts = [...addressesOf(range)];
    expect(hosts[0]).toBe('127.0.1.1');
    expect(hosts.at(-1)).toBe('127.0.1.254');
  });

  it('normalises a CIDR written with a host address to its network', () => {
    expect(parseRange('127.0.1.77/24').label).toBe('127.0.1.0/24');
  });

  it('keeps both addresses of a /31 and the one of a /32', () => {
    expect([...addressesOf(parseRange('127.0.1.10/31'))]).toEqual(['127.0.1.10', '127.0.1.11']);
    expect([...addressesOf(parseRange('127.0.1.10/32'))]).toEqual(['127.0.1.10']);
  });

  it('reads first-last ranges, with a full last address or a last octet', () => {
    expect([...addressesOf(parseRange('127.0.1.10-127.0.1.12'))]).toEqual(['127.0.1.10', '127.0.1.11', '127.0.1.12']);
    expect(parseRange('127.0.1.10-60').size).toBe(51);
    expect(parseRange(' 127.0.1.250-127.0.2.5 ').size).toBe(12);
  });

  it('reads a single address as a range of one', () => {
    expect([...addressesOf(parseRange('127.0.1.9'))]).toEqual(['127.0.1.9']);
  });

  it('accepts a /16 and refuses anything wider with RANGE_TOO_LARGE', () => {
    expect(parseRange('127.1.0.0/16').size).toBe(65_534);
    expect(codeOf('127.0.0.0/15')).toBe('RANGE_TOO_LARGE');
    expect(codeOf('127.0.0.0-127.1.0.0')).toBe('RANGE_TOO_LARGE');
  });

  it('says why a range is malformed', () => {
    for (const bad of [
      '',
      '127.0.1',
      '127.0.1.256/24',
      '127.0.1.0/33',
      '127.0.1.20-127.0.1.10',
      'rigs',
      '1.2.3.4/24/8',
      '127.0.1.0/2a',
    ]) {
      expect(codeOf(bad), bad).toBe('INVALID_RANGE');
    }
  });
});
