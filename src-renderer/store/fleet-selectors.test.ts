import { describe, expect, it } from 'vitest';
import { makeRig, makeSnapshot } from '../test-support/rig-fixtures.js';
import { countByStatusFilter, hottestRig, matchesText, sortRigs, visibleRigs } from './fleet-selectors.js';
import type { FleetQuery } from './fleet-selectors.js';

const fast = makeRig('127.0.9.12', {
  name: 'S19 rack B',
  snapshot: makeSnapshot({ hashrateThs: 110, maxChipTempC: 80 }),
});
const slow = makeRig('127.0.9.9', {
  name: 'S9 rack A',
  snapshot: makeSnapshot({ hashrateThs: 13.5, maxChipTempC: 91 }),
});
const down = makeRig('127.0.9.100', { name: 'dead one', status: 'down', snapshot: makeSnapshot({ hashrateThs: 95 }) });
const broken = makeRig('127.0.9.50', { name: 'garbled', status: 'error' });
const rigs = [fast, slow, down, broken];

const ids = (list: readonly { id: string }[]) => list.map((rig) => rig.id);

describe('sortRigs', () => {
  it('sorts addresses numerically, not as text', () => {
    expect(ids(sortRigs(rigs, { key: 'address', direction: 'asc' }))).toEqual([slow.id, fast.id, broken.id, down.id]);
  });

  it('sorts by hashrate in either direction with rigs that have no figure last', () => {
    const descending = sortRigs(rigs, { key: 'hashrate', direction: 'desc' });
    expect(ids(descending).slice(0, 2)).toEqual([fast.id, slow.id]);
    const ascending = sortRigs(rigs, { key: 'hashrate', direction: 'asc' });
    expect(ids(ascending).slice(0, 2)).toEqual([slow.id, fast.id]);
    // The down rig's stale 95 TH/s is not a live figure, so it sorts with the missing ones, by address.
    expect(ids(ascending).slice(2)).toEqual([broken.id, down.id]);
  });

  it('sorts names in natural order', () => {
    const named = [makeRig('127.0.9.1', { name: 'rig 10' }), makeRig('127.0.9.2', { name: 'rig 9' })];
    expect(sortRigs(named, { key: 'name', direction: 'asc' }).map((rig) => rig.name)).toEqual(['rig 9', 'rig 10']);
  });

  it('puts trouble first when sorting by status descending', () => {
    expect(ids(sortRigs(rigs, { key: 'status', direction: 'desc' })).slice(0, 2)).toEqual([down.id, broken.id]);
  });

  it('does not reorder the list it was given', () => {
    const input = [fast, slow];
    sortRigs(input, { key: 'address', direction: 'asc' });
    expect(input).toEqual([fast, slow]);
  });
});

describe('filtering', () => {
  it('matches every typed word against name, model, address and pool, ignoring case', () => {
    expect(matchesText(fast, 'rack b')).toBe(true);
    expect(matchesText(fast, 's19 127.0.9.12')).toBe(true);
    expect(matchesText(fast, 'POOL.EXAMPLE')).toBe(true);
    expect(matchesText(fast, 'rack z')).toBe(false);
  });

  it('combines the status filter, the text filter and the sort', () => {
    const query: FleetQuery = { sort: { key: 'hashrate', direction: 'desc' }, filterText: 'rack', statusFilter: 'up' };
    expect(ids(visibleRigs(rigs, query))).toEqual([fast.id, slow.id]);
    expect(ids(visibleRigs(rigs, { ...query, filterText: '', statusFilter: 'down' }))).toEqual([down.id]);
  });
});

describe('fleet counts', () => {
  it('counts rigs per status filter', () => {
    expect(countByStatusFilter(rigs)).toEqual({ all: 4, up: 2, down: 1, error: 1 });
  });

  it('finds the up rig with the hottest chip and ignores stale readings', () => {
    const staleHot = makeRig('127.0.9.7', { status: 'down', snapshot: makeSnapshot({ maxChipTempC: 120 }) });
    expect(hottestRig([...rigs, staleHot])?.id).toBe(slow.id);
    expect(hottestRig([])).toBeNull();
  });
});
