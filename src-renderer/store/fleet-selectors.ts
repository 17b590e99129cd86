import { ipv4ToNumber } from '../../src-shared/ipv4.js';
import type { Rig, RigStatus } from '../../src-shared/model/index.js';
import {
  STATUS_RANK,
  activePool,
  liveSnapshot,
  rigAddress,
  rigEfficiencyJPerTh,
  slowestFanRpm,
} from './rig-figures.js';

export type SortKey =
  | 'name'
  | 'model'
  | 'address'
  | 'hashrate'
  | 'chipTemp'
  | 'boardTemp'
  | 'fans'
  | 'power'
  | 'efficiency'
  | 'pool'
  | 'status'
  | 'uptime';
export type SortDirection = 'asc' | 'desc';
export interface FleetSort {
  key: SortKey;
  direction: SortDirection;
}
export type StatusFilter = 'all' | 'up' | 'down' | 'error';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'up', 'down', 'error'];

export interface FleetQuery {
  sort: FleetSort;
  filterText: string;
  statusFilter: StatusFilter;
}

type SortValue = string | number | null;

/** Rig objects are replaced, never mutated, so a rig's address key can be kept for as long as the object lives. */
const addressSortValues = new WeakMap<Rig, SortValue>();

/** Host and port as one number, so 127.0.9.9 sorts before 127.0.9.12; host names fall back to text. */
function addressSortValue(rig: Rig): SortValue {
  const cached = addressSortValues.get(rig);
  if (cached !== undefined) return cached;
  const ip = ipv4ToNumber(rig.identity.host);
  const value = ip === null ? rigAddress(rig) : ip * 65_536 + rig.identity.port;
  addressSortValues.set(rig, value);
  return value;
}

const SORT_VALUE: Readonly<Record<SortKey, (rig: Rig) => SortValue>> = {
  name: (rig) => rig.name,
  model: (rig) => rig.identity.model,
  address: addressSortValue,
  hashrate: (rig) => liveSnapshot(rig)?.hashrateThs ?? null,
  chipTemp: (rig) => liveSnapshot(rig)?.maxChipTempC ?? null,
  boardTemp: (rig) => liveSnapshot(rig)?.maxBoardTempC ?? null,
  fans: (rig) => {
    const snapshot = liveSnapshot(rig);
    return snapshot === null ? null : slowestFanRpm(snapshot);
  },
  power: (rig) => liveSnapshot(rig)?.powerW ?? null,
  efficiency: (rig) => {
    const snapshot = liveSnapshot(rig);
    return snapshot === null ? null : rigEfficiencyJPerTh(snapshot);
  },
  pool: (rig) => {
    const snapshot = liveSnapshot(rig);
    const pool = snapshot === null ? null : activePool(snapshot);
    return pool?.url ?? null;
  },
  status: (rig) => STATUS_RANK[rig.status],
  uptime: (rig) => liveSnapshot(rig)?.uptimeS ?? null,
};

/** Numbers open a column with the biggest first (hashrate, heat); text opens A to Z. */
export const DEFAULT_DIRECTION: Readonly<Record<SortKey, SortDirection>> = {
  name: 'asc',
  model: 'asc',
  address: 'asc',
  hashrate: 'desc',
  chipTemp: 'desc',
  boardTemp: 'desc',
  fans: 'asc',
  power: 'desc',
  efficiency: 'asc',
  pool: 'asc',
  status: 'desc',
  uptime: 'desc',
};

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return typeof a === 'number' ? -1 : 1;
}

/**
 * Sorted copy. Missing values (a down rig's hashrate) always go last whatever the direction, so flipping the sort
 * never buries the real figures under a block of dashes. Ties fall back to address so rows do not jump around.
 */
export function sortRigs(rigs: readonly Rig[], sort: FleetSort): Rig[] {
  const valueOf = SORT_VALUE[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const decorated = rigs.map((rig) => ({ rig, value: valueOf(rig), address: addressSortValue(rig) }));
  decorated.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else {
      const byValue = compareValues(a.value, b.value);
      if (byValue !== 0) return sign * byValue;
    }
    return compareValues(a.address, b.address);
  });
  return decorated.map((entry) => entry.rig);
}

export function matchesStatus(status: RigStatus, filter: StatusFilter): boolean {
  return filter === 'all' || status === filter;
}

/** Every word typed must appear in the rig's name, model, address or one of its pool URLs. */
export function matchesText(rig: Rig, filterText: string): boolean {
  const words = filterText.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const pools = rig.snapshot?.pools.map((pool) => pool.url) ?? [];
  const haystack = [rig.name, rig.identity.model, rigAddress(rig), ...pools].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function visibleRigs(rigs: readonly Rig[], query: FleetQuery): Rig[] {
  const filtered = rigs.filter(
    (rig) => matchesStatus(rig.status, query.statusFilter) && matchesText(rig, query.filterText),
  );
  return sortRigs(filtered, query.sort);
}

export type StatusCounts = Readonly<Record<StatusFilter, number>>;

export function countByStatusFilter(rigs: readonly Rig[]): StatusCounts {
  const counts = { all: rigs.length, up: 0, down: 0, error: 0 };
  for (const rig of rigs) {
    if (rig.status === 'up' || rig.status === 'down' || rig.status === 'error') counts[rig.status] += 1;
  }
  return counts;
}

/** Up rigs whose power figure is an estimate (firmware that meters nothing), so the power tile can say so. */
export function countEstimatedPower(rigs: readonly Rig[]): number {
  let count = 0;
  for (const rig of rigs) if (liveSnapshot(rig)?.powerIsEstimate === true) count += 1;
  return count;
}

/** The up rig with the hottest chip, for the tile that links to it. */
export function hottestRig(rigs: readonly Rig[]): Rig | null {
  let hottest: Rig | null = null;
  let hottestC = -Infinity;
  for (const rig of rigs) {
    const chipC = liveSnapshot(rig)?.maxChipTempC ?? null;
    if (chipC !== null && chipC > hottestC) {
      hottest = rig;
      hottestC = chipC;
    }
  }
  return hottest;
}
