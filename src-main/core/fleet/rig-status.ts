// How one poll's outcome changes a rig: pure functions, so the rules for "down" and "back up" are tested without
// sockets or timers.
import type { ApiErrorValue } from '../../../src-shared/api/errors.js';
import type { Rig, RigSnapshot } from '../../../src-shared/model/rig.js';

export function afterPollSuccess(rig: Rig, snapshot: RigSnapshot, now: number): Rig {
  return { ...rig, status: 'up', snapshot, lastSeenAt: now, missedPolls: 0, problem: null };
}

/**
 * A failed poll counts as a miss; only `missedPollsBeforeDown` misses in a row change the status, so one lost packet
 * does not page anyone. A rig that answers with something unreadable is "error", one that does not answer is "down".
 */
export function afterPollFailure(rig: Rig, error: ApiErrorValue, now: number, missedPollsBeforeDown: number): Rig {
  const missedPolls = rig.missedPolls + 1;
  const problem = { code: error.code, message: error.message, at: now };
  if (missedPolls < missedPollsBeforeDown) return { ...rig, missedPolls, problem };
  const status = error.code === 'RIG_UNREACHABLE' ? 'down' : 'error';
  return { ...rig, missedPolls, problem, status };
}
