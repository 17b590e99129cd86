// Pieces shared by every Antminer `stats` layout: chip-status strings, sensor strings, numbered slots, chain fields.

import { chipFlags } from './physics-reading.js';
import type { ReplyContext } from './reply-context.js';
import type { WireObject, WireValue } from './serialize.js';

/** " ooo ooo ooo": chip flags in blocks, with the leading space the firmware prints. */
export function chainAcs(flags: Uint8Array, groupSize: number): string {
  let text = '';
  for (let index = 0; index < flags.length; index += 1) {
    if (index % groupSize === 0) text += ' ';
    text += flags[index] === 1 ? 'o' : 'x';
  }
  return text;
}

/** Four sensors per board as "a-b-c-d"; negative readings give "2--1-20-22", exactly as the firmware prints. */
export function sensors(values: readonly number[]): string {
  return values.map((value) => Math.round(value)).join('-');
}

/** Writes prefix1..prefixN (numbered from 1, as the firmware does). */
export function slots(into: WireObject, prefix: string, count: number, fill: (slot: number) => WireValue): void {
  for (let slot = 1; slot <= count; slot += 1) into[`${prefix}${slot}`] = fill(slot);
}

export function identityBlock(context: ReplyContext): WireObject {
  const { firmware } = context.model;
  return {
    BMMiner: firmware.bmminer,
    Miner: firmware.miner,
    CompileTime: firmware.compileTime,
    Type: context.model.name,
  };
}

export function meanFrequencyMhz(context: ReplyContext): number {
  const live = context.physics.boards.filter((board) => !board.dead);
  return live.length === 0 ? 0 : Math.round(live.reduce((sum, board) => sum + board.frequencyMhz, 0) / live.length);
}

/** Both captures have no_matching_work equal to the sum of chain_hw. */
export function noMatchingWork(context: ReplyContext): number {
  return context.physics.boards.reduce((sum, board) => sum + Math.floor(board.hwErrors), 0);
}

/**
 * chain_acn/acs/hw/rate for every slot. boardOf maps a slot to a board index or null (S9 reports its boards in
 * slots 6..8); emptyRate is what an unused chain_rate slot holds ("" on S19/S17, "0.00000" on the S9 capture).
 */
export function chainFields(
  context: ReplyContext,
  stats: WireObject,
  chainSlots: number,
  boardOf: (slot: number) => number | null,
  emptyRate: string,
): void {
  const { model, physics } = context;
  slots(stats, 'chain_acn', chainSlots, (slot) => (boardOf(slot) === null ? 0 : model.chipsPerBoard));
  slots(stats, 'chain_acs', chainSlots, (slot) => {
    const index = boardOf(slot);
    return index === null ? '' : chainAcs(chipFlags(physics, index), model.acsGroupSize);
  });
  slots(stats, 'chain_hw', chainSlots, (slot) => {
    const index = boardOf(slot);
    return index === null ? 0 : Math.floor(physics.boards[index]?.hwErrors ?? 0);
  });
  // chain_rate is a string even on S19, where "GHS 5s" is a number (S19 Pro capture).
  slots(stats, 'chain_rate', chainSlots, (slot) => {
    const index = boardOf(slot);
    return index === null ? emptyRate : (context.boardGhs5s[index] ?? 0).toFixed(2);
  });
}

/** Maps a 1-based slot to a board index when boards occupy slots first..first+boards-1. */
export function boardsFromSlot(context: ReplyContext, firstSlot: number): (slot: number) => number | null {
  return (slot) => {
    const index = slot - firstSlot;
    return index >= 0 && index < context.model.boards ? index : null;
  };
}
