// Reading a provider over real HTTP from a fake server on loopback (127.0.27.10): transient failures retried with a
// growing delay, permanent ones reported at once, each attempt bounded in time and size. Nothing leaves the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMarketJson } from './market-http.js';

type Script = (count: number, response: http.ServerResponse) => void;
let server: http.Server;
let base = '';
const scripts = new Map<string, Script>();
const counts = new Map<string, number>();

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    const script = scripts.get(path);
    if (script) script(count, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.27.10', resolve));
  base = `http://127.0.27.10:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const FAST = { timeoutMs: 300, retries: 3, backoffMs: 20, maxBytes: 10_000 };

describe('reading a market provider', () => {
  it('retries a server error with a growing delay and returns the first good reply', async () => {
    scripts.set('/flaky', (count, response) => {
      if (count < 3) response.writeHead(503).end('busy');
      else response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    const started = Date.now();
    expect(await fetchMarketJson(`${base}/flaky`, FAST)).toEqual({ ok: true });
    expect(counts.get('/flaky')).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40);
  });

  it('gives up after the retries on a server that never answers, within the attempts time', async () => {
    scripts.set('/silent', () => undefined);
    const started = Date.now();
    await expect(fetchMarketJson(`${base}/silent`, FAST)).rejects.toMatchObject({ code: 'MARKET_UNAVAILABLE' });
    await expect(fetchMarketJson(`${base}/silent`, { ...FAST, retries: 0 })).rejects.toThrow(
      /did not answer within 300 ms/,
    );
    expect(counts.get('/silent')).toBe(4 + 1);
    expect(Date.now() - started).toBeLessThan(5 * 300 + 20 + 40 + 80 + 1500);
  });

  it('does not retry what will not change: a 404, a reply that is not JSON, one too large', async () => {
    await expect(fetchMarketJson(`${base}/missing`, FAST)).rejects.toMatchObject({ message: /HTTP 404/ });
    expect(counts.get('/missing')).toBe(1);
    scripts.set('/html', (_count, response) => response.writeHead(200).end('<html>maintenance</html>'));
    await expect(fetchMarketJson(`${base}/html`, FAST)).rejects.toMatchObject({ message: /not JSON/ });
    expect(counts.get('/html')).toBe(1);
    scripts.set('/huge', (_count, response) => response.writeHead(200).end(`[${'1,'.repeat(20_000)}1]`));
    await expect(fetchMarketJson(`${base}/huge`, FAST)).rejects.toMatchObject({ message: /more than 10000 bytes/ });
    expect(counts.get('/huge')).toBe(1);
  });
});
