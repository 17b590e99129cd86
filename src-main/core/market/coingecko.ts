// The CoinGecko simple price format (GET /api/v3/simple/price?ids=bitcoin,litecoin&vs_currencies=usd):
// {"bitcoin": {"usd": 67000.5}, ...}, keyed by CoinGecko's coin ids. Never throws: ids without a usable price are left out.

/** CoinGecko's ids for the coins Rigwise knows. */
export const COINGECKO_IDS: Readonly<Record<string, string>> = {
  BTC: 'bitcoin',
  BCH: 'bitcoin-cash',
  LTC: 'litecoin',
  DOGE: 'dogecoin',
  KAS: 'kaspa',
  XMR: 'monero',
  ETC: 'ethereum-classic',
  RVN: 'ravencoin',
  ZEC: 'zcash',
};

/** Prices in the currency asked for, by ticker. */
export function parseCoinGeckoPrices(json: unknown, currency: string): Map<string, number> {
  const prices = new Map<string, number>();
  if (typeof json !== 'object' || json === null) return prices;
  const table = json as Record<string, unknown>;
  for (const [symbol, id] of Object.entries(COINGECKO_IDS)) {
    const entry = table[id];
    const price =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[currency] : undefined;
    if (typeof price === 'number' && Number.isFinite(price) && price >= 0) prices.set(symbol, price);
  }
  return prices;
}

export function coinGeckoPriceUrl(baseUrl: string, symbols: readonly string[], currency: string): string {
  const ids = symbols.map((symbol) => COINGECKO_IDS[symbol]).filter((id): id is string => id !== undefined);
  const url = new URL('/api/v3/simple/price', baseUrl);
  url.searchParams.set('ids', ids.join(','));
  url.searchParams.set('vs_currencies', currency);
  return url.toString();
}
