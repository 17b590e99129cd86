// Market data as the app uses it: the last good figures from the providers (network figures in the WhatToMine
// format, prices in the CoinGecko format), kept in market-cache.json so a restart offline still has them, and the
// dated offline snapshot before any provider ever answered. Figures older than staleAfterMs are marked stale; a
// failed refresh keeps the last good ones and says what failed. Nothing is fetched unless a provider URL is set.
import path from 'node:path';
import { z } from 'zod';
import { CoinFiguresSchema, type CoinFigures } from '../../../src-shared/model/market.js';
import { JsonFile } from '../storage/json-file.js';
import { loadBtcHistory } from './btc-history.js';
import { coinGeckoPriceUrl, parseCoinGeckoPrices } from './coingecko.js';
import { DEFAULT_MARKET_FETCH, fetchMarketJson, type MarketFetchOptions } from './market-http.js';
import { offlineSnapshot, type MarketSnapshot } from './offline-snapshot.js';
import { parseWhatToMine } from './whattomine.js';

export interface MarketServiceOptions {
  dataDir: string | null;
  /** Where the shipped Bitcoin history is (assets/data/btc). */
  btcHistoryDir: string;
  /** A WhatToMine-format coins.json URL; null: no network figures fetched. */
  networkUrl: string | null;
  /** A CoinGecko-format API base URL; null: no prices fetched. */
  priceBaseUrl: string | null;
  currency?: string;
  staleAfterMs?: number;
  fetch?: MarketFetchOptions;
  clock?: { now(): number };
}

export interface MarketStatus {
  source: string;
  asOf: number;
  /** When the figures were last fetched from a provider; null: never (offline snapshot). */
  fetchedAt: number | null;
  stale: boolean;
  lastError: string | null;
  /** Provider entries left out, and why. */
  skipped: string[];
}

const CacheSchema = z.object({
  source: z.string(),
  asOf: z.number(),
  fetchedAt: z.number(),
  coins: z.array(CoinFiguresSchema),
});
type Cache = z.infer<typeof CacheSchema>;

const TWO_HOURS_MS = 2 * 3600_000;

export class MarketService {
  private snapshot: MarketSnapshot;
  private fetchedAt: number | null = null;
  private lastError: string | null = null;
  private skipped: string[] = [];
  private readonly cache: JsonFile<typeof CacheSchema> | null;
  private readonly clock: { now(): number };
  readonly loadProblem: string | null;

  constructor(private readonly options: MarketServiceOptions) {
    this.clock = options.clock ?? { now: () => Date.now() };
    const history = loadBtcHistory(options.btcHistoryDir);
    this.snapshot = offlineSnapshot(history.days.at(-1) ?? null) ?? { source: 'no market data', asOf: 0, coins: [] };
    this.cache = options.dataDir
      ? new JsonFile(path.join(options.dataDir, 'market-cache.json'), CacheSchema, () => ({
          source: '',
          asOf: 0,
          fetchedAt: 0,
          coins: [],
        }))
      : null;
    const cached = this.cache?.load() ?? null;
    this.loadProblem = cached?.problem ?? (history.problems.length > 0 ? history.problems.join('; ') : null);
    if (cached && cached.value.coins.length > 0) this.adopt(cached.value);
  }

  current(): { snapshot: MarketSnapshot; status: MarketStatus } {
    return { snapshot: this.snapshot, status: this.status() };
  }

  status(): MarketStatus {
    const age = this.clock.now() - (this.fetchedAt ?? this.snapshot.asOf);
    return {
      source: this.snapshot.source,
      asOf: this.snapshot.asOf,
      fetchedAt: this.fetchedAt,
      stale: this.fetchedAt === null || age > (this.options.staleAfterMs ?? TWO_HOURS_MS),
      lastError: this.lastError,
      skipped: this.skipped,
    };
  }

  /** Asks the providers; on any failure the last good figures stay, with the reason in status().lastError. */
  async refresh(signal?: AbortSignal): Promise<MarketStatus> {
    const fetchOptions = { ...DEFAULT_MARKET_FETCH, ...this.options.fetch, ...(signal ? { signal } : {}) };
    const errors: string[] = [];
    let network: CoinFigures[] | null = null;
    let prices: Map<string, number> | null = null;
    if (this.options.networkUrl) {
      try {
        const parsed = parseWhatToMine(await fetchMarketJson(this.options.networkUrl, fetchOptions));
        this.skipped = parsed.skipped;
        if (parsed.coins.length === 0)
          errors.push(`${new URL(this.options.networkUrl).host} listed no coin Rigwise mines`);
        else network = parsed.coins;
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    const symbols = (network ?? this.snapshot.coins).map((coin) => coin.symbol);
    if (this.options.priceBaseUrl) {
      const currency = this.options.currency ?? 'usd';
      try {
        const url = coinGeckoPriceUrl(this.options.priceBaseUrl, symbols, currency);
        prices = parseCoinGeckoPrices(await fetchMarketJson(url, fetchOptions), currency);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    this.lastError = errors.length > 0 ? errors.join('; ') : null;
    if (network === null && prices === null) return this.status();
    const now = this.clock.now();
    const base = network ?? this.snapshot.coins;
    const previousPrices = new Map(this.snapshot.coins.map((coin) => [coin.symbol, coin.priceUsd]));
    const coins = base.map((coin) => ({
      ...coin,
      priceUsd: prices?.get(coin.symbol) ?? previousPrices.get(coin.symbol) ?? coin.priceUsd,
    }));
    const sources = [network ? 'network figures' : null, prices ? 'prices' : null].filter(Boolean).join(' and ');
    const fresh: Cache = { source: `providers (${sources})`, asOf: now, fetchedAt: now, coins };
    this.adopt(fresh);
    try {
      this.cache?.save(fresh);
    } catch (error) {
      this.lastError = `${this.lastError ? `${this.lastError}; ` : ''}the market cache could not be saved: ${(error as Error).message}`;
    }
    return this.status();
  }

  private adopt(cache: Cache): void {
    this.snapshot = { source: cache.source, asOf: cache.asOf, coins: cache.coins };
    this.fetchedAt = cache.fetchedAt;
  }
}
