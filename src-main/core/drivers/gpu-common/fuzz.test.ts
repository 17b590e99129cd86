// Every GPU parser fed 10,000 broken replies (seeded, so a failure replays): none may throw, and whatever it returns
// must still be a valid RigSnapshot / RigIdentity, so a hostile rig cannot put NaN, Infinity or a negative index in
// front of the operator or crash a poll.
import { describe, expect, it } from 'vitest';
import { RigIdentitySchema, RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { GMINER_1_34_STAT, GMINER_HIVEOS_SAMPLE_STAT } from '../gminer/fixtures.js';
import { gminerIdentity, gminerSnapshot } from '../gminer/stat.js';
import { LOLMINER_1_0_SUMMARY, LOLMINER_1_16A_SUMMARY } from '../lolminer/fixtures.js';
import { lolminerIdentity, lolminerSnapshot } from '../lolminer/summary.js';
import { SRBMINER_0_1_8_GPU, SRBMINER_0_5_6_CPU } from '../srbminer/fixtures.js';
import { srbminerIdentity, srbminerSnapshot } from '../srbminer/status.js';
import { TREX_0_19_5_SUMMARY, TREX_0_24_6_SUMMARY, TREX_0_9_1_SUMMARY } from '../trex/fixtures.js';
import { trexIdentity, trexRefusal, trexSnapshot } from '../trex/summary.js';
import { asJsonObject, mutate, mutateText, randomValue, seededRandom } from './fuzz.js';

const CASES = 10_000;
const ALL_FIXTURES: readonly JsonObject[] = [
  TREX_0_9_1_SUMMARY,
  TREX_0_19_5_SUMMARY,
  TREX_0_24_6_SUMMARY,
  LOLMINER_1_0_SUMMARY,
  LOLMINER_1_16A_SUMMARY,
  GMINER_1_34_STAT,
  GMINER_HIVEOS_SAMPLE_STAT,
  SRBMINER_0_5_6_CPU,
  SRBMINER_0_1_8_GPU,
];

interface Parser {
  family: string;
  own: readonly JsonObject[];
  snapshot: (reply: JsonObject, takenAt: number) => unknown;
  identity: (host: string, port: number, reply: JsonObject) => unknown;
}

const PARSERS: readonly Parser[] = [
  {
    family: 'trex',
    own: [TREX_0_9_1_SUMMARY, TREX_0_19_5_SUMMARY, TREX_0_24_6_SUMMARY],
    snapshot: (reply, takenAt) => {
      trexRefusal(reply);
      return trexSnapshot(reply, takenAt);
    },
    identity: trexIdentity,
  },
  {
    family: 'lolminer',
    own: [LOLMINER_1_0_SUMMARY, LOLMINER_1_16A_SUMMARY],
    snapshot: lolminerSnapshot,
    identity: lolminerIdentity,
  },
  {
    family: 'gminer',
    own: [GMINER_1_34_STAT, GMINER_HIVEOS_SAMPLE_STAT],
    snapshot: gminerSnapshot,
    identity: gminerIdentity,
  },
  {
    family: 'srbminer',
    own: [SRBMINER_0_5_6_CPU, SRBMINER_0_1_8_GPU],
    snapshot: srbminerSnapshot,
    identity: srbminerIdentity,
  },
];

/** One broken reply: mostly the family's own replies broken, sometimes others', random values, or mangled text. */
function brokenReply(parser: Parser, next: () => number): JsonObject | null {
  const roll = next();
  const source = roll < 0.5 ? parser.own : ALL_FIXTURES;
  const base = source[Math.floor(next() * source.length)] ?? {};
  if (roll < 0.75) {
    const mutated = mutate(base, next);
    return typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated) ? (mutated as JsonObject) : null;
  }
  if (roll < 0.85) {
    const value = randomValue(next, 4);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  }
  return asJsonObject(mutateText(JSON.stringify(base), next));
}

describe.each(PARSERS)('the $family parser on 10,000 broken replies', (parser) => {
  it('never throws and always returns a valid snapshot and identity (or null)', () => {
    const next = seededRandom(0xf022 + parser.family.charCodeAt(0) * 31 + parser.own.length);
    let parsed = 0;
    for (let round = 0; round < CASES; round += 1) {
      const reply = brokenReply(parser, next);
      if (!reply) continue;
      parsed += 1;
      const snapshot = RigSnapshotSchema.safeParse(parser.snapshot(reply, 1000));
      if (!snapshot.success)
        throw new Error(`round ${round}: ${snapshot.error.message}\n${JSON.stringify(reply).slice(0, 400)}`);
      const identity = parser.identity('127.0.22.1', 4067, reply);
      if (identity !== null) expect(RigIdentitySchema.safeParse(identity).success).toBe(true);
    }
    // Most rounds must reach the parser, or the test would pass without testing.
    expect(parsed).toBeGreaterThan(CASES * 0.6);
  });
});
