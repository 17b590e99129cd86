import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coinsPerDay } from './profitability.js';
import { joinDays, loadBtcHistory, parseDailySeries } from './btc-history.js';

const SHIPPED = path.resolve('assets/data/btc');

describe('the shipped Bitcoin history', () => {
  it('reads every day of difficulty and price, 2010-07-17 to 2021-12-13, with no line left out', () => {
    const { days, problems } = loadBtcHistory(SHIPPED);
    expect(problems).toEqual([]);
    expect(days).toHaveLength(4168);
    expect(new Date(days[0]?.t ?? 0).toISOString().slice(0, 10)).toBe('2010-07-17');
    expect(days[0]).toMatchObject({ difficulty: 181.543, priceUsd: 0.0495 });
    expect(new Date(days.at(-1)?.t ?? 0).toISOString().slice(0, 10)).toBe('2021-12-13');
    expect(days.at(-1)).toMatchObject({ difficulty: 24_195_286_980_614, priceUsd: 48_237 });
  });

  it('gives a 100 TH/s rig what the formula says on the last day (6.25 BTC a block then)', () => {
    const last = loadBtcHistory(SHIPPED).days.at(-1);
    if (!last) throw new Error('no days');
    const coin = {
      symbol: 'BTC',
      name: 'Bitcoin',
      algorithm: 'sha256' as const,
      blockTimeS: 600,
      blockRewardCoins: 6.25,
      feesPerBlockCoins: 0,
      networkHashrateHs: null,
      networkDifficulty: last.difficulty,
      priceUsd: last.priceUsd,
    };
    // 1e14 x 86,400 x 6.25 / (24,195,286,980,614 x 2^32) = 5.4e19 / 1.03918e23 = 5.1964e-4 BTC.
    expect(coinsPerDay(1e14, coin, 0)).toBeCloseTo(5.1964e-4, 7);
  });
});

describe('reading a daily series', () => {
  it('leaves out and names the lines that do not read, never throwing', () => {
    const text =
      'Date,price\n2020/01/01,7200\n2020/01/02,\n2020/13/40,5\nnot a line\n2020/01/03,-1\n2020/01/01,7300\n2020/01/04,7400\n';
    const { points, problems } = parseDailySeries(text, 'price');
    expect(points.map((point) => point.value)).toEqual([7200, 7400]);
    expect(problems).toHaveLength(5);
    expect(problems[1]).toMatch(/^line 4: "2020\/13\/40/);
    expect(problems[0]).toMatch(/^line 3:/);
    expect(problems.at(-1)).toMatch(/line 7: 2020\/01\/01 is not after/);
  });

  it('refuses a file of another shape, and joins only days present in both', () => {
    expect(parseDailySeries('when,what\n1,2', 'price').problems[0]).toMatch(/expected "Date,price"/);
    const a = [
      { t: 1, value: 10 },
      { t: 2, value: 20 },
    ];
    const b = [
      { t: 2, value: 200 },
      { t: 3, value: 300 },
    ];
    expect(joinDays(a, b)).toEqual([{ t: 2, difficulty: 20, priceUsd: 200 }]);
    expect(loadBtcHistory('/nonexistent-rigwise-dir').problems[0]).toMatch(/difficulty\.csv: ENOENT/);
  });
});
