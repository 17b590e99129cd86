// The WhatToMine coins format (GET /coins.json): {"coins": {"<Name>": {"tag", "algorithm", "block_time" (a string),
// "block_reward", "difficulty", "nethash", ...}}}. Network figures only: its "exchange_rate" is in BTC for most coins,
// so prices come from a price provider (CoinGecko format). Never throws: unreadable entries are skipped and named.
import {
  AlgorithmSchema,
  CoinSymbolSchema,
  type Algorithm,
  type CoinFigures,
} from '../../../src-shared/model/market.js';

/** WhatToMine's algorithm names, to ours. */
const ALGORITHMS: Readonly<Record<string, Algorithm>> = {
  'sha-256': 'sha256',
  scrypt: 'scrypt',
  kheavyhash: 'kheavyhash',
  randomx: 'randomx',
  etchash: 'etchash',
  kawpow: 'kawpow',
  equihash: 'equihash',
};

export interface ParsedNetworkFigures {
  coins: CoinFigures[];
  /** Entries left out, with why (an unknown algorithm is not an error: Rigwise does not mine it). */
  skipped: string[];
}

function positive(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : null;
}

export function parseWhatToMine(json: unknown): ParsedNetworkFigures {
  const coins: CoinFigures[] = [];
  const skipped: string[] = [];
  const table = (json as { coins?: unknown } | null)?.coins;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    return { coins, skipped: ['no "coins" object in the reply'] };
  }
  for (const [name, raw] of Object.entries(table)) {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const symbol = CoinSymbolSchema.safeParse(entry['tag']);
    const algorithm = AlgorithmSchema.safeParse(ALGORITHMS[String(entry['algorithm']).toLowerCase()]);
    const blockTimeS = positive(entry['block_time']);
    const reward =
      typeof entry['block_reward'] === 'number' && entry['block_reward'] >= 0 ? entry['block_reward'] : null;
    if (!symbol.success) {
      skipped.push(`${name}: no usable ticker`);
      continue;
    }
    if (!algorithm.success) {
      skipped.push(`${name}: algorithm ${String(entry['algorithm'])} is not one Rigwise mines`);
      continue;
    }
    if (blockTimeS === null || reward === null) {
      skipped.push(`${name}: no block time or reward`);
      continue;
    }
    coins.push({
      symbol: symbol.data,
      name: name.slice(0, 64),
      algorithm: algorithm.data,
      blockTimeS,
      blockRewardCoins: reward,
      feesPerBlockCoins: 0,
      networkHashrateHs: positive(entry['nethash']),
      networkDifficulty: positive(entry['difficulty']),
      priceUsd: null,
    });
  }
  return { coins, skipped };
}
