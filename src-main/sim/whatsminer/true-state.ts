// The simulated Whatsminer's true state, for tests to compare a driver's readings with. The app never sees it.
import { boardFrequencyMhz, boardGhs, boardPowerW, chipMaxC, chipsOk, fanRpms, wallPowerW } from './physics-rates.js';
import type { WhatsminerPhysics } from './physics-state.js';
import type { SimPool } from './replies.js';

export interface WhatsminerBoardTrueState {
  index: number;
  dead: boolean;
  frequencyMhz: number;
  hashrateThs: number;
  powerW: number;
  chipAvgC: number;
  chipMaxC: number;
  chipsOk: number;
  chipsTotal: number;
}

export interface WhatsminerTrueState {
  atMs: number;
  elapsedS: number;
  ambientC: number;
  hashrateThs: number;
  /** Wall power; unlike stock Antminers, Whatsminers report it. */
  powerW: number;
  powerLimitW: number;
  targetFrequencyMhz: number;
  boards: WhatsminerBoardTrueState[];
  fans: { index: number; rpm: number; failed: boolean }[];
  fanDutyPct: number;
  pools: SimPool[];
  overheating: boolean;
}

export function trueWhatsminerState(physics: WhatsminerPhysics, pools: readonly SimPool[]): WhatsminerTrueState {
  const boards = physics.boards.map((board, index): WhatsminerBoardTrueState => ({
    index,
    dead: board.dead,
    frequencyMhz: board.dead ? 0 : boardFrequencyMhz(physics, index),
    hashrateThs: boardGhs(physics, index) / 1000,
    powerW: boardPowerW(physics, index),
    chipAvgC: board.chipAvgC,
    chipMaxC: chipMaxC(physics, index),
    chipsOk: chipsOk(physics, index),
    chipsTotal: physics.model.chipsPerBoard,
  }));
  const rpms = fanRpms(physics);
  return {
    atMs: physics.lastMs,
    elapsedS: physics.elapsedS,
    ambientC: physics.ambientC,
    hashrateThs: boards.reduce((sum, board) => sum + board.hashrateThs, 0),
    powerW: wallPowerW(physics),
    powerLimitW: physics.powerLimitW,
    targetFrequencyMhz: physics.targetFrequencyMhz,
    boards,
    fans: rpms.map((rpm, index) => ({ index, rpm, failed: physics.failedFans[index] === true })),
    fanDutyPct: physics.fanDuty * 100,
    pools: pools.map((pool) => ({ ...pool })),
    overheating: physics.overheatSinceS !== null,
  };
}
