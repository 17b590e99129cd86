import { describe, expect, it } from 'vitest';
import { ipv4ToNumber, numberToIpv4 } from './ipv4.js';

describe('ipv4', () => {
  it('turns an address into a number that sorts like the address and back', () => {
    expect(ipv4ToNumber('127.0.1.9')).toBeLessThan(ipv4ToNumber('127.0.1.12') ?? 0);
    expect(numberToIpv4(ipv4ToNumber('127.255.0.1') ?? 0)).toBe('127.255.0.1');
    expect(numberToIpv4(ipv4ToNumber('255.255.255.255') ?? 0)).toBe('255.255.255.255');
  });

  it('refuses what is not four octets of 0-255', () => {
    for (const bad of ['127.0.1', '127.0.1.256', '127.0.1.-1', 'miner-7.local', '1.2.3.4.5', '', '127.0.1.1a']) {
      expect(ipv4ToNumber(bad), bad).toBeNull();
    }
  });
});
