import { describe, expect, it } from 'vitest';
import { assertLoopback, isLoopbackAddress, loopbackHosts } from './addresses.js';

describe('loopback addresses', () => {
  it('counts up from the first address', () => {
    expect(loopbackHosts('127.0.1.10', 3)).toEqual(['127.0.1.10', '127.0.1.11', '127.0.1.12']);
  });

  it('carries into the next octet and skips .255 and .0', () => {
    expect(loopbackHosts('127.0.1.253', 4)).toEqual(['127.0.1.253', '127.0.1.254', '127.0.2.1', '127.0.2.2']);
    expect(loopbackHosts('127.0.255.254', 2)).toEqual(['127.0.255.254', '127.1.0.1']);
  });

  it('refuses a start outside 127.0.0.0/8', () => {
    expect(() => loopbackHosts('192.168.1.10', 1)).toThrow(/127\.0\.0\.0\/8/);
    expect(() => loopbackHosts('127.0.1', 1)).toThrow(RangeError);
    expect(() => assertLoopback('128.0.0.1')).toThrow(RangeError);
  });

  it('refuses a run that would leave 127.0.0.0/8', () => {
    expect(() => loopbackHosts('127.255.255.250', 10)).toThrow(/leave 127\.0\.0\.0\/8/);
  });

  it('recognises loopback addresses only', () => {
    expect(isLoopbackAddress('127.0.60.1')).toBe(true);
    expect(isLoopbackAddress('127.256.0.1')).toBe(false);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress('localhost')).toBe(false);
  });
});
