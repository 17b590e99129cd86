// 10,000 mutated and random replies through everything the read path, identification and the privileged-reply reader
// do with a rig's bytes. Nothing may throw, and whatever comes out must still be a valid snapshot or identity. The
// mutations start from the real captures (fixtures/) and are drawn from a seeded generator, so a failure replays.
import { describe, expect, it } from 'vitest';
import { RigIdentitySchema, RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import { mixSeed, mulberry32 } from '../../../sim/random.js';
import { parseCgminerReply, parseLenientJson, splitMultiReply, type JsonObject } from '../cgminer/parse.js';
import { aesKeyFor, decryptText, encryptText } from './cipher.js';
import { M20S_DEVS, M20S_POOLS, M20S_SUMMARY_TEXT } from './fixtures/m20s.js';
import { M30S_PLUS_MULTI } from './fixtures/m30s-plus.js';
import { GET_TOKEN_REPLY_TEXT, NO_WRITE_ACCESS_REPLY_TEXT, VERSION_ERROR_TEXT } from './fixtures/privileged.js';
import { identityFromReplies, isWhatsminerReply } from './identity.js';
import { normaliseModel } from './models.js';
import { btminerStatus, privilegedOutcome, tokenFromReply } from './replies.js';
import { snapshotFromReplies } from './snapshot.js';

const ITERATIONS = 10_000;
const KEY = aesKeyFor('fuzz');

const SEEDS: readonly string[] = [
  M20S_SUMMARY_TEXT,
  JSON.stringify(M20S_DEVS),
  JSON.stringify(M20S_POOLS),
  JSON.stringify(M30S_PLUS_MULTI),
  GET_TOKEN_REPLY_TEXT,
  NO_WRITE_ACCESS_REPLY_TEXT,
  VERSION_ERROR_TEXT,
  '{"STATUS":"S","When":1,"Code":131,"Msg":{"api_ver":"2.0.5","fw_ver":"20200917.22.REL","pin":"3310","fan_speed":"8000"}}',
  '{"STATUS":[{"STATUS":"S","Code":69}],"DEVDETAILS":[{"DEVDETAILS":0,"Name":"SM","Driver":"bitmicro","Model":"M20S_V20"}]}',
];

type Random = () => number;

function pick<T>(next: Random, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function randomText(next: Random, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += String.fromCharCode(Math.floor(next() * 256));
  return text;
}

function randomValue(next: Random, depth = 0): unknown {
  switch (Math.floor(next() * 10)) {
    case 0:
      return null;
    case 1:
      return pick(next, [0, -1, 1e308, -1e308, 0.5, 2 ** 53 + 1, -0]);
    case 2:
      return pick(next, ['', 'NaN', 'inf', '-1', '1e400', '0x10', ' 42 ', 'Dead', 'N', "'\\'x\\''"]);
    case 3:
      return 'x'.repeat(Math.floor(next() * 5000));
    case 4:
      return next() < 0.5;
    case 5:
      return depth > 3 ? [] : Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    case 6:
      return depth > 3 ? {} : { STATUS: randomValue(next, depth + 1), Msg: randomValue(next, depth + 1) };
    case 7:
      return randomText(next, Math.floor(next() * 40));
    default:
      return Math.floor(next() * 1e6) / 100;
  }
}

/** Replaces one value somewhere inside a parsed reply with a value of a random type. */
function swapSomeValue(value: unknown, next: Random): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || next() < 0.2) return randomValue(next);
    const copy: unknown[] = [...(value as unknown[])];
    const at = Math.floor(next() * copy.length);
    copy[at] = swapSomeValue(copy[at], next);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0 || next() < 0.15) return randomValue(next);
    const key = pick(next, keys);
    return { ...value, [key]: swapSomeValue((value as Record<string, unknown>)[key], next) };
  }
  return randomValue(next);
}

/** Nesting deep enough that JSON.stringify overflows the stack (about 10,000 levels on Node 20), but rare: costly. */
function deeplyNested(next: Random): string {
  const depth = 10_500 + Math.floor(next() * 2500);
  const open = next() < 0.5 ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return `{"SUMMARY":${open.repeat(depth)}1${close.repeat(depth)},"DEVS":${open.repeat(depth)}2${close.repeat(depth)}}`;
}

function mutate(next: Random): string {
  const seed = pick(next, SEEDS);
  if (next() < 0.01) return deeplyNested(next);
  switch (Math.floor(next() * 7)) {
    case 0:
      return seed.slice(0, Math.floor(next() * seed.length));
    case 1: {
      const chars = [...seed];
      for (let flips = 1 + Math.floor(next() * 8); flips > 0; flips -= 1) {
        chars[Math.floor(next() * chars.length)] = pick(next, ['{', '}', '[', ']', '"', '\\', ',', ':', '\0', 'x']);
      }
      return chars.join('');
    }
    case 2:
    case 3: {
      const parsed = parseLenientJson(seed);
      let value: unknown = parsed.ok ? parsed.value : {};
      for (let swaps = 1 + Math.floor(next() * 4); swaps > 0; swaps -= 1) value = swapSomeValue(value, next);
      return JSON.stringify(value);
    }
    case 4:
      return randomText(next, Math.floor(next() * 2000));
    case 5:
      return seed + randomText(next, Math.floor(next() * 50)) + pick(next, SEEDS);
    default:
      return JSON.stringify({ enc: encryptText(mutate(next), KEY) });
  }
}

function exercise(text: string): void {
  // parseCgminerReply is the lenient parse plus the STATUS check: one parse gives the value both paths would read.
  const outcome = parseCgminerReply(text);
  const lenient = parseLenientJson(text);
  const values: JsonObject[] = lenient.ok ? [lenient.value] : [];
  expect(outcome.ok === false || lenient.ok).toBe(true);
  for (const value of values) {
    const snapshot = snapshotFromReplies(
      { summary: value, devs: value, pools: value, psu: value },
      'Whatsminer M20S V20',
      1,
    );
    expect(RigSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const mixed = snapshotFromReplies({ summary: null, devs: M20S_DEVS, pools: value, psu: value }, 'x', 1);
    expect(RigSnapshotSchema.safeParse(mixed).success).toBe(true);
    const identity = identityFromReplies('127.0.20.1', 4028, { devdetails: value, getVersion: value, summary: value });
    expect(RigIdentitySchema.safeParse(identity).success).toBe(true);
    isWhatsminerReply(value);
    splitMultiReply(value, ['summary', 'devs', 'pools']);
    tokenFromReply(value);
    btminerStatus(value);
    normaliseModel(value['Model'] ?? value['Msg']);
  }
  privilegedOutcome(text, KEY, 'update_pools');
  decryptText(text, KEY);
}

describe('parsing hostile replies', () => {
  it(`survives ${ITERATIONS} mutated and random replies without an exception and with valid output`, () => {
    const next = mulberry32(mixSeed(0xf022, 2024));
    let parsedAtLeastOnce = 0;
    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const text = mutate(next);
      if (parseLenientJson(text).ok) parsedAtLeastOnce += 1;
      expect(() => exercise(text), `iteration ${iteration}: ${JSON.stringify(text.slice(0, 120))}`).not.toThrow();
    }
    // The mutations must reach the field readers, not just the JSON parser's error path.
    expect(parsedAtLeastOnce).toBeGreaterThan(ITERATIONS / 3);
  }, 120_000);
});
