// The state of one simulated Braiins OS rig between replies: seeded silicon lottery per chip, board and fan state,
// the autotuner's target, counters. Pure data and its construction; time evolution is in physics.ts.
// The model is the main simulator's (../physics*.ts, README "Physics") reduced to what BOS exposes: power per chip
// ~ frequency x voltage^2 x leakage, voltage set by the autotuner to the chips' minimum stable voltage (which rises
// with frequency), hashrate ~ frequency x working cores, temperature following power and airflow.
import type { Clock } from '../clock.js';
import { mixSeed, mulberry32, normalClamped } from '../random.js';
import type { BosRigModel } from './models.js';

export const PSU_EFFICIENCY = 0.93;
export const CONTROL_BOARD_W = 20;
export const BOARD_STATIC_W = 10;
export const NOMINAL_AMBIENT_C = 25;

export interface BosBoard {
  /** Chain ID on the wire (6, 7, 8 on an S9). */
  chainId: number;
  leak: Float32Array;
  coreYield: Float32Array;
  /** Minimum stable voltage at nominal clock as a fraction of nominal voltage; ~1 on average. */
  vmin: Float32Array;
  failedChips: Uint8Array;
  dead: boolean;
  chipTempC: number;
  hwErrors: number;
  totalMh: number;
  /** Sums over working chips, recomputed when chips fail: what power and hashrate scale with. */
  aliveChips: number;
  leakSum: number;
  yieldSum: number;
  vminFactor: number;
}

export interface BosCalibration {
  /** DC power of a typical chip at nominal clock and voltage. */
  chipNominalW: number;
  ghsPerMhzPerChip: number;
  /** Die-to-ambient thermal resistance of a board at full airflow, K/W. */
  rthBaseKPerW: number;
}

export interface BosPhysics {
  readonly model: BosRigModel;
  readonly calibration: BosCalibration;
  readonly boards: BosBoard[];
  readonly fanRpmCoef: number[];
  lastMs: number;
  /** Seconds since bosminer started: summary "Elapsed". */
  elapsedS: number;
  ambientC: number;
  fanDuty: number;
  failedFans: boolean[];
  overheatSinceS: number | null;
  powerTargetW: number;
  /** Clock as a fraction of nominal: where the tuner is now, and where it is heading. */
  clockRatio: number;
  targetClockRatio: number;
  /** elapsedS when the tuner last started over (new target, restart). */
  tuningSinceS: number;
  /** Unix seconds of the current tuner profile (tunerstatus LoadedProfileCreatedOn). */
  profileCreatedS: number;
  paused: boolean;
  /** After a restart the chains initialise before hashing: no work until this elapsedS. */
  startingUntilS: number;
  /** BOS stops mining above the dangerous temperature and resumes once cooled. */
  thermalShutdown: boolean;
  ema1mGhs: number;
  ema5mGhs: number;
  ema15mGhs: number;
  totalMh: number;
  accepted: number;
  rejected: number;
  stale: number;
  bestShare: number;
}

export function refreshBoardSums(board: BosBoard): void {
  let aliveChips = 0;
  let leakSum = 0;
  let yieldSum = 0;
  let vminSum = 0;
  for (let chip = 0; chip < board.leak.length; chip += 1) {
    if (board.failedChips[chip] === 1) continue;
    aliveChips += 1;
    leakSum += board.leak[chip] ?? 1;
    yieldSum += board.coreYield[chip] ?? 1;
    vminSum += board.vmin[chip] ?? 1;
  }
  board.aliveChips = aliveChips;
  board.leakSum = leakSum;
  board.yieldSum = yieldSum;
  board.vminFactor = aliveChips > 0 ? vminSum / aliveChips : 1;
}

