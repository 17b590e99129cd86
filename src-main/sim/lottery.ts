// The silicon lottery: every chip, board and rig comes out of the fab slightly different. These coefficients are the
// simulator's hidden truth. The app never reads them; it can only learn them the way it would on real hardware, by
// changing clocks and voltages and watching hashrate, errors and temperatures in the protocol replies.

import type { RigModel } from './models.js';
import { mixSeed, mulberry32, normalClamped } from './random.js';

export interface BoardLottery {
  /** Minimum stable voltage at nominal frequency, as a fraction of the nominal voltage (typically ~0.93). */
  vminCoef: Float32Array;
  /** Power draw relative to a typical chip (leakage varies most between dies). */
  leakCoef: Float32Array;
  /** Fraction of the chip's cores that work (a few cores per die are usually bad). */
  coreYield: Float32Array;
}

export interface SiliconLottery {
  boards: BoardLottery[];
  /** Per-fan rpm spread: two fans at the same PWM never read the same. */
  fanRpmCoef: number[];
}

/** Draws a rig's coefficients from its own seed: the same seed always gives the same rig. */
export function drawLottery(model: RigModel, rigSeed: number): SiliconLottery {
  const rigRandom = mulberry32(mixSeed(rigSeed, 0x51));
  // A whole rig can come from a good or bad wafer batch; boards differ again on top of that.
  const rigVminShift = normalClamped(rigRandom, 0, 0.012, -0.03, 0.03);
  const rigLeakShift = normalClamped(rigRandom, 0, 0.03, -0.08, 0.08);
  const boards: BoardLottery[] = [];
  for (let board = 0; board < model.boards; board += 1) {
    const next = mulberry32(mixSeed(rigSeed, 0xb0a2d, board));
    const boardVminShift = normalClamped(next, 0, 0.008, -0.02, 0.02);
    const vminCoef = new Float32Array(model.chipsPerBoard);
    const leakCoef = new Float32Array(model.chipsPerBoard);
    const coreYield = new Float32Array(model.chipsPerBoard);
    for (let chip = 0; chip < model.chipsPerBoard; chip += 1) {
      vminCoef[chip] = normalClamped(next, 0.93 + rigVminShift + boardVminShift, 0.012, 0.85, 1);
      leakCoef[chip] = normalClamped(next, 1 + rigLeakShift, 0.05, 0.8, 1.25);
      coreYield[chip] = 1 - Math.abs(normalClamped(next, 0, 0.008, -0.05, 0.05));
    }
    boards.push({ vminCoef, leakCoef, coreYield });
  }
  const fanRpmCoef = Array.from({ length: model.fans }, () => normalClamped(rigRandom, 1, 0.03, 0.92, 1.08));
  return { boards, fanRpmCoef };
}
