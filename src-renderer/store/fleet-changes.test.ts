import { describe, expect, it } from 'vitest';
import { makeRig } from '../test-support/rig-fixtures.js';
import { applyFleetChanges, rigsByIdFromList } from './fleet-changes.js';

describe('applyFleetChanges', () => {
  const a = makeRig('127.0.9.1');
  const b = makeRig('127.0.9.2');

  it('adds a rig it has not seen', () => {
    const next = applyFleetChanges({}, [{ kind: 'updated', rig: a }]);
    expect(next).toEqual({ [a.id]: a });
  });

  it('replaces an updated rig and keeps the other rigs as the same objects', () => {
    const before = rigsByIdFromList([a, b]);
    const renamed = { ...a, name: 'row 3 / rack 7' };
    const next = applyFleetChanges(before, [{ kind: 'updated', rig: renamed }]);
    expect(next[a.id]).toBe(renamed);
    expect(next[b.id]).toBe(b);
    expect(before[a.id]).toBe(a);
  });

  it('removes a removed rig', () => {
    const next = applyFleetChanges(rigsByIdFromList([a, b]), [{ kind: 'removed', rigId: a.id }]);
    expect(Object.keys(next)).toEqual([b.id]);
  });

  it('returns the same map when nothing changed, so memoized views do not recompute', () => {
    const before = rigsByIdFromList([a]);
    expect(applyFleetChanges(before, [{ kind: 'removed', rigId: 'unknown:4028' }])).toBe(before);
    expect(applyFleetChanges(before, [{ kind: 'updated', rig: a }])).toBe(before);
  });

  it('applies a batch in order, so a rig removed then re-added ends up present', () => {
    const next = applyFleetChanges(rigsByIdFromList([a]), [
      { kind: 'removed', rigId: a.id },
      { kind: 'updated', rig: a },
    ]);
    expect(next[a.id]).toBe(a);
  });
});
