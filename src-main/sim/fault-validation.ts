// Checks a fault against the rig it is given to, so a typo in a test ("board 3" on a 3-board rig) fails loudly.

import type { Fault } from './faults.js';
import type { RigModel } from './models.js';

function wholeInRange(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number ${min}..${max}, got ${value}`);
  }
}

export function validateFault(model: RigModel, fault: Fault): void {
  switch (fault.kind) {
    case 'deadBoard':
      wholeInRange('board', fault.board, 0, model.boards - 1);
      return;
    case 'degradedBoard':
      wholeInRange('board', fault.board, 0, model.boards - 1);
      wholeInRange('failedChips', fault.failedChips, 1, model.chipsPerBoard);
      return;
    case 'failingFan':
      wholeInRange('fan', fault.fan, 0, model.fans - 1);
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
