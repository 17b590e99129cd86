const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

/**
 * Delay before reconnect attempt number `attempt` (0-based): doubles from 0.5 s up to 10 s, so a restarting engine is
 * picked up quickly but a stopped one is not hammered. The ±25% jitter keeps several open tabs from reconnecting in
 * lockstep after an engine restart.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}
