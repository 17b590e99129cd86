import { describe, expect, it } from 'vitest';
import { RigChangeSchema } from '../../../src-shared/model/index.js';
import { makeSnapshot } from '../../test-support/rig-fixtures.js';
import { MAX_POOLS_PER_CHANGE, draftFromPools, parsePoolDraft, poolSlots } from './pool-editor.js';

const row = (url: string, user = 'farm.w1', password = '') => ({ url, user, password });

describe('pool editor', () => {
  it('carries as many pools as one change may (pinned to RigChangeSchema)', () => {
    const pools = Array.from({ length: MAX_POOLS_PER_CHANGE + 1 }, (_, i) => row(`stratum+tcp://p${i}:3333`));
    expect(RigChangeSchema.safeParse({ kind: 'pools', pools: pools.slice(0, MAX_POOLS_PER_CHANGE) }).success).toBe(
      true,
    );
    expect(RigChangeSchema.safeParse({ kind: 'pools', pools }).success).toBe(false);
    expect(poolSlots(10)).toBe(MAX_POOLS_PER_CHANGE);
    expect(poolSlots(1)).toBe(1);
  });

  it("prefills every slot from the rig's pools in priority order, passwords empty (rigs never report them)", () => {
    const base = makeSnapshot().pools[0];
    if (!base) throw new Error('fixture has a pool');
    const pools = [
      { ...base, index: 0, url: 'stratum+tcp://backup:3333', priority: 1 },
      { ...base, index: 1, url: 'stratum+tcp://main:3333', priority: 0 },
      { ...base, index: 2, url: 'stratum+tcp://third:3333', priority: 2 },
    ];
    expect(draftFromPools(pools, 2)).toEqual([
      row('stratum+tcp://main:3333', base.user),
      row('stratum+tcp://backup:3333', base.user),
    ]);
    expect(draftFromPools(pools.slice(0, 1), 3)).toEqual([
      row('stratum+tcp://backup:3333', base.user),
      row('', ''),
      row('', ''),
    ]);
  });

  it('accepts what PoolConfigSchema accepts, turning an empty password into "x" and skipping blank failovers', () => {
    const parsed = parsePoolDraft([
      row(' stratum+tcp://main:3333 '),
      row('', '', ''),
      row('stratum+ssl://b:443', 'w', 'd=8'),
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      pools: [
        { url: 'stratum+tcp://main:3333', user: 'farm.w1', password: 'x' },
        { url: 'stratum+ssl://b:443', user: 'w', password: 'd=8' },
      ],
    });
  });

  it('explains each field that PoolConfigSchema refuses', () => {
    const parsed = parsePoolDraft([row('pool.example.com:3333', ''), row('stratum+tcp://b:1', 'w', 'p'.repeat(129))]);
    expect(parsed.ok).toBe(false);
    expect(parsed.errors[0]).toEqual({
      url: 'Must look like stratum+tcp://host:port.',
      user: 'Enter the worker (usually account.worker).',
    });
    expect(parsed.errors[1]).toEqual({ password: 'At most 128 characters.' });
  });

  it('requires a primary pool and refuses the same pool and worker twice', () => {
    expect(parsePoolDraft([row('', '')]).errors[0]?.url).toMatch(/Enter the pool URL/);
    const twice = parsePoolDraft([row('stratum+tcp://a:1'), row('STRATUM+TCP://a:1')]);
    expect(twice.errors[1]).toEqual({ url: 'Same pool and worker as pool 1.' });
  });
});
