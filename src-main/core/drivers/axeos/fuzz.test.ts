// 10,000 seeded hostile replies through every AxeOS parser: none may throw, and whatever comes out must still be a
// valid identity or snapshot under the contract's schemas (no NaN, no Infinity, no wrong types).
import { describe, expect, it } from 'vitest';
import { RigIdentitySchema, RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import { axeosCapabilities } from './control.js';
import { ASIC_SETTINGS_OPENAPI, INFO_V2_6_0, NERDQAXE_INFO } from './fixtures/bitaxe.js';
import { fuzzCases } from './fixtures/mutate.js';
import { identityFromInfo } from './identity.js';
import { readAsicSettings } from './parse.js';
import { snapshotFromInfo } from './snapshot.js';

const CASES = 10_000;

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

describe('AxeOS parsers under 10,000 mutated and random replies', () => {
  it('never throw and always produce schema-valid identities and snapshots', () => {
    let identified = 0;
    for (const reply of fuzzCases([INFO_V2_6_0, NERDQAXE_INFO], CASES, 0xa7e05)) {
      const info = asObject(reply);
      const identity = identityFromInfo('127.0.21.1', 80, info);
      if (identity) {
        identified += 1;
        expect(RigIdentitySchema.safeParse(identity).success).toBe(true);
      }
      const snapshot = snapshotFromInfo(info, 0);
      const checked = RigSnapshotSchema.safeParse(snapshot);
      if (!checked.success) throw new Error(`invalid snapshot for ${JSON.stringify(reply).slice(0, 300)}`);
    }
    // The mutations must leave some replies recognisable, or the test would only exercise the refusal path.
    expect(identified).toBeGreaterThan(500);
  });

  it('never throw on option-list replies and only ever give ordered, finite ranges', () => {
    for (const reply of fuzzCases([ASIC_SETTINGS_OPENAPI], CASES, 0xa51c)) {
      const settings = readAsicSettings(asObject(reply));
      const caps = axeosCapabilities('Bitaxe Ultra (BM1366)', settings);
      for (const range of [caps.frequencyMhz, caps.voltageMv]) {
        if (range) expect(Number.isFinite(range.min) && range.min <= range.max).toBe(true);
      }
    }
  });
});
