// `stats` STATS[1] as S19-era BMMiner 1.0.0 sends it (S19 Pro, S19j Pro; T19 assumed the same). Order and types
// follow the S19 Pro capture: "GHS 5s" a number, chain_rate strings, "total rate" with a space, 4 chain slots.

import type { BoardReading } from './physics-reading.js';
import { averageGhs } from './reply-context.js';
import type { ReplyContext } from './reply-context.js';
import { boardsFromSlot, chainFields, meanFrequencyMhz, noMatchingWork, sensors, slots } from './reply-stats-common.js';
import { fixed } from './serialize.js';
import type { WireObject } from './serialize.js';

const CHAIN_SLOTS = 4;

interface BoardTemps {
  chip: number[];
  pcb: number[];
}

/** The hot S19j Pro capture lists two outlet-side sensors, then two inlet-side ones ("84-84-66-66"). */
function boardTemps(board: BoardReading, ambientC: number, jitter: () => number): BoardTemps {
  const inletDrop = (board.chipTempC - ambientC) * 0.3;
  const top = board.chipTempC;
  const chip = [top, top - jitter(), top - inletDrop, top - inletDrop - jitter()];
  const pcbDrop = board.chipTempC - board.pcbTempC;
  return { chip, pcb: chip.map((value) => value - pcbDrop) };
}

export function s19Stats(context: ReplyContext): WireObject {
  const { model, reading, physics } = context;
  const jitter = (): number => context.random() * 2;
  const temps = reading.boards.map((board) => boardTemps(board, physics.ambientC, jitter));
  const stats: WireObject = {
    STATS: 0,
    ID: model.firmware.statsId,
    Elapsed: Math.floor(physics.elapsedS),
    Calls: 0,
    Wait: 0,
    Max: 0,
    Min: 99_999_999,
    'GHS 5s': fixed(context.ghs5s, 2),
    'GHS av': fixed(averageGhs(context), 2),
    rate_30m: fixed(physics.rate30mGhs, 2),
    Mode: 2,
    miner_count: model.boards,
    frequency: meanFrequencyMhz(context),
    fan_num: model.fans,
  };
  reading.fanRpm.forEach((rpm, index) => (stats[`fan${index + 1}`] = rpm));
  stats.temp_num = model.boards;
  temps.forEach((board, index) => {
    // The real reply interleaves PCB and chip maxima: temp1, temp2_1, temp2, temp2_2, ...
    stats[`temp${index + 1}`] = Math.round(Math.max(...board.pcb));
    stats[`temp2_${index + 1}`] = Math.round(Math.max(...board.chip));
  });
  const none = [0, 0, 0, 0];
  slots(stats, 'temp_pcb', CHAIN_SLOTS, (slot) => sensors(temps[slot - 1]?.pcb ?? none));
  slots(stats, 'temp_chip', CHAIN_SLOTS, (slot) => sensors(temps[slot - 1]?.chip ?? none));
  // The PIC sensor reads about 10 °C under the PCB in the hot capture ("69-69-51-51" vs "79-79-61-61").
  slots(stats, 'temp_pic', CHAIN_SLOTS, (slot) => sensors(temps[slot - 1]?.pcb.map((value) => value - 10) ?? none));
  stats.total_rateideal = fixed(reading.idealGhs, 2);
  stats.rate_unit = 'GH';
  stats.total_freqavg = meanFrequencyMhz(context);
  stats.total_acn = model.boards * model.chipsPerBoard;
  stats['total rate'] = fixed(averageGhs(context), 2);
  // Stock S19 firmware sends temp_max 0 whatever the temperatures are (both captures).
  stats.temp_max = 0;
  stats.no_matching_work = noMatchingWork(context);
  chainFields(context, stats, CHAIN_SLOTS, boardsFromSlot(context, 1), '');
  slots(stats, 'freq', CHAIN_SLOTS, (slot) => physics.boards[slot - 1]?.frequencyMhz ?? 0);
  stats.miner_version = model.firmware.miner;
  stats.miner_id = context.identity.minerId;
  return stats;
}
