// Time for the simulator. Physics never reads Date.now() directly: it asks a Clock, so tests and simulated-time runs
// (backtests, benchmarks) can move time forward by hand and get the same replies for the same seed every time.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** 2024-01-01T00:00:00Z: a fixed start so manual-clock runs print the same "When" fields on every machine. */
export const MANUAL_CLOCK_START_MS = 1_704_067_200_000;

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private currentMs: number;

  constructor(startMs: number = MANUAL_CLOCK_START_MS) {
    if (!Number.isFinite(startMs)) throw new RangeError(`ManualClock start must be a finite number, got ${startMs}`);
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ManualClock.advance needs a finite ms >= 0, got ${ms}`);
    this.currentMs += ms;
  }
}
