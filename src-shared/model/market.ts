import { z } from 'zod';

/**
 * Market data (issue 6): what each coin pays and what the network mines it with, as providers report it. Hashrates are
 * in hashes per second; a rig's own hashrate comes in TH/s (src-shared/units.ts converts).
 */
export const AlgorithmSchema = z.enum(['sha256', 'scrypt', 'kheavyhash', 'randomx', 'etchash', 'kawpow', 'equihash']);
export type Algorithm = z.infer<typeof AlgorithmSchema>;

export const CoinSymbolSchema = z.string().regex(/^[A-Z0-9]{2,10}$/, 'A ticker such as BTC or LTC.');

export const CoinFiguresSchema = z.object({
  symbol: CoinSymbolSchema,
  name: z.string().min(1).max(64),
  algorithm: AlgorithmSchema,
  blockTimeS: z.number().positive(),
  blockRewardCoins: z.number().min(0),
  /** Average transaction fees per block, in coins (0 where not known). */
  feesPerBlockCoins: z.number().min(0),
  /** Null: not known from this source (another provider may fill it). */
  networkHashrateHs: z.number().positive().nullable(),
  networkDifficulty: z.number().positive().nullable(),
  priceUsd: z.number().min(0).nullable(),
});
export type CoinFigures = z.infer<typeof CoinFiguresSchema>;

export const PayoutSchemeSchema = z.enum(['PPS', 'FPPS', 'PPLNS', 'PROP']);
export type PayoutScheme = z.infer<typeof PayoutSchemeSchema>;

/** A pool the operator mines a coin on. */
export const MiningPoolSchema = z
  .object({
    coin: CoinSymbolSchema,
    name: z.string().trim().min(1).max(64),
    url: z.string().trim().min(1).max(256),
    feePercent: z.number().min(0).max(20),
    scheme: PayoutSchemeSchema,
  })
  .strict();
export type MiningPool = z.infer<typeof MiningPoolSchema>;
