/** Runs a callback soon, once; returns a function that cancels it. */
export type ScheduleFlush = (callback: () => void) => () => void;

/** The next animation frame, or a 16 ms timer where there is none (unit tests in Node). */
export const scheduleOnAnimationFrame: ScheduleFlush = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(handle);
  }
  const handle = setTimeout(callback, 16);
  return () => clearTimeout(handle);
};

/**
 * The next animation frame at least `minIntervalMs` after the previous run. Measured with 1,000 simulated rigs: one
 * flush per frame kept the main thread ~95% busy, almost all of it re-laying-out and repainting the 1,000-row table
 * (13 fps while idle-watching). Rigs report every few seconds, so a few table updates a second lose nothing an
 * operator can see and cost a fraction of that.
 */
export function throttledAnimationFrame(
  minIntervalMs: number,
  nowMs: () => number = () => performance.now(),
): ScheduleFlush {
  let lastRunAtMs = -Infinity;
  return (callback) => {
    let cancelFrame: (() => void) | null = null;
    const waitMs = Math.max(0, lastRunAtMs + minIntervalMs - nowMs());
    const timer = setTimeout(() => {
      cancelFrame = scheduleOnAnimationFrame(() => {
        lastRunAtMs = nowMs();
        callback();
      });
    }, waitMs);
    return () => {
      clearTimeout(timer);
      cancelFrame?.();
    };
  };
}

export interface KeyedBatcher<K, V> {
  push(key: K, value: V): void;
  /** Forgets queued values, e.g. when a full snapshot that supersedes them has just arrived. */
  discardPending(): void;
  dispose(): void;
}

/**
 * Queues values by key, keeping only the latest per key, and hands them to `flush` in one batch. Keeping one value per
 * key bounds the queue by the fleet size even when frames stop (a hidden tab gets no animation frames).
 */
export function createKeyedBatcher<K, V>(flush: (values: V[]) => void, schedule: ScheduleFlush): KeyedBatcher<K, V> {
  let queued = new Map<K, V>();
  let cancelScheduled: (() => void) | null = null;

  const run = (): void => {
    cancelScheduled = null;
    const values = [...queued.values()];
    queued = new Map();
    if (values.length > 0) flush(values);
  };

  return {
    push(key, value) {
      queued.set(key, value);
      cancelScheduled ??= schedule(run);
    },
    discardPending() {
      queued = new Map();
    },
    dispose() {
      cancelScheduled?.();
      cancelScheduled = null;
      queued = new Map();
    },
  };
}
