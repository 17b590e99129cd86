// The provider formats, on replies shaped as the services send them: WhatToMine's /coins.json (the fields third-party
// clients read, e.g. HiveOSAutoSwitcher's WTM_site.cs: tag, algorithm, block_time as a string, block_reward,
// difficulty, nethash) and CoinGecko's /api/v3/simple/price. The figures here are made up for the test, not market data.
import { describe, expect, it } from 'vitest';
import { COINGECKO_IDS, coinGeckoPriceUrl, parseCoinGeckoPrices } from './coingecko.js';
import { parseWhatToMine } from './whattomine.js';

const WTM = {
  coins: {
    Bitcoin: {
      id: 1,
      tag: 'BTC',
      algorithm: 'SHA-256',
      block_time: '600.0',
      block_reward: 3.125,
      difficulty: 8.6e13,
      nethash: 6.1e20,
      exchange_rate: 1,
    },
    Litecoin: {
      id: 4,
      tag: 'LTC',
      algorithm: 'Scrypt',
      block_time: '150.0',
      block_reward: 6.25,
      difficulty: 3.5e7,
      nethash: 1.0e15,
    },
    Kaspa: { id: 352, tag: 'KAS', algorithm: 'KHeavyHash', block_time: '1.0', block_reward: 55, nethash: 9.0e17 },
    Nicehash: { id: 9, tag: 'NICEHASH', algorithm: 'Lyra2REv2', block_time: '60', block_reward: 1 },
    Broken: { tag: 'BRK', algorithm: 'SHA-256', block_time: 'soon' },
    Nameless: { algorithm: 'Scrypt', block_time: '60', block_reward: 1 },
  },
};

describe('WhatToMine coins', () => {
  it('reads the network figures of the coins Rigwise mines', () => {
    const { coins } = parseWhatToMine(WTM);
    expect(coins.map((coin) => coin.symbol)).toEqual(['BTC', 'LTC', 'KAS']);
    expect(coins[0]).toEqual({
      symbol: 'BTC',
      name: 'Bitcoin',
      algorithm: 'sha256',
      blockTimeS: 600,
      blockRewardCoins: 3.125,
      feesPerBlockCoins: 0,
      networkHashrateHs: 6.1e20,
      networkDifficulty: 8.6e13,
      priceUsd: null,
    });
    expect(coins[2]?.networkDifficulty).toBeNull();
  });

  it('names what it leaves out and why, and never throws on a wrong shape', () => {
    const { skipped } = parseWhatToMine(WTM);
    expect(skipped).toEqual([
      'Nicehash: algorithm Lyra2REv2 is not one Rigwise mines',
      'Broken: no block time or reward',
      'Nameless: no usable ticker',
    ]);
    for (const junk of [null, 'html', [], { coins: [] }, { coins: null }, 42]) {
      expect(parseWhatToMine(junk).coins).toEqual([]);
    }
  });
});

describe('CoinGecko prices', () => {
  it('reads prices by ticker in the currency asked for, skipping ids without one', () => {
    const prices = parseCoinGeckoPrices(
      { bitcoin: { usd: 67000.5, eur: 61000 }, litecoin: { usd: 'n/a' }, kaspa: { usd: 0.12 }, unknown: { usd: 1 } },
      'usd',
    );
    expect([...prices]).toEqual([
      ['BTC', 67000.5],
      ['KAS', 0.12],
    ]);
    expect(parseCoinGeckoPrices({ bitcoin: { usd: 67000.5, eur: 61000 } }, 'eur').get('BTC')).toBe(61000);
    expect(parseCoinGeckoPrices(null, 'usd').size).toBe(0);
  });

  it("asks for the coins' CoinGecko ids in one request", () => {
    const url = new URL(coinGeckoPriceUrl('http://127.0.0.1:9/', ['BTC', 'LTC', 'XYZ'], 'usd'));
    expect(url.pathname).toBe('/api/v3/simple/price');
    expect(url.searchParams.get('ids')).toBe(`${COINGECKO_IDS['BTC']},${COINGECKO_IDS['LTC']}`);
    expect(url.searchParams.get('vs_currencies')).toBe('usd');
  });
});
