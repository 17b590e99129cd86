// Hostile and broken replies, 10,000 of them from a fixed seed: mutated real captures (bytes cut, inserted,
// duplicated, JSON punctuation scattered) and structurally mangled ones (any field replaced by a value of another
// type). Whatever a rig sends, the parsers must return a value or a typed outcome, never throw, and a snapshot must
// still satisfy the contract every snapshot is checked against.
import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import { parseDigestChallenge } from './digest.js';
import { HAMMER_D10_SUMMARY, S17_PRO_POOLS, S19_POOLS, S19_PRO_STATS, S19_PRO_VERSION } from './fixtures/antminer.js';
import { S19_GET_MINER_CONF_RAW, S19_SLEEPING_STATS } from './fixtures/antminer-web.js';
import { TRM_0_3_10_DEVS, TRM_0_3_10_POOLS_RAW } from './fixtures/teamredminer.js';
import { identityFromReplies } from './identity.js';
import { parseMinerConf } from './miner-conf.js';
import { parseCgminerReply, type JsonObject } from './parse.js';
import { snapshotFromReplies } from './snapshot.js';
import { teamRedMinerIdentity } from './teamredminer.js';

const ROUNDS = 10_000;

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEEDS: readonly JsonObject[] = [
  S19_PRO_VERSION,
  S19_PRO_STATS,
  S19_POOLS,
  S17_PRO_POOLS,
  HAMMER_D10_SUMMARY,
  S19_SLEEPING_STATS,
  TRM_0_3_10_DEVS,
  { summary: [HAMMER_D10_SUMMARY], pools: [S19_POOLS], id: 1 },
];
const SEED_TEXTS = [...SEEDS.map((seed) => JSON.stringify(seed)), TRM_0_3_10_POOLS_RAW, S19_GET_MINER_CONF_RAW];
const PUNCTUATION = ['{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', '}{', '[,{', 'inf', 'nan', '\n', '\\u0000'];

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function randomText(next: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += String.fromCharCode(Math.floor(next() * 0x2fff));
  return text;
}

function mutateText(next: () => number, text: string): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 6);
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(next() * (result.length + 1));
    const span = Math.floor(next() * 40);
    switch (Math.floor(next() * 6)) {
      case 0:
        result = result.slice(0, at) + result.slice(at + span);
        break;
      case 1:
        result = result.slice(0, at) + pick(next, PUNCTUATION) + result.slice(at);
        break;
      case 2:
        result =
          result.slice(0, at) + result.slice(at, at + span).repeat(2 + Math.floor(next() * 50)) + result.slice(at);
        break;
      case 3:
        result = result.slice(0, at) + randomText(next, span) + result.slice(at);
        break;
      case 4:
        result = result.slice(0, at);
        break;
      default:
        result = `${'['.repeat(span * 20)}${result}`;
    }
  }
  return result;
}

const STRANGE_VALUES: readonly unknown[] = [
  null,
  true,
  -1,
  -0,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  'inf',
  'NaN',
  '-12',
  '1e999',
  'x'.repeat(5000),
  ' xxxooo'.repeat(300),
  '2--1-20-22-'.repeat(30),
  [],
  [1, 'a', null],
  {},
  { STATUS: 'E' },
  [{ POOL: -3, URL: 5, 'Stratum Active': 'yes' }],
];

/** Replaces a random field somewhere in a copy of the value with a value of some other type. */
function mangle(next: () => number, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = (value as unknown[]).map((item) => (next() < 0.3 ? mangle(next, item, depth + 1) : item));
    if (next() < 0.1) copy.push(pick(next, STRANGE_VALUES));
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const roll = next();
      if (roll < 0.08) continue;
      copy[key] = roll < 0.25 ? pick(next, STRANGE_VALUES) : depth < 6 ? mangle(next, item, depth + 1) : item;
    }
    return copy;
  }
  return next() < 0.2 ? pick(next, STRANGE_VALUES) : value;
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** parseMinerConf's only way to fail is a RigwiseError; anything else escaping is a bug. */
function minerConfOrTypedError(text: string): void {
  try {
    parseMinerConf(text);
  } catch (error) {
    if (!(error instanceof RigwiseError)) throw error;
  }
}

function exercise(reply: JsonObject): void {
  const snapshot = snapshotFromReplies({ summary: reply, stats: reply, pools: reply, devs: reply }, 'Antminer S19', 0);
  const checked = RigSnapshotSchema.safeParse(snapshot);
  if (!checked.success) throw new Error(`snapshot breaks the contract: ${checked.error.message.slice(0, 400)}`);
  const devsOnly = snapshotFromReplies({ summary: reply, stats: null, pools: reply, devs: reply }, 'x', 0);
  if (!RigSnapshotSchema.safeParse(devsOnly).success) throw new Error('devs snapshot breaks the contract');
  identityFromReplies('127.0.24.1', 4028, reply, reply);
  teamRedMinerIdentity('127.0.24.1', 4028, reply, reply);
}

describe('parsers under 10,000 broken and hostile replies (seed 20240601)', () => {
  it('never throw, and every snapshot still satisfies the contract', () => {
    const next = seeded(20240601);
    let parsedObjects = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const mode = next();
      if (mode < 0.45) {
        const text = mutateText(next, pick(next, SEED_TEXTS));
        const outcome = parseCgminerReply(text);
        if (outcome.ok) {
          parsedObjects += 1;
          exercise(outcome.value);
        }
        minerConfOrTypedError(text);
        parseDigestChallenge(`Digest ${text.slice(0, 300)}`);
      } else if (mode < 0.9) {
        exercise(asObject(mangle(next, pick(next, SEEDS))));
      } else {
        const outcome = parseCgminerReply(randomText(next, Math.floor(next() * 600)));
        if (outcome.ok) exercise(outcome.value);
      }
    }
    // The mutations must leave enough replies parseable for the snapshot path to be exercised too.
    expect(parsedObjects).toBeGreaterThan(200);
  });
});
