import { describe, expect, it } from 'vitest';
import { INFO_V2_6_0, NERDQAXE_INFO } from './fixtures/bitaxe.js';
import { snapshotFromInfo } from './snapshot.js';

describe('snapshotFromInfo on the real AxeOS v2.6.0 reply', () => {
  const snapshot = snapshotFromInfo(INFO_V2_6_0, 1000);

  it('converts hashRate from GH/s to TH/s and keeps the measured power', () => {
    expect(snapshot.hashrateThs).toBeCloseTo(2.3727583, 6);
    expect(snapshot.powerW).toBeCloseTo(58.3517456, 6);
    expect(snapshot.powerIsEstimate).toBe(false);
    expect(snapshot.efficiencyJPerTh).toBeCloseTo(58.3517456 / 2.3727583, 4);
  });

  it('reads the chip temperature, the regulator temperature and the fan', () => {
    expect(snapshot.maxChipTempC).toBe(58);
    expect(snapshot.maxBoardTempC).toBe(45);
    expect(snapshot.fans).toEqual([{ index: 0, rpm: 5515 }]);
  });

  it('puts the ASIC on one board with its clock and asic count', () => {
    expect(snapshot.boards).toHaveLength(1);
    expect(snapshot.boards[0]).toMatchObject({ index: 0, frequencyMhz: 525, chipsTotal: 1, status: 'ok' });
  });

  it('reads shares, uptime and the configured frequency and core voltage for read-back', () => {
    expect(snapshot.accepted).toBe(19739);
    expect(snapshot.rejected).toBe(6);
    expect(snapshot.uptimeS).toBe(212115);
    expect(snapshot.control).toEqual({
      powerTargetW: null,
      frequencyMhz: 525,
      voltageMv: 1200,
      threads: null,
      paused: null,
    });
  });

  it('joins host and port into stratum URLs and marks the primary active while not on fallback', () => {
    expect(snapshot.pools).toEqual([
      {
        index: 0,
        url: 'stratum+tcp://public-pool.io:21496',
        user: 'bc1qnp980s5fpp8l94p5cvttmtdqy8rvrq74qly2yrfmzkdsntqzlc5qkc4rkq.bitaxe',
        status: 'alive',
        priority: 0,
        accepted: 19739,
        rejected: 6,
        active: true,
      },
      {
        index: 1,
        url: 'stratum+tcp://solo.ckpool.org:3333',
        user: 'bc1qnp980s5fpp8l94p5cvttmtdqy8rvrq74qly2yrfmzkdsntqzlc5qkc4rkq.bitaxe',
        status: 'unknown',
        priority: 1,
        accepted: null,
        rejected: null,
        active: false,
      },
    ]);
  });

  it('moves the active flag and the share counts to the fallback when the rig uses it', () => {
    const onFallback = snapshotFromInfo({ ...INFO_V2_6_0, isUsingFallbackStratum: 1 }, 0);
    expect(onFallback.pools.map((pool) => pool.active)).toEqual([false, true]);
    expect(onFallback.pools[1]?.accepted).toBe(19739);
  });

  it('marks a board that hashes nothing dead, but not when mining is paused on purpose', () => {
    expect(snapshotFromInfo({ ...INFO_V2_6_0, hashRate: 0 }, 0).boards[0]?.status).toBe('dead');
    const paused = snapshotFromInfo({ ...INFO_V2_6_0, hashRate: 0, miningPaused: true }, 0);
    expect(paused.boards[0]?.status).toBe('ok');
    expect(paused.control.paused).toBe(true);
  });
});

describe('snapshotFromInfo on the NerdQAxe field set', () => {
  const snapshot = snapshotFromInfo(NERDQAXE_INFO, 0);

  it('takes the hottest of the per-ASIC temperatures and the one-hour average hashrate', () => {
    expect(snapshot.maxChipTempC).toBe(61.5);
    expect(snapshot.hashrateAvgThs).toBeCloseTo(4.8029, 6);
    expect(snapshot.boards[0]?.chipsTotal).toBe(4);
  });

  it('lists no fallback pool when its URL is empty and no second fan when it reads 0', () => {
    expect(snapshot.pools).toHaveLength(1);
    expect(snapshot.fans).toEqual([{ index: 0, rpm: 3210 }]);
  });

  it('accepts isUsingFallbackStratum as a boolean, as NerdQAxe sends it', () => {
    const withFallback = { ...NERDQAXE_INFO, fallbackStratumURL: 'backup.test', isUsingFallbackStratum: true };
    expect(snapshotFromInfo(withFallback, 0).pools.map((pool) => pool.active)).toEqual([false, true]);
  });
});

describe('snapshotFromInfo on odd values', () => {
  it('treats absent sensors (0 or -1) as no reading and ignores non-numeric fields', () => {
    const odd = snapshotFromInfo({ ...INFO_V2_6_0, vrTemp: 0, temp: -1, power: 'n/a', fanrpm: null }, 0);
    expect(odd.maxBoardTempC).toBeNull();
    expect(odd.maxChipTempC).toBeNull();
    expect(odd.powerW).toBeNull();
    expect(odd.fans).toEqual([]);
  });

  it('sums the per-ASIC error counters that newer ESP-Miner reports', () => {
    const monitored = { ...INFO_V2_6_0, hashrateMonitor: { asics: [{ errorCount: 3 }, { errorCount: 4 }, 'x'] } };
    expect(snapshotFromInfo(monitored, 0).hardwareErrors).toBe(7);
  });
});
