// The simulator's faults (../faults.ts) on a Whatsminer: network faults are handled by ../connection.ts; the physical
// ones change the model here. Whatsminers have three hashboards and two fans (intake 0, exhaust 1).
import { validateFaultFor } from '../fault-validation.js';
import type { Fault } from '../faults.js';
import type { WhatsminerModel } from './models.js';
import type { WhatsminerPhysics } from './physics-state.js';

const FANS = 2;

/** Refuses a fault that cannot apply to this rig ("board 3" on a 3-board rig), so a test typo fails loudly. */
export function validateWhatsminerFault(model: WhatsminerModel, fault: Fault): void {
  validateFaultFor({ boards: model.boards, chipsPerBoard: model.chipsPerBoard, fans: FANS }, fault);
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
