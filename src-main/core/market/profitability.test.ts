import { describe, expect, it } from 'vitest';
import type { CoinFigures } from '../../../src-shared/model/market.js';
import { coinsPerDay, dailyEconomics, networkHashrateFromDifficulty } from './profitability.js';

const BTC: CoinFigures = {
  symbol: 'BTC',
  name: 'Bitcoin',
  algorithm: 'sha256',
  blockTimeS: 600,
  blockRewardCoins: 3.125,
  feesPerBlockCoins: 0,
  networkHashrateHs: null,
  networkDifficulty: 50e12,
  priceUsd: 60_000,
};

describe('profitability', () => {
  it('gives a 100 TH/s rig on Bitcoin the coins of the classic formula (worked by hand)', () => {
    // 1e14 H/s x 86,400 s x 3.125 BTC / (50e12 x 2^32) = 2.7e19 / 2.147483648e23 = 1.2572854e-4 BTC a day.
    expect(coinsPerDay(1e14, BTC, 0)).toBeCloseTo(1.2572854e-4, 10);
    // A 2 % pool fee keeps 98 % of it.
    expect(coinsPerDay(1e14, BTC, 0.02)).toBeCloseTo(1.2572854e-4 * 0.98, 10);
  });

  it('counts average fees per block with the subsidy', () => {
    const withFees = { ...BTC, feesPerBlockCoins: 0.125 };
    expect(coinsPerDay(1e14, withFees, 0)).toBeCloseTo((1.2572854e-4 * 3.25) / 3.125, 10);
  });

  it('turns coins into money and takes off the power at the hour price', () => {
    // 3,250 W for 24 h at 0.08/kWh = 6.24; revenue 1.2572854e-4 x 60,000 = 7.5437.
    const day = dailyEconomics({ hashrateHs: 1e14, powerW: 3250, coin: BTC, poolFee: 0, pricePerKwh: 0.08 });
    expect(day?.revenuePerDay).toBeCloseTo(7.5437, 3);
    expect(day?.powerCostPerDay).toBeCloseTo(6.24, 6);
    expect(day?.profitPerDay).toBeCloseTo(1.3037, 3);
  });

  it('converts difficulty to network hashrate only where the meaning of difficulty is known', () => {
    expect(networkHashrateFromDifficulty('sha256', 1, 600)).toBeCloseTo(2 ** 32 / 600, 6);
    expect(networkHashrateFromDifficulty('etchash', 13_000, 13)).toBe(1000);
    expect(networkHashrateFromDifficulty('kawpow', 100, 60)).toBeNull();
    expect(networkHashrateFromDifficulty('sha256', 0, 600)).toBeNull();
  });

  it('prefers a reported network hashrate, and says nothing without one or a usable difficulty', () => {
    expect(coinsPerDay(1000, { ...BTC, networkHashrateHs: 1e6 }, 0)).toBeCloseTo((1000 / 1e6) * 144 * 3.125, 10);
    const unknown: CoinFigures = { ...BTC, algorithm: 'kawpow', networkDifficulty: 5e4 };
    expect(coinsPerDay(1000, unknown, 0)).toBeNull();
    expect(dailyEconomics({ hashrateHs: 1, powerW: 1, coin: unknown, poolFee: 0, pricePerKwh: 0.1 })).toBeNull();
    const noPrice = dailyEconomics({
      hashrateHs: 1e14,
      powerW: 3250,
      coin: { ...BTC, priceUsd: null },
      poolFee: 0,
      pricePerKwh: 0.08,
    });
    expect(noPrice?.revenuePerDay).toBeNull();
    expect(noPrice?.profitPerDay).toBeNull();
  });
});
