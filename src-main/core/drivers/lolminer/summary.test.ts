import { describe, expect, it } from 'vitest';
import { LOLMINER_1_0_SUMMARY, LOLMINER_1_16A_SUMMARY } from './fixtures.js';
import { hasSessionLayout, lolminerIdentity, lolminerSnapshot } from './summary.js';

describe('lolminerSnapshot on real lolMiner replies', () => {
  const rig = lolminerSnapshot(LOLMINER_1_16A_SUMMARY, 0);

  it('reads four Radeon VII in MH/s and the rig total', () => {
    expect(rig.boards.map((board) => board.index)).toEqual([0, 1, 2, 3]);
    expect(rig.boards[0]?.hashrateThs).toBeCloseTo(75.86e-6, 12);
    expect(rig.hashrateThs).toBeCloseTo(302.4e-6, 12);
  });

  it('reads core and memory temperatures under the 1.16a key names', () => {
    expect(rig.boards.map((board) => board.chipTempC)).toEqual([47, 65, 50, 54]);
    expect(rig.boards.map((board) => board.boardTempC)).toEqual([58, 76, 64, 66]);
    expect(rig.maxChipTempC).toBe(65);
  });

  it("takes lolMiner's TotalPower as the rig's measured power", () => {
    expect(rig.powerW).toBeCloseTo(659.451, 3);
    expect(rig.powerIsEstimate).toBe(false);
    expect(rig.boards[3]?.powerW).toBeCloseTo(176.468, 3);
  });

  it('reads the 1.0 temperature key, Sol/s as H/s, and 0 W as not reported', () => {
    const old = lolminerSnapshot(LOLMINER_1_0_SUMMARY, 0);
    expect(old.boards[0]).toMatchObject({ chipTempC: 49, fanPercent: 75, powerW: null });
    expect(old.hashrateThs).toBeCloseTo(6.7e-12, 20);
    expect(old.powerW).toBeNull();
  });

  it('computes rejected shares as submitted minus accepted and lists the pool without a scheme', () => {
    const shares = lolminerSnapshot(
      { ...LOLMINER_1_16A_SUMMARY, Session: { ...LOLMINER_1_16A_SUMMARY.Session, Submitted: 5 } },
      0,
    );
    expect(shares.rejected).toBe(2);
    expect(rig.pools[0]).toMatchObject({ url: 'eth.2miners.com:2020', accepted: 3, rejected: 0 });
  });

  it('marks a GPU that dropped to 0 while the others mine as dead', () => {
    const [first, ...rest] = LOLMINER_1_16A_SUMMARY.GPUs;
    const broken = { ...LOLMINER_1_16A_SUMMARY, GPUs: [{ ...first, Performance: 0 }, ...rest] };
    expect(lolminerSnapshot(broken, 0).boards.map((board) => board.status)).toEqual(['dead', 'ok', 'ok', 'ok']);
  });
});

describe('lolminerIdentity', () => {
  it('names the rig by its cards and the miner version', () => {
    expect(lolminerIdentity('127.0.22.1', 44444, LOLMINER_1_16A_SUMMARY)).toMatchObject({
      family: 'lolminer',
      make: 'AMD',
      model: '4× AMD Radeon VII',
      firmware: 'lolMiner 1.16a',
    });
  });

  it('recognises the newer layout as lolMiner but not as one it can read', () => {
    const newer = { Software: 'lolMiner 1.42', Num_Workers: 2, Algorithms: [], Workers: [] };
    expect(lolminerIdentity('127.0.22.1', 44444, newer)?.family).toBe('lolminer');
    expect(hasSessionLayout(newer)).toBe(false);
  });
});
