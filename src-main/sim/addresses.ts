// Loopback addressing. Linux routes all of 127.0.0.0/8 to the local machine, so every virtual rig can have its own
// address and listen on the real API port, like rigs on a farm LAN. The simulator must never bind or talk outside
// 127.0.0.0/8: these helpers are the one place addresses are made, and they refuse anything else.

import { ipv4ToNumber, numberToIpv4 } from '../../src-shared/ipv4.js';

const LOOPBACK_FIRST = 0x7f000000; // 127.0.0.0
const LOOPBACK_LAST = 0x7fffffff; // 127.255.255.255

export function isLoopbackAddress(address: string): boolean {
  const value = ipv4ToNumber(address);
  return value !== null && value >= LOOPBACK_FIRST && value <= LOOPBACK_LAST;
}

/** Throws unless the address is an IPv4 address inside 127.0.0.0/8. */
export function assertLoopback(address: string): void {
  if (!isLoopbackAddress(address)) {
    throw new RangeError(`the simulator only uses 127.0.0.0/8 addresses, got "${address}"`);
  }
}

/**
 * Addresses ending in .0 or .255 are skipped: on a real /24 farm LAN they are the network and broadcast addresses,
 * never a rig, and a scanner that skips them must still find every simulated rig.
 */
function isHostLike(value: number): boolean {
  const last = value % 256;
  return last !== 0 && last !== 255;
}

/**
 * `count` consecutive loopback host addresses from `first` (127.0.1.10, 127.0.1.11, ... 127.0.1.254, 127.0.2.1,
 * ...). Throws if `first` is not loopback or the run would leave 127.0.0.0/8.
 */
export function loopbackHosts(first: string, count: number): string[] {
  assertLoopback(first);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  const hosts: string[] = [];
  let value = ipv4ToNumber(first) ?? LOOPBACK_FIRST;
  while (hosts.length < count) {
    if (value > LOOPBACK_LAST) {
      throw new RangeError(`${count} addresses from ${first} would leave 127.0.0.0/8`);
    }
    if (isHostLike(value)) hosts.push(numberToIpv4(value));
    value += 1;
  }
  return hosts;
}
