import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for "last seen 12s ago" labels that must keep ticking. */
export function useNow(intervalMs = 1000): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return nowMs;
}
