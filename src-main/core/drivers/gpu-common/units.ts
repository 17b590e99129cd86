// Hashrate units as the GPU miners spell them, mapped onto src-shared/units.ts so the conversion itself lives in one
// place. Spellings seen in real replies (PROTOCOLS.md A7): lolMiner "sol/s" and "mh/s" (Session.Performance_Unit),
// GMiner "Sol/s" (speedUnit); Foreman's lolMiner parser (foreman-lolminer .../v6/PerformanceUnit.java) adds "h/s",
// "kh/s", "gh/s" and "g/s". T-Rex and SRBMiner send plain H/s with no unit field (HiveOS h-stats.sh: hs_units "hs").
import { toTerahash, type HashrateUnit } from '../../../../src-shared/units.js';
import { numberField, stringField } from '../fields.js';

const PREFIXES: Record<string, HashrateUnit> = { '': 'H', k: 'KH', m: 'MH', g: 'GH', t: 'TH', p: 'PH' };

/**
 * Equihash miners count solutions ("Sol/s") and Cuckoo miners count graphs ("g/s"), not hashes. One solution or
 * graph is read as one hash: the figure is only ever compared with rigs mining the same algorithm, where the ratio is
 * what matters, and it keeps every rate in one TH/s column (Foreman does the same, multiplier 1).
 */
const PER_ITEM_UNITS = new Set(['sol/s', 'sols/s', 'g/s', 'graph/s', 'graphs/s']);

/** The unit of a miner's "Sol/s", "mh/s", "KH/s"... or null for a spelling we do not know (never guessed). */
export function parseHashUnit(value: unknown): HashrateUnit | null {
  const text = stringField(value, 16)?.replace(/\s+/g, '').toLowerCase();
  if (text === undefined) return null;
  if (PER_ITEM_UNITS.has(text)) return 'H';
  const match = /^([kmgtp]?)h\/?s$/.exec(text);
  return match ? (PREFIXES[match[1] ?? ''] ?? null) : null;
}

/** A rate field in the given unit as TH/s; null when the field is absent, not a number, negative, or the unit unknown. */
export function rateThs(value: unknown, unit: HashrateUnit | null): number | null {
  const rate = numberField(value);
  if (rate === null || rate < 0 || unit === null) return null;
  return toTerahash(rate, unit);
}
