// Decides when each rig is polled. Rigs are spread evenly over the poll period instead of all at once, so a farm of
// 1,000 rigs costs a steady trickle of sockets rather than a burst every five seconds, and a cap on polls in flight
// keeps a network full of dead rigs from exhausting sockets. A rig whose poll failed is retried soon, not a whole
// period later, so an outage is confirmed (or dismissed) quickly.
import type { RigId } from '../../../src-shared/model/rig.js';

export interface PollSchedulerOptions {
  intervalMs: number;
  /** Delay before re-polling a rig whose last poll failed. */
  retryDelayMs: number;
  maxInFlight: number;
  poll: (id: RigId) => Promise<'ok' | 'failed'>;
}

export class PollScheduler {
  private readonly timers = new Map<RigId, NodeJS.Timeout>();
  private readonly waiting: RigId[] = [];
  private inFlight = 0;
  private stopped = false;

  constructor(private options: PollSchedulerOptions) {}

  /** Starts polling a rig, first after a random share of the period so a freshly scanned fleet does not fire at once. */
  add(id: RigId, firstDelayMs = Math.random() * this.options.intervalMs): void {
    if (this.stopped || this.timers.has(id)) return;
    this.schedule(id, firstDelayMs);
  }

  remove(id: RigId): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  setInterval(intervalMs: number): void {
    if (intervalMs === this.options.intervalMs) return;
    this.options = { ...this.options, intervalMs };
    // Re-spread every rig over the new period rather than waiting out the old one.
    for (const id of [...this.timers.keys()]) {
      this.remove(id);
      this.add(id);
    }
  }

  has(id: RigId): boolean {
    return this.timers.has(id);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.waiting.length = 0;
  }

  private schedule(id: RigId, delayMs: number): void {
    const timer = setTimeout(() => this.due(id), delayMs);
    timer.unref();
    this.timers.set(id, timer);
  }

  private due(id: RigId): void {
    if (this.stopped || !this.timers.has(id)) return;
    if (this.inFlight >= this.options.maxInFlight) {
      this.waiting.push(id);
      return;
    }
    this.run(id);
  }

  private run(id: RigId): void {
    this.inFlight += 1;
    const startedAt = Date.now();
    this.options
      .poll(id)
      .catch((): 'failed' => 'failed')
      .then((outcome) => {
        this.inFlight -= 1;
        if (!this.stopped && this.timers.has(id)) {
          const period = outcome === 'ok' ? this.options.intervalMs : this.options.retryDelayMs;
          this.schedule(id, Math.max(0, period - (Date.now() - startedAt)));
        }
        const next = this.waiting.shift();
        if (next !== undefined) this.due(next);
      })
      .catch((error: unknown) => console.error('[poll] scheduler failed', error));
  }
}
