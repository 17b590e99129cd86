// A snapshot from the `summary`, `stats`, `pools` and `devs` replies of a CGMiner-family rig. Antminer stock firmware
// puts per-chain figures in STATS[1] (STATS[0] is an identity block): chain_rateN, chain_acnN (chip count),
// chain_acsN (one 'o' per healthy chip, 'x' per failed one), chain_hwN, freqN, temp_chipN / temp_pcbN (dash lists),
// temp2_N, fanN (PROTOCOLS.md A1, S19 Pro and S17 Pro fixtures). Other cgminer forks (GPU miners such as
// TeamRedMiner, PROTOCOLS.md A7) report per-device rows in DEVS: see devices.ts.
import type { ControlState } from '../../../../src-shared/model/control.js';
import type { Fan, Hashboard, Pool, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { efficiencyJPerTh, toTerahash, type HashrateUnit } from '../../../../src-shared/units.js';
import {
  dashSeparatedNumbers,
  entries,
  firstEntry,
  intField,
  isObject,
  maxOf,
  numberField,
  stringField,
} from '../fields.js';
import { averageGpuVoltageMv, boardsFromDevs, fansFromDevs, rowHashrateThs } from './devices.js';
import { nominalEfficiencyJPerTh } from './model-specs.js';
import { indexField, safeIntField } from './safe-numbers.js';
import type { JsonObject } from './parse.js';

export interface CgminerReplies {
  summary: JsonObject | null;
  stats: JsonObject | null;
  pools: JsonObject | null;
  devs: JsonObject | null;
}

const MAX_BOARDS = 16;
const MAX_FANS = 16;

function rateUnit(stats: JsonObject): HashrateUnit {
  const unit = stringField(stats['rate_unit'], 4)?.toUpperCase();
  return unit === 'MH' || unit === 'TH' || unit === 'KH' ? unit : 'GH';
}

/** STATS[1] on Antminers; the first STATS entry that has chain fields on anything else. */
export function chainStats(stats: JsonObject | null): JsonObject | null {
  if (!stats) return null;
  return (
    entries(stats, 'STATS').find((entry) => 'chain_acn1' in entry || 'chain_rate1' in entry || 'fan1' in entry) ?? null
  );
}

/** chain_acs: one 'o' per healthy chip, 'x' per failed one, spaces between groups. */
function countChipStates(chipStates: string): { healthy: number; failed: number } {
  let healthy = 0;
  let failed = 0;
  for (let i = 0; i < chipStates.length; i += 1) {
    const state = chipStates.charCodeAt(i);
    if (state === 111 /* o */) healthy += 1;
    else if (state === 120 /* x */ || state === 88 /* X */) failed += 1;
  }
  return { healthy, failed };
}

function boardsFromStats(stats: JsonObject): Hashboard[] {
  const unit = rateUnit(stats);
  const boards: Hashboard[] = [];
  for (let n = 1; n <= MAX_BOARDS; n += 1) {
    const chipsTotal = safeIntField(stats[`chain_acn${n}`]);
    const rate = numberField(stats[`chain_rate${n}`]);
    const frequencyMhz = numberField(stats[`freq${n}`]);
    // An empty slot reads chain_acn 0, chain_rate "" and freq 0 (the S19 Pro fixture's fourth chain).
    const present = (chipsTotal ?? 0) > 0 || (rate ?? 0) > 0 || (frequencyMhz ?? 0) > 0;
    if (!present) continue;
    const chipStates = stringField(stats[`chain_acs${n}`], 4096) ?? '';
    const { healthy, failed } = countChipStates(chipStates);
    const boardHashrateThs = rate === null ? null : toTerahash(rate, unit);
    const chipTemps = dashSeparatedNumbers(stats[`temp_chip${n}`]);
    const pcbTemps = dashSeparatedNumbers(stats[`temp_pcb${n}`]);
    const deadBoard = boardHashrateThs === 0 || (chipStates.length > 0 && healthy === 0);
    boards.push({
      index: n - 1,
      hashrateThs: boardHashrateThs,
      chipTempC: maxOf(chipTemps) ?? numberField(stats[`temp2_${n}`]),
      boardTempC: maxOf(pcbTemps) ?? numberField(stats[`temp${n}`]),
      frequencyMhz,
      chipsOk: chipStates.length > 0 ? healthy : chipsTotal,
      chipsTotal,
      hardwareErrors: safeIntField(stats[`chain_hw${n}`]),
      powerW: null,
      fanPercent: null,
      status: deadBoard ? 'dead' : failed > 0 ? 'degraded' : 'ok',
    });
  }
  return boards;
}

/**
 * Fans sit in different slots per model (S19: fan1-fan4; S9: fan5-fan6 with fan1-fan4 reading 0), while fan_num says
 * how many are fitted. Spinning fans are taken first, then stopped ones up to fan_num, so a failed fan still shows.
 */
function fansFromStats(stats: JsonObject): Fan[] {
  const declared = intField(stats['fan_num']);
  const readings: Fan[] = [];
  for (let n = 1; n <= MAX_FANS; n += 1) {
    const rpm = numberField(stats[`fan${n}`]);
    if (rpm !== null) readings.push({ index: n - 1, rpm });
  }
  const spinning = readings.filter((fan) => fan.rpm > 0);
  const stopped = readings.filter((fan) => fan.rpm <= 0);
  const missing = Math.max(0, (declared ?? spinning.length) - spinning.length);
  return [...spinning, ...stopped.slice(0, missing)].sort((a, b) => a.index - b.index);
}

function poolStatus(value: unknown): Pool['status'] {
  const status = stringField(value, 16)?.toLowerCase();
  if (status === 'alive') return 'alive';
  if (status === 'dead') return 'dead';
  if (status === 'disabled') return 'disabled';
  return 'unknown';
}

export function poolsFromReply(reply: JsonObject | null): Pool[] {
  if (!reply) return [];
  const rows = entries(reply, 'POOLS').slice(0, 16);
  const pools = rows.map((row, position): Pool => {
    const status = poolStatus(row['Status']);
    return {
      index: indexField(row['POOL'], position),
      url: stringField(row['URL']) ?? '',
      user: stringField(row['User']) ?? '',
      status,
      priority: safeIntField(row['Priority']),
      accepted: numberField(row['Accepted']),
      rejected: numberField(row['Rejected']),
      active: row['Stratum Active'] === true,
    };
  });
  // Firmwares without "Stratum Active" mine on the alive pool with the best (lowest) priority.
  if (!pools.some((pool) => pool.active)) {
    const best = pools
      .filter((pool) => pool.status === 'alive')
      .sort((a, b) => (a.priority ?? a.index) - (b.priority ?? b.index))[0];
    if (best) best.active = true;
  }
  return pools;
}

function measuredPowerW(summary: JsonObject | null, stats: JsonObject | null): number | null {
  for (const source of [summary, stats]) {
    if (!isObject(source)) continue;
    const power = numberField(source['Power'] ?? source['power'] ?? source['chain_power']);
    if (power !== null && power > 0) return power;
  }
  return null;
}

/** Sums and products of hostile figures (1e308 twice) overflow; the contract takes no Infinity. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function averageFrequencyMhz(boards: readonly Hashboard[]): number | null {
  const clocks = boards.map((board) => board.frequencyMhz).filter((mhz): mhz is number => mhz !== null && mhz > 0);
  if (clocks.length === 0) return null;
  const mean = clocks.reduce((sum, mhz) => sum + mhz, 0) / clocks.length;
  // Only hostile figures overflow the plain sum; dividing first keeps them finite where it can.
  return Number.isFinite(mean) ? mean : finiteOrNull(clocks.reduce((sum, mhz) => sum + mhz / clocks.length, 0));
}

/**
 * Antminer "Mode":254 in stats is sleep on the firmwares that report it (a sleeping T17+, foreman-apps
 * AntminerPowerModeITest; Foreman's StockPowerModeStrategy reads it the same way). A rig that hashes is not paused.
 * Anything else is unknown here: a sleeping S19 shows only zero rates and failed chips, like a broken one.
 */
function pausedOf(stats: JsonObject | null, hashrateThs: number | null): boolean | null {
  if (intField(stats?.['Mode']) === 254) return true;
  if (hashrateThs !== null && hashrateThs > 0) return false;
  return null;
}

function controlOf(
  stats: JsonObject | null,
  devs: JsonObject | null,
  boards: readonly Hashboard[],
  hashrateThs: number | null,
): ControlState {
  return {
    powerTargetW: null,
    frequencyMhz: averageFrequencyMhz(boards),
    voltageMv: stats ? null : averageGpuVoltageMv(devs),
    threads: null,
    paused: pausedOf(stats, hashrateThs),
  };
}

/**
 * A sleeping rig's boards are off on purpose: zero rate and every chip 'x' (the sleeping S19 capture) do not mean
 * they failed, so they read 'ok' while the rig is known to be paused. Otherwise a sleep would look like a dead board
 * to alerts and to the read-back after a pause.
 */
export function markAsleep(snapshot: RigSnapshot): RigSnapshot {
  snapshot.control.paused = true;
  snapshot.boards = snapshot.boards.map((board) =>
    board.status === 'dead' && !(board.hashrateThs !== null && board.hashrateThs > 0)
      ? { ...board, status: 'ok' }
      : board,
  );
  return snapshot;
}

export function snapshotFromReplies(replies: CgminerReplies, model: string, takenAt: number): RigSnapshot {
  const summary = replies.summary ? firstEntry(replies.summary, 'SUMMARY') : null;
  const stats = chainStats(replies.stats);
  const boards = stats ? boardsFromStats(stats) : replies.devs ? boardsFromDevs(replies.devs) : [];
  const fans = stats ? fansFromStats(stats) : replies.devs ? fansFromDevs(replies.devs) : [];
  const rigHashrateThs = rowHashrateThs(summary, '5s') ?? rowHashrateThs(stats, '5s');
  const measured = measuredPowerW(summary, stats);
  const nominal = nominalEfficiencyJPerTh(model);
  const estimated = finiteOrNull(
    measured === null && nominal !== null && rigHashrateThs !== null ? rigHashrateThs * nominal : null,
  );
  const powerW = measured ?? estimated;
  const snapshot: RigSnapshot = {
    takenAt,
    hashrateThs: rigHashrateThs,
    hashrateAvgThs: rowHashrateThs(summary, 'av') ?? rowHashrateThs(stats, 'av'),
    powerW,
    powerIsEstimate: measured === null && estimated !== null,
    efficiencyJPerTh: finiteOrNull(efficiencyJPerTh(powerW, rigHashrateThs)),
    maxChipTempC: maxOf(boards.map((board) => board.chipTempC)),
    maxBoardTempC: maxOf(boards.map((board) => board.boardTempC)),
    boards,
    fans,
    pools: poolsFromReply(replies.pools),
    uptimeS: numberField(summary?.['Elapsed'] ?? stats?.['Elapsed']),
    accepted: numberField(summary?.['Accepted']),
    rejected: numberField(summary?.['Rejected']),
    hardwareErrors: numberField(summary?.['Hardware Errors']),
    control: controlOf(stats, replies.devs, boards, rigHashrateThs),
  };
  return snapshot.control.paused === true ? markAsleep(snapshot) : snapshot;
}
