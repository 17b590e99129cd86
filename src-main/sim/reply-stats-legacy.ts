// `stats` STATS[1] for the older layouts with 16 slots per series: S17 Pro (chains in slots 1..3) and S9 (chains in
// slots 6..8, fans in 5..6). Quirks kept on purpose: rates sent as strings, "frequency":"" and total_freqavg 0.00 on
// S17, floats printed with six decimals ("Wait":0.000000), "total_rate" with an underscore.

import type { BoardReading } from './physics-reading.js';
import { averageGhs, totalHardwareErrors } from './reply-context.js';
import type { ReplyContext } from './reply-context.js';
import { boardsFromSlot, chainFields, meanFrequencyMhz, noMatchingWork, sensors, slots } from './reply-stats-common.js';
import { fixed } from './serialize.js';
import type { WireObject } from './serialize.js';

const SLOTS = 16;

function head(context: ReplyContext): WireObject {
  const { model, physics } = context;
  return {
    STATS: 0,
    ID: model.firmware.statsId,
    Elapsed: Math.floor(physics.elapsedS),
    Calls: 0,
    Wait: fixed(0, 6),
    Max: fixed(0, 6),
    Min: fixed(99_999_999, 6),
    // Sent as a string while "GHS av" is a number (S17 Pro and S9 captures).
    'GHS 5s': context.ghs5s.toFixed(2),
    'GHS av': fixed(averageGhs(context), 2),
  };
}

/** The S17 capture alternates inlet and outlet sensors: chip "48-80-49-70", PCB "22-53-21-50". */
function s17BoardTemps(board: BoardReading, ambientC: number, jitter: () => number): { chip: number[]; pcb: number[] } {
  const chipInlet = board.chipTempC - (board.chipTempC - ambientC) * 0.57;
  const chip = [chipInlet, board.chipTempC, chipInlet + jitter(), board.chipTempC - 3 * jitter()];
  const pcb = [ambientC - jitter(), board.pcbTempC + 1, ambientC - 2 * jitter(), board.pcbTempC - jitter()];
  return { chip, pcb };
}

export function s17Stats(context: ReplyContext): WireObject {
  const { model, reading, physics } = context;
  const jitter = (): number => context.random() * 3;
  const temps = reading.boards.map((board) => s17BoardTemps(board, physics.ambientC, jitter));
  const pcbMax = temps.map((board) => Math.round(Math.max(...board.pcb)));
  const chipMax = temps.map((board) => Math.round(Math.max(...board.chip)));
  const stats = head(context);
  stats['GHS 30m'] = fixed(physics.rate30mGhs, 2);
  Object.assign(stats, { Mode: 1, miner_count: model.boards, frequency: '', fan_num: model.fans });
  slots(stats, 'fan', SLOTS, (slot) => reading.fanRpm[slot - 1] ?? 0);
  stats.temp_num = model.boards;
  slots(stats, 'temp', SLOTS, (slot) => pcbMax[slot - 1] ?? 0);
  slots(stats, 'temp2_', SLOTS, (slot) => chipMax[slot - 1] ?? 0);
  slots(stats, 'temp3_', SLOTS, (slot) => chipMax[slot - 1] ?? 0);
  const none = [0, 0, 0, 0];
  slots(stats, 'temp_pcb', SLOTS, (slot) => sensors(temps[slot - 1]?.pcb ?? none));
  slots(stats, 'temp_chip', SLOTS, (slot) => sensors(temps[slot - 1]?.chip ?? none));
  stats.total_rateideal = fixed(reading.idealGhs, 2);
  stats.rate_unit = 'GH';
  stats.total_freqavg = fixed(0, 2);
  stats.total_acn = model.boards * model.chipsPerBoard;
  // total_rate follows the 5 s rate here (54997.00 beside "GHS 5s":"54997.01"), unlike S19's "total rate".
  stats.total_rate = fixed(context.ghs5s, 2);
  slots(stats, 'chain_rateideal', SLOTS, () => fixed(0, 2));
  stats.temp_max = Math.max(0, ...pcbMax);
  stats.no_matching_work = noMatchingWork(context);
  chainFields(context, stats, SLOTS, boardsFromSlot(context, 1), '');
  for (let board = 1; board <= model.boards; board += 1) stats[`chain_xtime${board}`] = '{}';
  for (let board = 1; board <= model.boards; board += 1) stats[`chain_offside_${board}`] = '';
  for (let board = 1; board <= model.boards; board += 1) stats[`chain_opencore_${board}`] = '1';
  slots(stats, 'freq', SLOTS, (slot) => physics.boards[slot - 1]?.frequencyMhz ?? 0);
  stats.miner_version = model.firmware.miner;
  stats.miner_id = context.identity.minerId;
  return stats;
}

