import { describe, expect, it } from 'vitest';
import { makeAuditEntry } from '../../test-support/control-fixtures.js';
import { makeRig } from '../../test-support/rig-fixtures.js';
import { rigsByIdFromList } from '../../store/fleet-changes.js';
import { countByResult, filterAudit, rigOptions } from './audit-filter.js';

const entries = [
  makeAuditEntry({ id: '4', rigId: 'r1', result: 'rolled-back' }),
  makeAuditEntry({ id: '3', rigId: 'r2', result: 'applied' }),
  makeAuditEntry({ id: '2', rigId: 'r1', result: 'applied' }),
  makeAuditEntry({ id: '1', rigId: 'r1', result: 'started' }),
];
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((entry) => entry.id);

describe('audit filters', () => {
  it('show everything, in the same array, when nothing is filtered', () => {
    expect(filterAudit(entries, { rigId: null, result: 'all' })).toBe(entries);
  });

  it('filter by rig, by result, or both, keeping newest first', () => {
    expect(ids(filterAudit(entries, { rigId: 'r1', result: 'all' }))).toEqual(['4', '2', '1']);
    expect(ids(filterAudit(entries, { rigId: null, result: 'applied' }))).toEqual(['3', '2']);
    expect(ids(filterAudit(entries, { rigId: 'r1', result: 'applied' }))).toEqual(['2']);
  });

  it("count each result within the rig filter, so the buttons' numbers match the list", () => {
    expect(countByResult(entries, 'r1')).toMatchObject({ all: 3, applied: 1, 'rolled-back': 1, started: 1, failed: 0 });
    expect(countByResult(entries, null).all).toBe(4);
  });

  it('offer every fleet rig and any removed rig still in the log, by name', () => {
    const fleet = rigsByIdFromList([makeRig('127.0.9.2', { name: 'B-2' }), makeRig('127.0.9.10', { name: 'B-10' })]);
    const log = [makeAuditEntry({ rigId: 'gone:4028', rigName: 'A-1' })];
    expect(rigOptions(log, fleet)).toEqual([
      { rigId: 'gone:4028', name: 'A-1', removed: true },
      { rigId: '127.0.9.2:4028', name: 'B-2', removed: false },
      { rigId: '127.0.9.10:4028', name: 'B-10', removed: false },
    ]);
  });
});
