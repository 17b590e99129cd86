import { describe, expect, it } from 'vitest';
import type { Rig, RigSnapshot } from '../../../src-shared/model/rig.js';
import { testRig } from '../../testing/rig-fixture.js';
import { afterPollFailure, afterPollSuccess } from './rig-status.js';

const rig: Rig = testRig();
const unreachable = { code: 'RIG_UNREACHABLE' as const, message: 'no answer' };

describe('rig status after polls', () => {
  it('keeps a rig up after a single missed poll when two are needed', () => {
    const after = afterPollFailure(rig, unreachable, 10, 2);
    expect(after.status).toBe('up');
    expect(after.missedPolls).toBe(1);
    expect(after.problem?.code).toBe('RIG_UNREACHABLE');
  });

  it('marks a rig down after the configured number of missed polls in a row', () => {
    const after = afterPollFailure(afterPollFailure(rig, unreachable, 10, 2), unreachable, 20, 2);
    expect(after.status).toBe('down');
  });

  it('marks a rig that answers garbage as error, not down', () => {
    const after = afterPollFailure(rig, { code: 'RIG_BAD_REPLY', message: 'not JSON' }, 10, 1);
    expect(after.status).toBe('error');
  });

  it('brings a down rig back up, clearing misses and problem, on one good poll', () => {
    const down = afterPollFailure(afterPollFailure(rig, unreachable, 10, 2), unreachable, 20, 2);
    const snapshot = { takenAt: 30 } as RigSnapshot;
    const back = afterPollSuccess(down, snapshot, 30);
    expect(back).toMatchObject({ status: 'up', missedPolls: 0, problem: null, lastSeenAt: 30, snapshot });
  });
});
