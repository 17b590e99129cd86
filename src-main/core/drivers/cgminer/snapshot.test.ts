import { describe, expect, it } from 'vitest';
import { HAMMER_D10_SUMMARY, S17_PRO_POOLS, S19_POOLS, S19_PRO_STATS, S19_PRO_VERSION } from './fixtures/antminer.js';
import { identityFromReplies } from './identity.js';
import { poolsFromReply, snapshotFromReplies } from './snapshot.js';

describe('snapshotFromReplies on a real Antminer S19 Pro', () => {
  const snapshot = snapshotFromReplies(
    { summary: null, stats: S19_PRO_STATS, pools: S19_POOLS, devs: null },
    'Antminer S19 Pro',
    1000,
  );

  it('reads the three installed hashboards and skips the empty fourth slot', () => {
    expect(snapshot.boards.map((board) => board.index)).toEqual([0, 1, 2]);
    expect(snapshot.boards.every((board) => board.status === 'ok' && board.chipsOk === 114)).toBe(true);
  });

  it('converts per-chain GH/s strings and the rig rate to TH/s', () => {
    expect(snapshot.boards[0]?.hashrateThs).toBeCloseTo(37.73524, 5);
    expect(snapshot.hashrateThs).toBeCloseTo(110.78679, 5);
    expect(snapshot.hashrateAvgThs).toBeCloseTo(111.73011, 5);
  });

  it('reads chip and PCB temperatures from the dash lists, negative values included', () => {
    expect(snapshot.boards.map((board) => board.chipTempC)).toEqual([27, 25, 26]);
    expect(snapshot.boards.map((board) => board.boardTempC)).toEqual([22, 20, 21]);
    expect(snapshot.maxChipTempC).toBe(27);
  });

  it('reads four fans, per-chain errors and uptime', () => {
    expect(snapshot.fans.map((fan) => fan.rpm)).toEqual([5520, 5400, 5040, 5040]);
    expect(snapshot.boards.map((board) => board.hardwareErrors)).toEqual([1527, 2752, 269]);
    expect(snapshot.uptimeS).toBe(82852);
  });

  it('estimates power from the model nominal efficiency because stock firmware reports none', () => {
    expect(snapshot.powerIsEstimate).toBe(true);
    expect(snapshot.powerW).toBeCloseTo(110.78679 * 29.5, 3);
    expect(snapshot.efficiencyJPerTh).toBeCloseTo(29.5, 6);
  });

  it('marks a board with failed chips degraded and one with no hashrate dead', () => {
    const [, chain] = S19_PRO_STATS.STATS;
    const damaged = {
      ...S19_PRO_STATS,
      STATS: [S19_PRO_STATS.STATS[0], { ...chain, chain_acs2: ' ooo xoo', chain_rate3: '0', chain_acs3: ' xxx' }],
    };
    const boards = snapshotFromReplies({ summary: null, stats: damaged, pools: null, devs: null }, 'x', 0).boards;
    expect(boards.map((board) => board.status)).toEqual(['ok', 'degraded', 'dead']);
  });

  it('shows no power for a model it has no figures for', () => {
    const unknown = snapshotFromReplies(
      { summary: null, stats: S19_PRO_STATS, pools: null, devs: null },
      'Mystery 9000',
      0,
    );
    expect(unknown.powerW).toBeNull();
    expect(unknown.efficiencyJPerTh).toBeNull();
  });
});

describe('poolsFromReply', () => {
  it('takes the active pool from "Stratum Active" and keeps an unknown status as unknown', () => {
    const pools = poolsFromReply(S19_POOLS);
    expect(pools.map((pool) => pool.active)).toEqual([true, false, false]);
    expect(pools[2]?.status).toBe('unknown');
  });

  it('falls back to the alive pool with the best priority when the firmware has no active flag', () => {
    const withoutFlag = {
      ...S17_PRO_POOLS,
      POOLS: S17_PRO_POOLS.POOLS.map(({ 'Stratum Active': _, ...pool }) => ({ ...pool })),
    };
    withoutFlag.POOLS[0] = { ...withoutFlag.POOLS[0], Status: 'Dead' } as (typeof withoutFlag.POOLS)[number];
    expect(poolsFromReply(withoutFlag).map((pool) => pool.active)).toEqual([false, true]);
  });

  it('reads real S17 Pro worker names and share counts', () => {
    const [first] = poolsFromReply(S17_PRO_POOLS);
    expect(first).toMatchObject({ user: 'CosmosCapitalFund.COSMOSxCNKxS17Px00001', accepted: 86241, rejected: 411 });
  });
});

describe('summary readings', () => {
  it('reads MHS rates and counters sent as strings', () => {
    const snapshot = snapshotFromReplies(
      { summary: HAMMER_D10_SUMMARY, stats: null, pools: null, devs: null },
      'Hammer D10',
      0,
    );
    expect(snapshot.hashrateThs).toBeCloseTo(4885.0813e-6, 10);
    expect(snapshot.accepted).toBe(156);
    expect(snapshot.hardwareErrors).toBe(7977);
  });
});

describe('identityFromReplies', () => {
  it('identifies a real S19 Pro as a Bitmain Antminer S19 Pro with its firmware build', () => {
    const identity = identityFromReplies('127.0.1.10', 4028, S19_PRO_VERSION, null);
    expect(identity).toMatchObject({
      make: 'Bitmain',
      model: 'Antminer S19 Pro',
      apiVersion: '3.1',
      family: 'cgminer',
    });
    expect(identity?.firmware).toContain('49.0.1.3');
    expect(identity?.mac).toBeNull();
  });

  it('cuts a custom firmware suffix off the model and reads the MAC from config', () => {
    const version = {
      ...S19_PRO_VERSION,
      VERSION: [{ ...S19_PRO_VERSION.VERSION[0], Type: 'Antminer S19 Pro (vnish 1.2.6)' }],
    };
    const config = { CONFIG: [{ MAC: 'AA-BB-CC-00-11-22' }] };
    const identity = identityFromReplies('127.0.1.10', 4028, version, config);
    expect(identity?.model).toBe('Antminer S19 Pro');
    expect(identity?.mac).toBe('aa:bb:cc:00:11:22');
  });

  it('does not identify a reply without a VERSION section', () => {
    expect(identityFromReplies('127.0.1.10', 4028, { STATUS: [{ STATUS: 'S' }] }, null)).toBeNull();
  });
});

describe('fans', () => {
  const [, chain] = S19_PRO_STATS.STATS;
  const withFans = (fans: Record<string, number>) => ({
    ...S19_PRO_STATS,
    STATS: [S19_PRO_STATS.STATS[0], { ...chain, ...fans }],
  });
  const read = (stats: object) =>
    snapshotFromReplies({ summary: null, stats: stats as never, pools: null, devs: null }, 'x', 0).fans;

  it('keeps a stopped fan among the fitted ones so a failure is visible', () => {
    expect(read(withFans({ fan2: 0 })).map((fan) => fan.rpm)).toEqual([5520, 0, 5040, 5040]);
  });

  it('finds fans in the S9 slots fan5 and fan6 when fan1-fan4 read 0', () => {
    const s9 = withFans({ fan_num: 2, fan1: 0, fan2: 0, fan3: 0, fan4: 0, fan5: 5880, fan6: 5760 });
    expect(read(s9)).toEqual([
      { index: 4, rpm: 5880 },
      { index: 5, rpm: 5760 },
    ]);
  });
});
