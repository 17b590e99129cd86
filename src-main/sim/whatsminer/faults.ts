// The simulator's faults (../faults.ts) on a Whatsminer: network faults are handled by ../connection.ts; the physical
// ones change the model here. Whatsminers have three hashboards and two fans (intake 0, exhaust 1).
import type { Fault } from '../faults.js';
import type { WhatsminerModel } from './models.js';
import type { WhatsminerPhysics } from './physics-state.js';

const FANS = 2;

function wholeInRange(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number ${min}..${max}, got ${value}`);
  }
}

/** Refuses a fault that cannot apply to this rig ("board 3" on a 3-board rig), so a test typo fails loudly. */
export function validateWhatsminerFault(model: WhatsminerModel, fault: Fault): void {
  switch (fault.kind) {
    case 'deadBoard':
      wholeInRange('board', fault.board, 0, model.boards - 1);
      return;
    case 'degradedBoard':
      wholeInRange('board', fault.board, 0, model.boards - 1);
      wholeInRange('failedChips', fault.failedChips, 1, model.chipsPerBoard);
      return;
    case 'failingFan':
      wholeInRange('fan', fault.fan, 0, FANS - 1);
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

/** Makes the model match the faults in force: dead boards, lost chips ("Effective Chips" drops), failed fans, runaway. */
export function applyFaults(physics: WhatsminerPhysics, faults: readonly Fault[]): void {
  physics.boards.forEach((board, index) => {
    board.dead = faults.some((fault) => fault.kind === 'deadBoard' && fault.board === index);
    const degraded = faults.find(
      (fault): fault is Extract<Fault, { kind: 'degradedBoard' }> =>
        fault.kind === 'degradedBoard' && fault.board === index,
    );
    board.failedChips = degraded?.failedChips ?? 0;
  });
  physics.failedFans = [
    faults.some((fault) => fault.kind === 'failingFan' && fault.fan === 0),
    faults.some((fault) => fault.kind === 'failingFan' && fault.fan === 1),
  ];
  if (!faults.some((fault) => fault.kind === 'overheat')) physics.overheatSinceS = null;
  else physics.overheatSinceS ??= physics.elapsedS;
}