/** S9 boards sit in chain slots 6..8 (the control board numbers its connectors that way). */
const S9_FIRST_CHAIN_SLOT = 6;
const S9_FIRST_FAN_SLOT = 5;
const S9_FAN_SLOTS = 8;

export function s9Stats(context: ReplyContext): WireObject {
  const { model, reading, physics } = context;
  const boardOf = boardsFromSlot(context, S9_FIRST_CHAIN_SLOT);
  const onBoard = <T>(slot: number, value: (index: number) => T, empty: T): T => {
    const index = boardOf(slot);
    return index === null ? empty : value(index);
  };
  const stats = head(context);
  Object.assign(stats, {
    miner_count: model.boards,
    frequency: String(meanFrequencyMhz(context)),
    fan_num: model.fans,
  });
  slots(stats, 'fan', S9_FAN_SLOTS, (slot) => reading.fanRpm[slot - S9_FIRST_FAN_SLOT] ?? 0);
  stats.temp_num = model.boards;
  slots(stats, 'temp', SLOTS, (slot) => onBoard(slot, (index) => Math.round(reading.boards[index]?.pcbTempC ?? 0), 0));
  slots(stats, 'temp2_', SLOTS, (slot) =>
    onBoard(slot, (index) => Math.round(reading.boards[index]?.chipTempC ?? 0), 0),
  );
  slots(stats, 'temp3_', SLOTS, () => 0);
  slots(stats, 'freq_avg', SLOTS, (slot) =>
    fixed(
      onBoard(slot, (index) => physics.boards[index]?.frequencyMhz ?? 0, 0),
      2,
    ),
  );
  stats.total_rateideal = fixed(reading.idealGhs, 2);
  stats.total_freqavg = fixed(meanFrequencyMhz(context), 2);
  stats.total_acn = model.boards * model.chipsPerBoard;
  stats.total_rate = fixed(context.ghs5s, 2);
  slots(stats, 'chain_rateideal', SLOTS, (slot) =>
    fixed(
      onBoard(slot, (index) => reading.boards[index]?.idealGhs ?? 0, 0),
      2,
    ),
  );
  stats.temp_max = Math.max(0, ...reading.boards.map((board) => Math.round(board.chipTempC)));
  const hwFraction = totalHardwareErrors(context) / Math.max(1, context.physics.accepted * 65_536);
  stats['Device Hardware%'] = fixed(hwFraction * 100, 4);
  stats.no_matching_work = noMatchingWork(context);
  chainFields(context, stats, SLOTS, boardOf, '0.00000');
  for (let board = 0; board < model.boards; board += 1) stats[`chain_xtime${board + S9_FIRST_CHAIN_SLOT}`] = '{}';
  for (let board = 0; board < model.boards; board += 1) stats[`chain_offside_${board + S9_FIRST_CHAIN_SLOT}`] = '0';
  for (let board = 0; board < model.boards; board += 1) stats[`chain_opencore_${board + S9_FIRST_CHAIN_SLOT}`] = '0';
  stats.miner_version = model.firmware.miner;
  stats.miner_id = context.identity.minerId;
  return stats;
}