function drawBoard(model: BosRigModel, seed: number, index: number, rigShift: number): BosBoard {
  const next = mulberry32(mixSeed(seed, 0xb05b0a2d, index));
  const boardShift = normalClamped(next, 0, 0.008, -0.02, 0.02);
  const chips = model.chipsPerBoard;
  const board: BosBoard = {
    chainId: model.chainIds[index] ?? index + 1,
    leak: new Float32Array(chips),
    coreYield: new Float32Array(chips),
    vmin: new Float32Array(chips),
    failedChips: new Uint8Array(chips),
    dead: false,
    chipTempC: NOMINAL_AMBIENT_C,
    hwErrors: 0,
    totalMh: 0,
    aliveChips: 0,
    leakSum: 0,
    yieldSum: 0,
    vminFactor: 1,
  };
  for (let chip = 0; chip < chips; chip += 1) {
    board.leak[chip] = normalClamped(next, 1 + rigShift, 0.05, 0.8, 1.25);
    board.coreYield[chip] = 1 - Math.abs(normalClamped(next, 0, 0.008, -0.05, 0.05));
    board.vmin[chip] = normalClamped(next, 1 + boardShift, 0.012, 0.92, 1.08);
  }
  refreshBoardSums(board);
  return board;
}

/** Airflow cooling: even still air carries a quarter of the heat (as the main simulator's calibration). */
export function coolingFactor(airflow: number): number {
  return 0.25 + 0.75 * Math.pow(Math.max(0, airflow), 0.8);
}

function calibrate(model: BosRigModel): BosCalibration {
  const fansW = model.fansFitted * model.fanMaxPowerW * Math.pow(model.nominalFanDuty, 3);
  const boardDcW = ((model.stockPowerW - CONTROL_BOARD_W - fansW) * PSU_EFFICIENCY) / model.chainIds.length;
  const chips = model.chainIds.length * model.chipsPerBoard;
  const chipRiseC = (model.targetTempC - NOMINAL_AMBIENT_C) / model.pcbTempFraction;
  return {
    chipNominalW: (boardDcW - BOARD_STATIC_W) / model.chipsPerBoard,
    // Mean core yield is ~0.9936 (1 - E|N(0, 0.008)|): divided out so an average unit hits the stock hashrate.
    ghsPerMhzPerChip: (model.nominalHashrateThs * 1000) / (chips * model.nominalFrequencyMhz * 0.9936),
    rthBaseKPerW: (chipRiseC * coolingFactor(model.nominalFanDuty)) / boardDcW,
  };
}

export interface BosPhysicsOptions {
  model: BosRigModel;
  seed: number;
  clock: Clock;
  ambientC: number;
  powerTargetW: number;
}

export function createBosPhysics(options: BosPhysicsOptions): BosPhysics {
  const { model, seed } = options;
  const rigRandom = mulberry32(mixSeed(seed, 0xb05));
  const rigShift = normalClamped(rigRandom, 0, 0.03, -0.08, 0.08);
  const nowMs = options.clock.now();
  return {
    model,
    calibration: calibrate(model),
    boards: model.chainIds.map((_id, index) => drawBoard(model, seed, index, rigShift)),
    fanRpmCoef: Array.from({ length: model.fansFitted }, () => normalClamped(rigRandom, 1, 0.03, 0.92, 1.08)),
    lastMs: nowMs,
    elapsedS: 0,
    ambientC: options.ambientC,
    fanDuty: model.nominalFanDuty,
    failedFans: Array.from({ length: model.fansFitted }, () => false),
    overheatSinceS: null,
    powerTargetW: options.powerTargetW,
    clockRatio: 1,
    targetClockRatio: 1,
    tuningSinceS: 0,
    profileCreatedS: Math.floor(nowMs / 1000),
    paused: false,
    startingUntilS: 0,
    thermalShutdown: false,
    ema1mGhs: 0,
    ema5mGhs: 0,
    ema15mGhs: 0,
    totalMh: 0,
    accepted: 0,
    rejected: 0,
    stale: 0,
    bestShare: 0,
  };
}
