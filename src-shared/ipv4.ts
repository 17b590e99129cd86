// IPv4 addresses as numbers: for scan ranges, the simulator's loopback addresses and sorting rigs by address. One
// parser, so "127.0.1.256" or "1.2.3" is refused the same way everywhere.

/** "127.0.1.12" -> 2130706700; null for anything that is not four decimal octets of 0-255 (host names included). */
export function ipv4ToNumber(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function numberToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
