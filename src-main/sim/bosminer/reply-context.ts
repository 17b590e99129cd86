// What every BOSminer reply builder reads, and the pieces they share: the STATUS envelope, BOSminer's number
// formatting and the seeded reading noise.
import { gaussian, mixSeed, mulberry32 } from '../random.js';
import { fixed } from '../serialize.js';
import type { WireObject, WireValue } from '../serialize.js';
import type { BosFirmware } from './models.js';
import type { BosPhysics } from './physics-state.js';
import type { SimPoolGroup } from './pools.js';

export interface BosReplyContext {
  rig: BosPhysics;
  groups: readonly SimPoolGroup[];
  nowMs: number;
  seed: number;
  firmware: BosFirmware;
  /** STATUS "Description" of every reply. */
  description: string;
}

export type Severity = 'S' | 'I' | 'W' | 'E';

/** A reply section: name and rows, or a bare list (PAUSE: [true]). */
export interface BosReply {
  severity: Severity;
  code: number;
  msg: string;
  section: { name: string; items: WireValue[] } | null;
}

export function replyObject(reply: BosReply, whenS: number, description: string): WireObject {
  const object: WireObject = {
    STATUS: [{ STATUS: reply.severity, When: whenS, Code: reply.code, Msg: reply.msg, Description: description }],
  };
  if (reply.section) object[reply.section.name] = reply.section.items;
  object.id = 1;
  return object;
}

export function ok(code: number, msg: string, name: string, items: WireValue[]): BosReply {
  return { severity: 'S', code, msg, section: { name, items } };
}

/**
 * BOSminer is written in Rust and serde prints an f64 with a decimal point even when it is whole ("Chip":0.0,
 * "Difficulty Accepted":9961472.0 in the captures), while integer fields print without one. Whole floats are
 * therefore written with one decimal; others as JavaScript prints them (shortest round-trip form, as serde does).
 */
export function f64(value: number): WireValue {
  if (!Number.isFinite(value)) return fixed(0, 1);
  return Number.isInteger(value) ? fixed(value, 1) : value;
}

export function whenS(context: BosReplyContext): number {
  return Math.floor(context.nowMs / 1000);
}

/** 1 + sd x N(0,1), the same for a 5-second window and channel: replies within a window agree with each other. */
export function readingNoise(context: BosReplyContext, channel: number, sd: number): number {
  const window = Math.floor(context.nowMs / 5000);
  return 1 + sd * gaussian(mulberry32(mixSeed(context.seed, 0x5eed, window, channel)));
}
