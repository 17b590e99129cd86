// Parses what an operator types as a scan range: a CIDR block ("192.0.2.0/24"), a first-last pair
// ("127.0.1.10-127.0.1.60", or "127.0.1.10-60" with the last octet only) or a single address. Anything wider than a
// /16 is refused: a /8 would take hours and looks like a typo.
import { RigwiseError } from '../../../src-shared/api/errors.js';
import { ipv4ToNumber, numberToIpv4 } from '../../../src-shared/ipv4.js';

export const MAX_RANGE_ADDRESSES = 65_536;

export interface AddressRange {
  /** Inclusive, as 32-bit unsigned integers. */
  first: number;
  last: number;
  size: number;
  label: string;
}

function invalid(text: string, why: string): RigwiseError {
  return new RigwiseError(
    'INVALID_RANGE',
    `"${text}" is not a scan range (${why}). Use a CIDR block like 192.168.1.0/24 or a range like 192.168.1.10-192.168.1.60.`,
  );
}

function parseCidr(text: string, address: string, prefixText: string): AddressRange {
  const base = ipv4ToNumber(address);
  if (base === null) throw invalid(text, `${address} is not an IPv4 address`);
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) throw invalid(text, 'the prefix must be 0 to 32');
  const prefix = Number(prefixText);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(base / size) * size;
  // The network and broadcast addresses of a /30 or wider block hold no host.
  const hostsOnly = prefix <= 30;
  const first = hostsOnly ? network + 1 : network;
  const last = hostsOnly ? network + size - 2 : network + size - 1;
  return { first, last, size: last - first + 1, label: `${numberToIpv4(network)}/${prefix}` };
}

function parseSpan(text: string, firstText: string, lastText: string): AddressRange {
  const first = ipv4ToNumber(firstText);
  if (first === null) throw invalid(text, `${firstText} is not an IPv4 address`);
  let last = ipv4ToNumber(lastText);
  if (last === null && /^\d{1,3}$/.test(lastText.trim()) && Number(lastText) <= 255) {
    last = Math.floor(first / 256) * 256 + Number(lastText);
  }
  if (last === null) throw invalid(text, `${lastText} is not an IPv4 address or a last octet`);
  if (last < first) throw invalid(text, 'the last address comes before the first');
  return { first, last, size: last - first + 1, label: `${numberToIpv4(first)}-${numberToIpv4(last)}` };
}

export function parseRange(input: string): AddressRange {
  const text = input.trim();
  if (text.length === 0) throw invalid(input, 'it is empty');
  const slash = text.split('/');
  const dash = text.split('-');
  let range: AddressRange;
  if (slash.length === 2) range = parseCidr(text, slash[0] ?? '', slash[1] ?? '');
  else if (dash.length === 2) range = parseSpan(text, dash[0] ?? '', dash[1] ?? '');
  else if (slash.length === 1 && dash.length === 1) range = parseSpan(text, text, text);
  else throw invalid(text, 'too many "/" or "-"');
  if (range.size > MAX_RANGE_ADDRESSES) {
    throw new RigwiseError(
      'RANGE_TOO_LARGE',
      `${range.label} holds ${range.size.toLocaleString('en-US')} addresses; Rigwise scans at most a /16 (65,536) at once. Split it into smaller ranges.`,
    );
  }
  return range;
}

export function* addressesOf(range: AddressRange): Generator<string> {
  for (let value = range.first; value <= range.last; value += 1) yield numberToIpv4(value);
}
