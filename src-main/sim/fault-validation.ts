// Checks a fault against the rig it is given to, so a typo in a test ("board 3" on a 3-board rig) fails loudly. One
// check for every family: each describes its rig's shape (boards or GPUs, chips, fans).

import type { Fault } from './faults.js';
import type { RigModel } from './models.js';

export interface FaultTarget {
  /** Hashboards, or GPUs on a GPU rig. */
  boards: number;
  /** Null where a unit has no chips to fail (a GPU): degradedBoard is refused. */
  chipsPerBoard: number | null;
  fans: number;
  /** What a board and a fan are called in messages ("board"/"fan", "GPU"/"GPU fan"). */
  boardName?: string;
  fanName?: string;
}

function wholeInRange(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number ${min}..${max}, got ${value}`);
  }
}

export function validateFaultFor(target: FaultTarget, fault: Fault): void {
  const board = target.boardName ?? 'board';
  switch (fault.kind) {
    case 'deadBoard':
      wholeInRange(board, fault.board, 0, target.boards - 1);
      return;
    case 'degradedBoard':
      if (target.chipsPerBoard === null) {
        throw new RangeError(`a ${board} has no chips to fail: use deadBoard for a failed card`);
      }
      wholeInRange(board, fault.board, 0, target.boards - 1);
      wholeInRange('failedChips', fault.failedChips, 1, target.chipsPerBoard);
      return;
    case 'failingFan':
      wholeInRange(target.fanName ?? 'fan', fault.fan, 0, target.fans - 1);
      return;
    case 'slowReplies':
      wholeInRange('delayMs', fault.delayMs, 0, 600_000);
      return;
    case 'trickle':
      wholeInRange('chunkBytes', fault.chunkBytes, 1, 1_048_576);
      wholeInRange('intervalMs', fault.intervalMs, 0, 60_000);
      return;
    case 'oversized':
      wholeInRange('sizeBytes', fault.sizeBytes, 1, 256 * 1024 * 1024);
      return;
    case 'unreachable':
    case 'overheat':
    case 'garbageReplies':
    case 'hang':
      return;
  }
}

/** An Antminer from the model catalog. */
export function validateFault(model: RigModel, fault: Fault): void {
  validateFaultFor({ boards: model.boards, chipsPerBoard: model.chipsPerBoard, fans: model.fans }, fault);
}
