// Everything a reply builder needs, gathered once per request: the rig's identity, its state advanced to "now", and
// the noisy 5-second readings a real firmware would show at this moment.

import type { RigModel } from './models.js';
import type { RigReading } from './physics-reading.js';
import type { RigPhysics } from './physics-state.js';
import { gaussian, mixSeed, mulberry32 } from './random.js';

/**
 * 'firmware': DEVS as the real firmware sends it (one ASC for the whole miner; see README.md). 'per-board': one ASC
 * per hashboard with Status "Alive"/"Dead", as generic cgminer ASIC drivers report (opt-in, for tests that want it).
 */
export type DevsLayout = 'firmware' | 'per-board';

export interface RigIdentity {
  /** STATS[1] "miner_id": 16 hex digits, unique per unit (unless the model's firmware sends a constant). */
  minerId: string;
  macAddress: string;
  hostname: string;
  /** Pool worker name, "<account>.<worker>". */
  workerName: string;
}

export interface ReplyContext {
  model: RigModel;
  identity: RigIdentity;
  physics: RigPhysics;
  reading: RigReading;
  nowMs: number;
  whenS: number;
  /** Per-board GH/s as the firmware's 5-second window shows it (true rate plus measurement noise). */
  boardGhs5s: number[];
  ghs5s: number;
  devsLayout: DevsLayout;
  /** Seeded source for anything else that should look random but repeat for the same seed and time. */
  random: () => number;
}

/** Real 5 s readings wander about 1 % around the true rate (S19 Pro capture: chain_rate 34.9-38.1 TH/s). */
const READING_NOISE = 0.01;
/** Noise is redrawn once per firmware window, so two reads in the same 5 s agree. */
const NOISE_WINDOW_MS = 5000;

export interface ContextInput {
  model: RigModel;
  identity: RigIdentity;
  physics: RigPhysics;
  reading: RigReading;
  nowMs: number;
  rigSeed: number;
  devsLayout: DevsLayout;
}

export function buildReplyContext(input: ContextInput): ReplyContext {
  const random = mulberry32(mixSeed(input.rigSeed, 0x5e, Math.floor(input.nowMs / NOISE_WINDOW_MS)));
  const boardGhs5s = input.reading.boards.map((board) =>
    board.ghs > 0 ? Math.max(0, board.ghs * (1 + READING_NOISE * gaussian(random))) : 0,
  );
  const ghs5s = boardGhs5s.reduce((sum, value) => sum + value, 0);
  return { ...input, whenS: Math.floor(input.nowMs / 1000), boardGhs5s, ghs5s, random };
}

/** Average GH/s since boot, the "GHS av" figure. */
export function averageGhs(context: ReplyContext): number {
  const elapsedS = Math.max(1, context.physics.elapsedS);
  return context.physics.boards.reduce((sum, board) => sum + board.hashesGh, 0) / elapsedS;
}

export function totalHardwareErrors(context: ReplyContext): number {
  return context.physics.boards.reduce((sum, board) => sum + Math.floor(board.hwErrors), 0);
}
