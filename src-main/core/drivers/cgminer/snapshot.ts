// A snapshot from the `summary`, `stats`, `pools` and `devs` replies of a CGMiner-family rig. Antminer stock firmware
// puts per-chain figures in STATS[1] (STATS[0] is an identity block): chain_rateN, chain_acnN (chip count),
// chain_acsN (one 'o' per healthy chip, 'x' per failed one), chain_hwN, freqN, temp_chipN / temp_pcbN (dash lists),
// temp2_N, fanN (PROTOCOLS.md A1, S19 Pro and S17 Pro fixtures). Other cgminer forks report per-device rows in DEVS.
import { UNKNOWN_CONTROL_STATE } from '../../../../src-shared/model/control.js';
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
import { nominalEfficiencyJPerTh } from './model-specs.js';
import type { JsonObject } from './parse.js';

export interface CgminerReplies {
  summary: JsonObject | null;
  stats: JsonObject | null;
  pools: JsonObject | null;
  devs: JsonObject | null;
}

const MAX_BOARDS = 16;
const MAX_FANS = 16;

/** Reads "GHS 5s", "MHS av", ... whichever unit the firmware chose, as TH/s. */
function hashrateThs(entry: JsonObject | null, window: '5s' | 'av'): number | null {
  if (!entry) return null;
  const units: ReadonlyArray<readonly [string, HashrateUnit]> = [
    ['THS', 'TH'],
    ['GHS', 'GH'],
    ['MHS', 'MH'],
    ['KHS', 'KH'],
  ];
  for (const [prefix, unit] of units) {
    const value = numberField(entry[`${prefix} ${window}`]);
    if (value !== null) return toTerahash(value, unit);
  }
  return null;
}

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
    const chipsTotal = intField(stats[`chain_acn${n}`]);
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
      hardwareErrors: intField(stats[`chain_hw${n}`]),
      powerW: null,
      fanPercent: null,
      status: deadBoard ? 'dead' : failed > 0 ? 'degraded' : 'ok',
    });
  }
  return boards;
}

function boardsFromDevs(devs: JsonObject): Hashboard[] {
  return entries(devs, 'DEVS')
    .slice(0, MAX_BOARDS)
    .map((dev, position) => {
      const status = stringField(dev['Status'], 16)?.toLowerCase();
      const rate = hashrateThs(dev, '5s');
      const enabled = stringField(dev['Enabled'], 4);
      return {
        index: intField(dev['ASC'] ?? dev['GPU'] ?? dev['PGA']) ?? position,
        hashrateThs: rate,
        chipTempC: numberField(dev['Chip Temp Avg'] ?? dev['Temperature']),
        boardTempC: numberField(dev['Temperature']),
        frequencyMhz: numberField(dev['Frequency'] ?? dev['frequency']),
        chipsOk: null,
        chipsTotal: null,
        hardwareErrors: intField(dev['Hardware Errors']),
        powerW: numberField(dev['Power'] ?? dev['GPU Power']),
        fanPercent: numberField(dev['Fan Percent']),
        status: status === 'dead' || status === 'sick' || enabled === 'N' || rate === 0 ? 'dead' : 'ok',
      };
    });
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
      index: intField(row['POOL']) ?? position,
      url: stringField(row['URL']) ?? '',
      user: stringField(row['User']) ?? '',
      status,
      priority: intField(row['Priority']),
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

function averageFrequencyMhz(boards: readonly Hashboard[]): number | null {
  const clocks = boards.map((board) => board.frequencyMhz).filter((mhz): mhz is number => mhz !== null && mhz > 0);
  return clocks.length === 0 ? null : clocks.reduce((sum, mhz) => sum + mhz, 0) / clocks.length;
}

export function snapshotFromReplies(replies: CgminerReplies, model: string, takenAt: number): RigSnapshot {
  const summary = replies.summary ? firstEntry(replies.summary, 'SUMMARY') : null;
  const stats = chainStats(replies.stats);
  const boards = stats ? boardsFromStats(stats) : replies.devs ? boardsFromDevs(replies.devs) : [];
  const fans = stats ? fansFromStats(stats) : [];
  const rigHashrateThs = hashrateThs(summary, '5s') ?? hashrateThs(stats, '5s');
  const measured = measuredPowerW(summary, stats);
  const nominal = nominalEfficiencyJPerTh(model);
  const estimated = measured === null && nominal !== null && rigHashrateThs !== null ? rigHashrateThs * nominal : null;
  const powerW = measured ?? estimated;
  return {
    takenAt,
    hashrateThs: rigHashrateThs,
    hashrateAvgThs: hashrateThs(summary, 'av') ?? hashrateThs(stats, 'av'),
    powerW,
    powerIsEstimate: measured === null && estimated !== null,
    efficiencyJPerTh: efficiencyJPerTh(powerW, rigHashrateThs),
    maxChipTempC: maxOf(boards.map((board) => board.chipTempC)),
    maxBoardTempC: maxOf(boards.map((board) => board.boardTempC)),
    boards,
    fans,
    pools: poolsFromReply(replies.pools),
    uptimeS: numberField(summary?.['Elapsed'] ?? stats?.['Elapsed']),
    accepted: numberField(summary?.['Accepted']),
    rejected: numberField(summary?.['Rejected']),
    hardwareErrors: numberField(summary?.['Hardware Errors']),
    control: { ...UNKNOWN_CONTROL_STATE, frequencyMhz: averageFrequencyMhz(boards) },
  };
}
