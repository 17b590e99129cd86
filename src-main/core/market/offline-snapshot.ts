// The market data Rigwise has with no network: the default until a provider answers, dated and named as such. Only
// figures that are real and dated are in it: Bitcoin's difficulty and price on the last day of the shipped history
// (assets/data/btc, 2021-12-13; the block subsidy was 6.25 BTC then). The other coins are listed with their
// algorithm, and no network figures or price: a provider fills those, or the operator's what-if inputs.
import type { CoinFigures } from '../../../src-shared/model/market.js';
import type { BtcDay } from './btc-history.js';

export interface MarketSnapshot {
  /** Where the figures come from, in words the UI shows. */
  source: string;
  /** The time the figures describe. */
  asOf: number;
  coins: CoinFigures[];
}

/** The coins Rigwise knows, by ticker: name and algorithm (protocol facts), the rest unknown offline. */
const CATALOG: ReadonlyArray<Pick<CoinFigures, 'symbol' | 'name' | 'algorithm'>> = [
  { symbol: 'BTC', name: 'Bitcoin', algorithm: 'sha256' },
  { symbol: 'BCH', name: 'Bitcoin Cash', algorithm: 'sha256' },
  { symbol: 'LTC', name: 'Litecoin', algorithm: 'scrypt' },
  { symbol: 'DOGE', name: 'Dogecoin', algorithm: 'scrypt' },
  { symbol: 'KAS', name: 'Kaspa', algorithm: 'kheavyhash' },
  { symbol: 'XMR', name: 'Monero', algorithm: 'randomx' },
  { symbol: 'ETC', name: 'Ethereum Classic', algorithm: 'etchash' },
  { symbol: 'RVN', name: 'Ravencoin', algorithm: 'kawpow' },
  { symbol: 'ZEC', name: 'Zcash', algorithm: 'equihash' },
];

export function catalog(): ReadonlyArray<Pick<CoinFigures, 'symbol' | 'name' | 'algorithm'>> {
  return CATALOG;
}

/** The offline snapshot from the last day of the shipped Bitcoin history; null if the history could not be read. */
export function offlineSnapshot(lastBtcDay: BtcDay | null): MarketSnapshot | null {
  if (!lastBtcDay) return null;
  const btc: CoinFigures = {
    symbol: 'BTC',
    name: 'Bitcoin',
    algorithm: 'sha256',
    blockTimeS: 600,
    blockRewardCoins: 6.25,
    feesPerBlockCoins: 0,
    networkHashrateHs: null,
    networkDifficulty: lastBtcDay.difficulty,
    priceUsd: lastBtcDay.priceUsd,
  };
  return {
    source: `offline snapshot (Bitcoin on ${new Date(lastBtcDay.t).toISOString().slice(0, 10)}, from the shipped history)`,
    asOf: lastBtcDay.t,
    coins: [btc],
  };
}
