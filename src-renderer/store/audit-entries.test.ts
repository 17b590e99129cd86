import { describe, expect, it } from 'vitest';
import { makeAuditEntry } from '../test-support/control-fixtures.js';
import { mergeAuditEntries } from './audit-entries.js';

const ids = (entries: ReadonlyArray<{ id: string }>) => entries.map((entry) => entry.id);

describe('mergeAuditEntries', () => {
  it('puts live entries on top', () => {
    const loaded = [makeAuditEntry({ id: 'b', at: 20 }), makeAuditEntry({ id: 'a', at: 10 })];
    expect(ids(mergeAuditEntries(loaded, [makeAuditEntry({ id: 'c', at: 30 })]))).toEqual(['c', 'b', 'a']);
  });

  it("slots an older page (one rig's history) in by time", () => {
    const loaded = [makeAuditEntry({ id: 'c', at: 30 }), makeAuditEntry({ id: 'a', at: 10 })];
    const page = [makeAuditEntry({ id: 'b', at: 20 }), makeAuditEntry({ id: 'z', at: 1 })];
    expect(ids(mergeAuditEntries(loaded, page))).toEqual(['c', 'b', 'a', 'z']);
  });

  it('keeps each entry once and returns the same list when nothing is new', () => {
    const loaded = [makeAuditEntry({ id: 'a' })];
    expect(mergeAuditEntries(loaded, [makeAuditEntry({ id: 'a' })])).toBe(loaded);
    expect(ids(mergeAuditEntries([], [makeAuditEntry({ id: 'x' }), makeAuditEntry({ id: 'x' })]))).toEqual(['x']);
  });

  it('keeps only the newest entries beyond the cap', () => {
    const entries = [1, 2, 3].map((at) => makeAuditEntry({ id: `e${at}`, at }));
    expect(ids(mergeAuditEntries([], entries, 2))).toEqual(['e3', 'e2']);
  });
});
