// What a Whatsminer's firmware would report right now: the physics' true values plus the measurement noise real
// replies show (the 5 s rate swings most: 64.1 TH/s at 5 s against 67.3 at 1 min in the M20S capture). The noise is
// seeded and redrawn once per 5 s window, so the same seed and clock give the same replies.
import { mixSeed, mulberry32 } from '../random.js';
import { boardFrequencyMhz, boardGhs, chipMaxC, chipsOk, fanRpms, wallPowerW } from './physics-rates.js';
import type { WhatsminerPhysics } from './physics-state.js';

export interface BoardReading {
  index: number;
  dead: boolean;
  frequencyMhz: number;
  chipsOk: number;
  ghs5s: number;
  ghs1m: number;
  ghs5m: number;
  ghs15m: number;
  ghsAv: number;
  totalMh: number;
  chipMinC: number;
  chipMaxC: number;
  chipAvgC: number;
  boardC: number;
  hardwareErrors: number;
  accepted: number;
  rejected: number;
}

export interface WhatsminerReading {
  nowS: number;
  elapsedS: number;
  uptimeS: number;
  boards: BoardReading[];
  ghs5s: number;
  ghs1m: number;
  ghs5m: number;
  ghs15m: number;
  ghsAv: number;
  totalMh: number;
  powerW: number;
  fanInRpm: number;
  fanOutRpm: number;
  psuFanRpm: number;
  targetFrequencyMhz: number;
  frequencyAvgMhz: number;
  powerLimitW: number;
  ambientC: number;
  accepted: number;
  rejected: number;
  hardwareErrors: number;
  /** Ideal rate at nominal clocks ("Factory GHS" is per unit; "Target MHS" follows the clock). */
  targetGhs: number;
}

const NOISE_WINDOW_MS = 5000;

/** A uniform draw in [-1, 1) that stays the same for one channel within one 5 s window. */
function noiseSource(seed: number, nowMs: number): (channel: number) => number {
  const window = Math.floor(nowMs / NOISE_WINDOW_MS);
  return (channel) => mulberry32(mixSeed(seed, 0x4e015e, window, channel))() * 2 - 1;
}

export function readWhatsminer(rig: WhatsminerPhysics, seed: number, nowMs: number): WhatsminerReading {
  const noise = noiseSource(seed, nowMs);
  const trueGhs = rig.boards.map((_board, index) => boardGhs(rig, index));
  const totalTrue = trueGhs.reduce((sum, value) => sum + value, 0);
  const elapsedS = Math.max(1, rig.elapsedS);
  const boards = rig.boards.map((board, index): BoardReading => {
    const share = totalTrue > 0 ? (trueGhs[index] ?? 0) / totalTrue : 0;
    const channel = (n: number): number => noise(index * 16 + n);
    const maxC = chipMaxC(rig, index);
    const boardC = rig.ambientC + (board.chipAvgC - rig.ambientC) * rig.model.boardTempFraction;
    return {
      index,
      dead: board.dead,
      frequencyMhz: board.dead ? 0 : boardFrequencyMhz(rig, index),
      chipsOk: chipsOk(rig, index),
      ghs5s: (trueGhs[index] ?? 0) * (1 + 0.03 * channel(1)),
      ghs1m: rig.rate1mGhs * share * (1 + 0.008 * channel(2)),
      ghs5m: rig.rate5mGhs * share * (1 + 0.004 * channel(3)),
      ghs15m: rig.rate15mGhs * share * (1 + 0.002 * channel(4)),
      ghsAv: board.hashesGh / elapsedS,
      totalMh: Math.floor(board.hashesGh * 1000),
      chipMinC: board.dead ? board.chipAvgC : board.chipAvgC - (maxC - board.chipAvgC) * 1.6,
      chipMaxC: maxC + 0.3 * channel(5),
      chipAvgC: board.chipAvgC + 0.2 * channel(6),
      boardC: Math.round((boardC + 0.3 * channel(7)) * 2) / 2,
      hardwareErrors: Math.floor(board.hwErrors),
      accepted: Math.floor(board.accepted),
      rejected: Math.floor(board.rejected),
    };
  });
  const live = boards.filter((board) => !board.dead);
  const sum = (pick: (board: BoardReading) => number): number =>
    boards.reduce((total, board) => total + pick(board), 0);
  const [fanInRpm, fanOutRpm] = fanRpms(rig);
  const model = rig.model;
  return {
    nowS: Math.floor(nowMs / 1000),
    elapsedS: Math.floor(rig.elapsedS),
    uptimeS: Math.floor(rig.uptimeS),
    boards,
    ghs5s: sum((board) => board.ghs5s),
    ghs1m: sum((board) => board.ghs1m),
    ghs5m: sum((board) => board.ghs5m),
    ghs15m: sum((board) => board.ghs15m),
    ghsAv: sum((board) => board.ghsAv),
    totalMh: sum((board) => board.totalMh),
    powerW: Math.round(wallPowerW(rig) * (1 + 0.004 * noise(900))),
    fanInRpm,
    fanOutRpm,
    psuFanRpm: Math.round((model.psuFanRpm * (0.98 + 0.02 * noise(901))) / 8) * 8,
    targetFrequencyMhz: rig.targetFrequencyMhz,
    frequencyAvgMhz:
      live.length === 0 ? 0 : Math.round(live.reduce((total, board) => total + board.frequencyMhz, 0) / live.length),
    powerLimitW: rig.powerLimitW,
    ambientC: rig.ambientC + 0.25 * noise(902),
    accepted: Math.floor(rig.accepted),
    rejected: Math.floor(rig.rejected),
    hardwareErrors: sum((board) => board.hardwareErrors),
    targetGhs:
      (model.nominalHashrateThs * 1000 * rig.targetFrequencyMhz * live.length) /
      (model.nominalFrequencyMhz * model.boards),
  };
}
