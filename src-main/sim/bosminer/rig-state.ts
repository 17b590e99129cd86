// Physical faults applied to a simulated BOS rig, fault checks, and the true state tests read back (the app only ever
// sees protocol replies). Faults are the shared Fault union (../faults.ts); network faults are handled by the servers.
import { validateFaultFor } from '../fault-validation.js';
import type { Fault } from '../faults.js';
import { mixSeed, mulberry32 } from '../random.js';
import type { BosRigModel } from './models.js';
import { boardDcW, boardGhs, boardTempC, fanRpms, tunerStable, voltageRatio, wallPowerW } from './physics.js';
import { refreshBoardSums } from './physics-state.js';
import type { BosPhysics } from './physics-state.js';

export function validateBosFault(model: BosRigModel, fault: Fault): void {
  validateFaultFor(
    { boards: model.chainIds.length, chipsPerBoard: model.chipsPerBoard, fans: model.fansFitted },
    fault,
  );
}

/** Makes the model match the faults in force. Which chips a degraded board loses is seeded per rig and board. */
export function applyBosPhysicalFaults(rig: BosPhysics, faults: readonly Fault[], seed: number): void {
  rig.boards.forEach((board, index) => {
    board.dead = faults.some((fault) => fault.kind === 'deadBoard' && fault.board === index);
    const degraded = faults.find(
      (fault): fault is Extract<Fault, { kind: 'degradedBoard' }> =>
        fault.kind === 'degradedBoard' && fault.board === index,
    );
    const order = Array.from(board.failedChips, (_value, chip) => chip);
    const next = mulberry32(mixSeed(seed, 0xdead, index));
    for (let last = order.length - 1; last > 0; last -= 1) {
      const pick = Math.floor(next() * (last + 1));
      [order[last], order[pick]] = [order[pick] ?? 0, order[last] ?? 0];
    }
    board.failedChips.fill(0);
    for (const chip of order.slice(0, degraded?.failedChips ?? 0)) board.failedChips[chip] = 1;
    refreshBoardSums(board);
  });
  rig.failedFans = rig.failedFans.map((_failed, fan) =>
    faults.some((fault) => fault.kind === 'failingFan' && fault.fan === fan),
  );
  const overheat = faults.some((fault) => fault.kind === 'overheat');
  if (!overheat) rig.overheatSinceS = null;
  else rig.overheatSinceS ??= rig.elapsedS;
}

export interface BosBoardTrueState {
  chainId: number;
  hashing: boolean;
  frequencyMhz: number;
  voltageV: number;
  chipTempC: number;
  boardTempC: number;
  hashrateThs: number;
  powerW: number;
  chipsOk: number;
}

export interface BosTrueState {
  elapsedS: number;
  hashrateThs: number;
  /** Wall power now. */
  powerW: number;
  powerTargetW: number;
  tunerStable: boolean;
  paused: boolean;
  thermalShutdown: boolean;
  fanDutyPct: number;
  fanRpm: number[];
  boards: BosBoardTrueState[];
}

export function bosTrueState(rig: BosPhysics): BosTrueState {
  const boards = rig.boards.map((board): BosBoardTrueState => ({
    chainId: board.chainId,
    hashing: boardDcW(rig, board) > 0,
    frequencyMhz: rig.clockRatio * rig.model.nominalFrequencyMhz,
    voltageV: voltageRatio(board, rig.clockRatio) * rig.model.nominalVoltageV,
    chipTempC: board.chipTempC,
    boardTempC: boardTempC(rig, board),
    hashrateThs: boardGhs(rig, board) / 1000,
    powerW: boardDcW(rig, board),
    chipsOk: board.dead ? 0 : board.aliveChips,
  }));
  return {
    elapsedS: rig.elapsedS,
    hashrateThs: boards.reduce((sum, board) => sum + board.hashrateThs, 0),
    powerW: wallPowerW(rig),
    powerTargetW: rig.powerTargetW,
    tunerStable: tunerStable(rig),
    paused: rig.paused,
    thermalShutdown: rig.thermalShutdown,
    fanDutyPct: rig.fanDuty * 100,
    fanRpm: fanRpms(rig),
    boards,
  };
}
