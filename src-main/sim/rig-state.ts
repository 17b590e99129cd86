// Physical faults applied to the model, and the true state a test reads back. The app never sees these values:
// it only sees protocol replies.

import type { Fault } from './faults.js';
import { readRig } from './physics-reading.js';
import { invalidateBoard } from './physics-state.js';
import type { FanMode, RigPhysics } from './physics-state.js';
import { mixSeed, mulberry32 } from './random.js';

export interface BoardTrueState {
  index: number;
  dead: boolean;
  frequencyMhz: number;
  voltageV: number;
  chipTempC: number;
  pcbTempC: number;
  hashrateThs: number;
  idealHashrateThs: number;
  powerW: number;
  chipsOk: number;
  chipsTotal: number;
  hardwareErrors: number;
  errorFraction: number;
}

export interface RigTrueState {
  atMs: number;
  elapsedS: number;
  ambientC: number;
  hashrateThs: number;
  idealHashrateThs: number;
  /** Wall power, which stock firmware does not report: drivers must estimate it. */
  powerW: number;
  boards: BoardTrueState[];
  fans: { index: number; rpm: number; dutyPct: number; failed: boolean }[];
  fanMode: FanMode;
  powerTargetW: number | null;
  accepted: number;
  rejected: number;
  hardwareErrors: number;
  overheating: boolean;
}

/** Makes the model match the list of faults in force. */
export function applyPhysicalFaults(physics: RigPhysics, faults: readonly Fault[], seed: number): void {
  physics.boards.forEach((board, index) => {
    const dead = faults.some((fault) => fault.kind === 'deadBoard' && fault.board === index);
    const degraded = faults.find((fault) => fault.kind === 'degradedBoard' && fault.board === index);
    const failedCount = degraded?.kind === 'degradedBoard' ? degraded.failedChips : 0;
    const failedChips = new Uint8Array(board.failedChips.length);
    // Which chips fail is seeded: the same rig always loses the same chips.
    const next = mulberry32(mixSeed(seed, 0xdead, index));
    const order = Array.from(failedChips, (_value, chip) => chip);
    for (let last = order.length - 1; last > 0; last -= 1) {
      const pick = Math.floor(next() * (last + 1));
      [order[last], order[pick]] = [order[pick] ?? 0, order[last] ?? 0];
    }
    for (const chip of order.slice(0, failedCount)) failedChips[chip] = 1;
    const changed = dead !== board.dead || failedChips.some((value, chip) => value !== board.failedChips[chip]);
    board.dead = dead;
    board.failedChips = failedChips;
    if (changed) invalidateBoard(board);
  });
  physics.failedFans = physics.failedFans.map((_failed, index) =>
    faults.some((fault) => fault.kind === 'failingFan' && fault.fan === index),
  );
  const overheating = faults.some((fault) => fault.kind === 'overheat');
  if (!overheating) physics.overheatSinceS = null;
  else physics.overheatSinceS ??= physics.elapsedS;
}

export function trueState(physics: RigPhysics): RigTrueState {
  const reading = readRig(physics);
  const boards = physics.boards.map((board, index): BoardTrueState => {
    const boardReading = reading.boards[index];
    return {
      index,
      dead: board.dead,
      frequencyMhz: board.frequencyMhz,
      voltageV: board.voltageV,
      chipTempC: board.chipTempC,
      pcbTempC: boardReading?.pcbTempC ?? board.chipTempC,
      hashrateThs: (boardReading?.ghs ?? 0) / 1000,
      idealHashrateThs: (boardReading?.idealGhs ?? 0) / 1000,
      powerW: boardReading?.powerW ?? 0,
      chipsOk: boardReading?.chipsOk ?? 0,
      chipsTotal: physics.model.chipsPerBoard,
      hardwareErrors: Math.floor(board.hwErrors),
      errorFraction: boardReading?.errorFraction ?? 0,
    };
  });
  return {
    atMs: physics.lastMs,
    elapsedS: physics.elapsedS,
    ambientC: physics.ambientC,
    hashrateThs: reading.ghs / 1000,
    idealHashrateThs: reading.idealGhs / 1000,
    powerW: reading.wallPowerW,
    boards,
    fans: reading.fanRpm.map((rpm, index) => ({
      index,
      rpm,
      dutyPct: physics.fanDuty * 100,
      failed: physics.failedFans[index] === true,
    })),
    fanMode: physics.fanMode,
    powerTargetW: physics.powerTargetW,
    accepted: Math.floor(physics.accepted),
    rejected: Math.floor(physics.rejected),
    hardwareErrors: boards.reduce((sum, board) => sum + board.hardwareErrors, 0),
    overheating: physics.overheatSinceS !== null,
  };
}
