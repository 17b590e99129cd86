// Reading a market data provider over HTTP: each attempt bounded in time and size (the drivers' HTTP helper), a
// failure that may pass (no answer, a 5xx, a 429) retried with a growing delay, one that will not (a 4xx, a reply that
// is not JSON) reported at once. Errors are MARKET_UNAVAILABLE values saying what happened.
import { RigwiseError } from '../../../src-shared/api/errors.js';
import { httpRequest } from '../drivers/http-json.js';

export interface MarketFetchOptions {
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** Delay before the first retry; doubled each time. */
  backoffMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export const DEFAULT_MARKET_FETCH: MarketFetchOptions = {
  timeoutMs: 10_000,
  retries: 3,
  backoffMs: 2000,
  maxBytes: 8 * 1024 * 1024,
};

class Permanent extends Error {}

async function attempt(url: string, options: MarketFetchOptions): Promise<unknown> {
  let reply;
  try {
    reply = await httpRequest({
      url,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      signal: options.signal,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/more than \d+ bytes/.test(message)) throw new Permanent(message);
    throw error;
  }
  if (reply.status === 429 || reply.status >= 500) throw new Error(`HTTP ${reply.status}`);
  if (reply.status < 200 || reply.status >= 300) throw new Permanent(`HTTP ${reply.status}`);
  try {
    return JSON.parse(reply.text) as unknown;
  } catch {
    throw new Permanent(`not JSON: ${JSON.stringify(reply.text.slice(0, 60))}`);
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new RigwiseError('MARKET_UNAVAILABLE', 'Stopped.'));
      },
      { once: true },
    );
  });
}

export async function fetchMarketJson(
  url: string,
  options: MarketFetchOptions = DEFAULT_MARKET_FETCH,
): Promise<unknown> {
  const host = new URL(url).host;
  let last = '';
  for (let index = 0; index <= options.retries; index++) {
    if (index > 0) await wait(options.backoffMs * 2 ** (index - 1), options.signal);
    try {
      return await attempt(url, options);
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
      if (error instanceof Permanent) break;
    }
  }
  throw new RigwiseError('MARKET_UNAVAILABLE', `${host} could not be read: ${last}`);
}
