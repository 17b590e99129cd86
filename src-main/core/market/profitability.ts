// What a rig earns on a coin: its share of the network's hashrate times the coins the network mints a day, less the
// pool's fee; in money at the coin's price; net of the power it draws at the hour's price. The classic form for
// Bitcoin-style difficulty is coins/day = H x 86,400 x reward / (D x 2^32).
import type { Algorithm, CoinFigures } from '../../../src-shared/model/market.js';

const SECONDS_PER_DAY = 86_400;
const TWO_POW_32 = 4_294_967_296;

/**
 * The network hashrate a difficulty stands for, where the algorithm's difficulty has a known meaning: Bitcoin-style
 * (SHA-256, Scrypt: expected hashes per block = D x 2^32) and Ethash-style (Etchash, RandomX: D hashes per block).
 * Null for the others: their providers report the network hashrate directly.
 */
export function networkHashrateFromDifficulty(
  algorithm: Algorithm,
  difficulty: number,
  blockTimeS: number,
): number | null {
  if (!(difficulty > 0) || !(blockTimeS > 0)) return null;
  switch (algorithm) {
    case 'sha256':
    case 'scrypt':
      return (difficulty * TWO_POW_32) / blockTimeS;
    case 'etchash':
    case 'randomx':
      return difficulty / blockTimeS;
    case 'kheavyhash':
    case 'kawpow':
    case 'equihash':
      return null;
  }
}

export interface DailyEconomics {
  coinsPerDay: number;
  revenuePerDay: number | null;
  powerCostPerDay: number;
  profitPerDay: number | null;
}

export interface EconomicsInput {
  hashrateHs: number;
  powerW: number;
  coin: CoinFigures;
  /** The pool's fee as a fraction (0.02: 2 %). */
  poolFee: number;
  pricePerKwh: number;
}

/** The network hashrate to divide by: as reported, else from the difficulty. */
export function networkHashrateOf(coin: CoinFigures): number | null {
  if (coin.networkHashrateHs !== null) return coin.networkHashrateHs;
  return coin.networkDifficulty === null
    ? null
    : networkHashrateFromDifficulty(coin.algorithm, coin.networkDifficulty, coin.blockTimeS);
}

export function coinsPerDay(hashrateHs: number, coin: CoinFigures, poolFee: number): number | null {
  const network = networkHashrateOf(coin);
  if (network === null || !(hashrateHs >= 0)) return null;
  const blocksPerDay = SECONDS_PER_DAY / coin.blockTimeS;
  return (hashrateHs / network) * blocksPerDay * (coin.blockRewardCoins + coin.feesPerBlockCoins) * (1 - poolFee);
}

export function dailyEconomics(input: EconomicsInput): DailyEconomics | null {
  const coins = coinsPerDay(input.hashrateHs, input.coin, input.poolFee);
  if (coins === null) return null;
  const revenue = input.coin.priceUsd === null ? null : coins * input.coin.priceUsd;
  const powerCost = (input.powerW / 1000) * 24 * input.pricePerKwh;
  return {
    coinsPerDay: coins,
    revenuePerDay: revenue,
    powerCostPerDay: powerCost,
    profitPerDay: revenue === null ? null : revenue - powerCost,
  };
}
