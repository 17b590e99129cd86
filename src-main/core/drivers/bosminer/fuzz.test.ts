// 10,000 seeded hostile replies through every parser a rig's bytes reach: no exception may escape, and what comes out
// must still be a snapshot the contract accepts.
import { describe, expect, it } from 'vitest';
import { RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import * as fixtures from './fixtures/bos-replies.js';
import { unframeMessage } from './grpc-client.js';
import { identityFromBosReplies } from './identity.js';
import { decodeLoginToken, decodePoolGroups, decodeSetPowerTargetResponse, encodeSetPoolGroups } from './messages.js';
import { parseSection, READ_COMMANDS, replyOf } from './parse.js';
import { ProtoDecodeError } from './protobuf.js';
import type { BosReplies } from './read.js';
import { snapshotFromBosReplies } from './snapshot.js';

const ITERATIONS = 10_000;

/** mulberry32, seeded: the same 10,000 cases every run, so a failure can be replayed. */
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

const SOURCES: Record<string, object> = {
  summary: fixtures.BOSMINER_PLUS_SUMMARY,
  pools: fixtures.BOSMINER_PLUS_POOLS,
  devs: fixtures.FOREMAN_S9_DEVS,
  devdetails: fixtures.DOCS_DEVDETAILS,
  temps: fixtures.DOCS_TEMPS,
  fans: fixtures.BOSMINER_PLUS_FANS,
  tunerstatus: fixtures.DOCS_TUNERSTATUS,
};

function oddValue(next: () => number): unknown {
  const pick = Math.floor(next() * 12);
  const values: unknown[] = [
    null,
    -1,
    1e308,
    -0,
    'NaN',
    '',
    'x'.repeat(1 + Math.floor(next() * 1000)),
    [],
    {},
    [[[[[]]]]],
    true,
    { STATUS: 'E' },
  ];
  return values[pick];
}

/** Replaces, deletes or duplicates values anywhere in a copy of a real reply. */
function mutateValue(value: unknown, next: () => number, depth = 0): unknown {
  if (depth > 6) return value;
  if (next() < 0.08) return oddValue(next);
  if (Array.isArray(value)) {
    const copy = value.map((item) => mutateValue(item, next, depth + 1));
    if (next() < 0.1) copy.push(...copy);
    if (next() < 0.1) copy.splice(0, Math.floor(next() * copy.length));
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (next() < 0.05) continue;
      copy[next() < 0.02 ? key.toLowerCase() : key] = mutateValue(item, next, depth + 1);
    }
    return copy;
  }
  return value;
}

/** Byte-level damage: truncation, random bytes, NULs, or noise instead of a reply. */
function mutateText(text: string, next: () => number): string {
  const roll = next();
  if (roll < 0.2) return text.slice(0, Math.floor(next() * text.length));
  if (roll < 0.35) {
    const at = Math.floor(next() * text.length);
    const noise = Array.from({ length: 1 + Math.floor(next() * 20) }, () =>
      String.fromCharCode(Math.floor(next() * 256)),
    );
    return text.slice(0, at) + noise.join('') + text.slice(at);
  }
  if (roll < 0.45)
    return Array.from({ length: Math.floor(next() * 300) }, () => String.fromCharCode(Math.floor(next() * 65536))).join(
      '',
    );
  if (roll < 0.55) return text.replaceAll(',', next() < 0.5 ? '' : ',,').replace('}', '}{');
  return text;
}

function hostileReplies(next: () => number): BosReplies {
  const replies: BosReplies = new Map();
  for (const command of READ_COMMANDS) {
    if (next() < 0.1) continue;
    const source = SOURCES[command] ?? {};
    const text = mutateText(JSON.stringify(mutateValue(source, next)), next);
    replies.set(command, parseSection(text));
  }
  return replies;
}

function randomBytes(next: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

describe('BOSminer parsers against 10,000 seeded hostile replies', () => {
  it('never throw, and every snapshot they build satisfies the contract schema', { timeout: 60_000 }, () => {
    const next = seeded(20_230);
    const models = ['Antminer S9', 'Antminer S19j Pro', 'Antminer S19 XP', 'Unknown thing'];
    let schemaFailures = 0;
    for (let index = 0; index < ITERATIONS; index += 1) {
      const replies = hostileReplies(next);
      const snapshot = snapshotFromBosReplies(replies, models[index % models.length] ?? 'x', index);
      if (!RigSnapshotSchema.safeParse(snapshot).success) schemaFailures += 1;
      const version = parseSection(mutateText(JSON.stringify(mutateValue(fixtures.BOSER_VERSION, next)), next));
      const versionReply = replyOf(version);
      if (versionReply) identityFromBosReplies('127.0.23.9', 4028, versionReply, replyOf(replies.get('devdetails')));
    }
    expect(schemaFailures).toBe(0);
  });

  it('decode gRPC replies to a value or a ProtoDecodeError, never any other exception', { timeout: 60_000 }, () => {
    const next = seeded(50_051);
    const real = encodeSetPoolGroups([{ url: 'stratum+tcp://a.test:3333', user: 'u.1', password: 'x' }]);
    const unexpected: unknown[] = [];
    for (let index = 0; index < ITERATIONS; index += 1) {
      const body =
        next() < 0.5
          ? randomBytes(next, Math.floor(next() * 64))
          : real
              .map((byte) => (next() < 0.05 ? Math.floor(next() * 256) : byte))
              .slice(0, Math.floor(next() * (real.length + 1)));
      for (const decode of [decodePoolGroups, decodeLoginToken, decodeSetPowerTargetResponse]) {
        try {
          decode(body);
        } catch (error) {
          if (!(error instanceof ProtoDecodeError)) unexpected.push(error);
        }
      }
      unframeMessage(Buffer.from(randomBytes(next, Math.floor(next() * 12))));
    }
    expect(unexpected).toEqual([]);
  });
});
