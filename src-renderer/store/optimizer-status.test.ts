import { describe, expect, it } from 'vitest';
import { AT, makeDecision, makeDevice, makeSite } from '../test-support/optimizer-fixtures.js';
import { defaultOptimizerSettings } from '../../src-shared/model/optimizer.js';
import {
  mergeDecisions,
  mergeDevices,
  newerSite,
  replaceDevices,
  withRigExcluded,
  withoutDevice,
} from './optimizer-status.js';

const ids = (decisions: ReadonlyArray<{ id: string }>) => decisions.map((decision) => decision.id);

describe('mergeDevices', () => {
  it('replaces a device by rig and keeps the other devices as they were', () => {
    const a = makeDevice({ rigId: 'a:4028', state: 'exploring' });
    const b = makeDevice({ rigId: 'b:4028' });
    const next = mergeDevices({ [a.rigId]: a, [b.rigId]: b }, [{ ...a, state: 'tuned', updatedAt: AT + 1 }]);
    expect(next[a.rigId]?.state).toBe('tuned');
    expect(next[b.rigId]).toBe(b);
  });

  it('ignores a copy older than the one held', () => {
    const held = makeDevice({ state: 'tuned', updatedAt: AT + 10 });
    const byId = { [held.rigId]: held };
    expect(mergeDevices(byId, [{ ...held, state: 'exploring', updatedAt: AT }])).toBe(byId);
  });

  it('takes a copy from the same moment (a progress update within one round)', () => {
    const held = makeDevice({ progress: 0.2 });
    const next = mergeDevices({ [held.rigId]: held }, [{ ...held, progress: 0.4 }]);
    expect(next[held.rigId]?.progress).toBe(0.4);
  });
});

describe('replaceDevices', () => {
  it('drops devices the status no longer lists and keeps an event that overtook the status', () => {
    const gone = makeDevice({ rigId: 'gone:4028' });
    const live = makeDevice({ rigId: 'a:4028', state: 'failed', updatedAt: AT + 5 });
    const next = replaceDevices({ [gone.rigId]: gone, [live.rigId]: live }, [
      { ...live, state: 'exploring', updatedAt: AT },
    ]);
    expect(Object.keys(next)).toEqual(['a:4028']);
    expect(next['a:4028']?.state).toBe('failed');
  });
});

describe('withoutDevice', () => {
  it('removes one device and returns the same map when it was not there', () => {
    const device = makeDevice();
    const byId = { [device.rigId]: device };
    expect(withoutDevice(byId, device.rigId)).toEqual({});
    expect(withoutDevice(byId, 'other:4028')).toBe(byId);
  });
});

describe('mergeDecisions', () => {
  it('lists decisions newest first', () => {
    const merged = mergeDecisions(
      [makeDecision({ id: 'b', at: AT + 2 })],
      [makeDecision({ id: 'a', at: AT + 1 }), makeDecision({ id: 'c', at: AT + 3 })],
    );
    expect(ids(merged)).toEqual(['c', 'b', 'a']);
  });

  it('replaces a decision in place when its outcome arrives under the same id', () => {
    const pending = makeDecision({ id: 'd1', outcome: 'pending' });
    const merged = mergeDecisions(
      [makeDecision({ id: 'd2', at: AT + 1 }), pending],
      [{ ...pending, outcome: 'failed', outcomeMessage: 'rig refused' }],
    );
    expect(ids(merged)).toEqual(['d2', 'd1']);
    expect(merged[1]).toMatchObject({ outcome: 'failed', outcomeMessage: 'rig refused' });
  });

  it('never turns a known outcome back into pending', () => {
    const applied = [makeDecision({ id: 'd1', outcome: 'applied' })];
    expect(mergeDecisions(applied, [makeDecision({ id: 'd1', outcome: 'pending' })])).toBe(applied);
  });

  it('keeps only the newest decisions beyond the cap', () => {
    const incoming = [1, 2, 3].map((n) => makeDecision({ id: `d${n}`, at: AT + n }));
    expect(ids(mergeDecisions([], incoming, 2))).toEqual(['d3', 'd2']);
  });

  it('orders decisions of the same moment by id, whatever order they came in', () => {
    const x = makeDecision({ id: 'x' });
    const y = makeDecision({ id: 'y' });
    expect(ids(mergeDecisions([], [x, y]))).toEqual(ids(mergeDecisions([], [y, x])));
  });
});

describe('newerSite', () => {
  it('keeps the site state with the later time', () => {
    const later = makeSite({ at: AT + 1000, measuredPowerW: 1 });
    expect(newerSite(later, makeSite({ at: AT }))).toBe(later);
    expect(newerSite(makeSite({ at: AT }), later)).toBe(later);
    expect(newerSite(null, later)).toBe(later);
  });
});

describe('withRigExcluded', () => {
  const settings = { ...defaultOptimizerSettings(), excludedRigs: ['a:4028'] };

  it('adds and removes a rig from the excluded list', () => {
    expect(withRigExcluded(settings, 'b:4028', true).excludedRigs).toEqual(['a:4028', 'b:4028']);
    expect(withRigExcluded(settings, 'a:4028', false).excludedRigs).toEqual([]);
  });

  it('returns the same settings when the rig is already where it was asked to be', () => {
    expect(withRigExcluded(settings, 'a:4028', true)).toBe(settings);
    expect(withRigExcluded(settings, 'b:4028', false)).toBe(settings);
  });
});
