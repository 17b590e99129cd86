// Market data from fake providers on loopback (127.0.27.20): the dated offline snapshot before any answer, fresh
// figures merged from the network and price providers, kept across a restart, the last good figures kept (and marked
// stale) when the providers fail, and a damaged cache set aside. Nothing leaves the machine.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarketService, type MarketServiceOptions } from './market-service.js';

let server: http.Server;
let base = '';
let up = true;
let dataDir = '';
const FIGURES = {
  coins: {
    Bitcoin: {
      tag: 'BTC',
      algorithm: 'SHA-256',
      block_time: '600',
      block_reward: 3.125,
      difficulty: 9e13,
      nethash: 6.4e20,
    },
    Ravencoin: { tag: 'RVN', algorithm: 'KawPow', block_time: '60', block_reward: 1250, nethash: 5e12 },
  },
};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!up) return void response.writeHead(503).end();
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/coins.json') return void response.writeHead(200).end(JSON.stringify(FIGURES));
    if (url.pathname === '/api/v3/simple/price') {
      return void response.writeHead(200).end(JSON.stringify({ bitcoin: { usd: 90_000 }, ravencoin: { usd: 0.02 } }));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.27.20', resolve));
  base = `http://127.0.27.20:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  up = true;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

let now = Date.UTC(2026, 10, 26, 12);
function service(overrides: Partial<MarketServiceOptions> = {}): MarketService {
  return new MarketService({
    dataDir,
    btcHistoryDir: path.resolve('assets/data/btc'),
    networkUrl: `${base}/coins.json`,
    priceBaseUrl: base,
    staleAfterMs: 3600_000,
    fetch: { timeoutMs: 500, retries: 1, backoffMs: 10, maxBytes: 100_000 },
    clock: { now: () => now },
    ...overrides,
  });
}

describe('market data', () => {
  it('starts from the dated offline snapshot, marked stale, and fetches nothing without providers', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-market-'));
    const market = service({ networkUrl: null, priceBaseUrl: null });
    const { snapshot, status } = market.current();
    expect(status.source).toMatch(/^offline snapshot \(Bitcoin on 2021-12-13/);
    expect(status.stale).toBe(true);
    expect(snapshot.coins).toEqual([expect.objectContaining({ symbol: 'BTC', priceUsd: 48_237 })]);
    await market.refresh();
    expect(market.status().fetchedAt).toBeNull();
  });

  it('merges network figures and prices, keeps them across a restart, and marks them stale with age', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-market-'));
    const market = service();
    const status = await market.refresh();
    expect(status).toMatchObject({ stale: false, lastError: null, fetchedAt: now });
    const coins = market.current().snapshot.coins;
    expect(coins.map((coin) => [coin.symbol, coin.priceUsd, coin.networkHashrateHs])).toEqual([
      ['BTC', 90_000, 6.4e20],
      ['RVN', 0.02, 5e12],
    ]);
    now += 2 * 3600_000;
    const restarted = service();
    expect(restarted.current().snapshot.coins).toEqual(coins);
    expect(restarted.status()).toMatchObject({ stale: true, fetchedAt: now - 2 * 3600_000 });
  });

  it('keeps the last good figures when the providers fail, and says what failed', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-market-'));
    const market = service();
    await market.refresh();
    const good = market.current().snapshot;
    up = false;
    now += 3 * 3600_000;
    const status = await market.refresh();
    expect(market.current().snapshot).toEqual(good);
    expect(status.stale).toBe(true);
    expect(status.lastError).toMatch(/could not be read: HTTP 503/);
  });

  it('sets a damaged cache aside and starts from the offline snapshot', () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-market-'));
    fs.writeFileSync(path.join(dataDir, 'market-cache.json'), '{"coins": [{"symbol": 42}]');
    const market = service();
    expect(market.loadProblem).toMatch(/market-cache\.json/);
    expect(market.status().source).toMatch(/^offline snapshot/);
    expect(fs.readdirSync(dataDir).some((name) => name.startsWith('market-cache.json.corrupt-'))).toBe(true);
  });
});
