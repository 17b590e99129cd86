// 10,000 seeded hostile replies through every XMRig parser: none may throw, and the results must stay valid under the
// contract's schemas. The mutator lives with the AxeOS fixtures and is shared by both drivers' fuzz tests.
import { describe, expect, it } from 'vitest';
import { RigIdentitySchema, RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import { fuzzCases } from '../axeos/fixtures/mutate.js';
import { configWithThreads, rpcOutcome } from './control.js';
import { BACKENDS_6_17, CONFIG_6_17, SUMMARY_6_17 } from './fixtures/xmrig.js';
import { identityFromSummary } from './identity.js';
import { configWithPools } from './pools.js';
import { snapshotFromReplies } from './snapshot.js';

const CASES = 10_000;

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

describe('XMRig parsers under 10,000 mutated and random replies', () => {
  it('never throw and always produce schema-valid identities and snapshots', () => {
    const summaries = fuzzCases([SUMMARY_6_17], CASES, 0x5eed1);
    const backends = fuzzCases([BACKENDS_6_17], CASES, 0x5eed2);
    const configs = fuzzCases([CONFIG_6_17], CASES, 0x5eed3);
    let identified = 0;
    for (let index = 0; index < CASES; index += 1) {
      const summary = asObject(summaries.next().value);
      const identity = identityFromSummary('127.0.21.100', 8080, summary, '2');
      if (identity) {
        identified += 1;
        expect(RigIdentitySchema.safeParse(identity).success).toBe(true);
      }
      const config: unknown = configs.next().value;
      const snapshot = snapshotFromReplies(
        { summary, backends: backends.next().value, config: index % 2 === 0 ? asObject(config) : null },
        0,
      );
      if (!RigSnapshotSchema.safeParse(snapshot).success) {
        throw new Error(`invalid snapshot for ${JSON.stringify(summary).slice(0, 300)}`);
      }
    }
    expect(identified).toBeGreaterThan(500);
  });

  it('never throw while rewriting mutated configs or reading mutated JSON-RPC replies', () => {
    const pools = [{ url: 'stratum+tcp://pool.test:3333', user: 'w', password: 'x' }];
    for (const config of fuzzCases([CONFIG_6_17], CASES, 0x5eed4)) {
      configWithPools(asObject(config), pools);
      configWithThreads(asObject(config), 'rx', 2);
      rpcOutcome(asObject(config), 'pause');
    }
  });
});
