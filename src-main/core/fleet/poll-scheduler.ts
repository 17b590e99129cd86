// Decides when each rig is polled. Rigs are spread evenly over the poll period instead of all at once, so a farm of
// 1,000 rigs costs a steady trickle of sockets rather than a burst every five seconds, and a cap on polls in flight
// keeps a network full of dead rigs from exhausting sockets. A rig whose poll failed is retried soon, not a whole
// period later, so an outage is confirmed (or dismissed) quickly.
//
// Each rig has at most one timer and at most one poll in flight: a rig re-added, or an interval changed, while its
// poll is out gets its next turn from that poll's end, never a second polling loop.
import type { RigId } from '../../../src-shared/model/rig.js';

export interface PollSchedulerOptions {
  intervalMs: number;
  /** Delay before re-polling a rig whose last poll failed. */
  retryDelayMs: number;
  maxInFlight: number;
  poll: (id: RigId) => Promise<'ok' | 'failed'>;
}

export class PollScheduler {
  /** Rigs being polled; a rig is either here, waiting for a slot, or has a timer. */
  private readonly members = new Set<RigId>();
  private readonly timers = new Map<RigId, NodeJS.Timeout>();
  private readonly inFlight = new Set<RigId>();
  private readonly waiting: RigId[] = [];
  private stopped = false;

  constructor(private options: PollSchedulerOptions) {}

  /** Starts polling a rig, first after a random share of the period so a freshly scanned fleet does not fire at once. */
  add(id: RigId, firstDelayMs = Math.random() * this.options.intervalMs): void {
    if (this.stopped || this.members.has(id)) return;
    this.members.add(id);
    if (!this.inFlight.has(id)) this.schedule(id, firstDelayMs);
  }

  remove(id: RigId): void {
    this.members.delete(id);
    this.clearTimer(id);
  }

  setInterval(intervalMs: number): void {
    if (intervalMs === this.options.intervalMs) return;
    this.options = { ...this.options, intervalMs, retryDelayMs: Math.min(this.options.retryDelayMs, intervalMs) };
    // Re-spread every rig that is waiting on a timer over the new period; rigs in flight reschedule when they end.
    for (const id of [...this.timers.keys()]) this.schedule(id, Math.random() * intervalMs);
  }

  has(id: RigId): boolean {
    return this.members.has(id);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.members.clear();
    this.waiting.length = 0;
  }

  private clearTimer(id: RigId): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  private schedule(id: RigId, delayMs: number): void {
    this.clearTimer(id);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.due(id);
    }, delayMs);
    timer.unref();
    this.timers.set(id, timer);
  }

  private due(id: RigId): void {
    if (this.stopped || !this.members.has(id) || this.inFlight.has(id)) return;
    if (this.inFlight.size >= this.options.maxInFlight) {
      if (!this.waiting.includes(id)) this.waiting.push(id);
      return;
    }
    this.run(id);
  }

  private run(id: RigId): void {
    this.inFlight.add(id);
    const startedAt = Date.now();
    this.options
      .poll(id)
      .catch((): 'failed' => 'failed')
      .then((outcome) => {
        this.inFlight.delete(id);
        if (!this.stopped && this.members.has(id)) {
          const period = outcome === 'ok' ? this.options.intervalMs : this.options.retryDelayMs;
          this.schedule(id, Math.max(0, period - (Date.now() - startedAt)));
        }
        const next = this.waiting.shift();
        if (next !== undefined) this.due(next);
      })
      .catch((error: unknown) => console.error('[poll] scheduler failed', error));
  }
}
