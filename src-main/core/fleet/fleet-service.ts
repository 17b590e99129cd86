// The live fleet: which rigs there are, how each is doing, and the polling that keeps that true. Discovery hands it
// identities; the scheduler asks it to poll; every change is published as a `fleet.rigUpdated` event.
import { setMaxListeners } from 'node:events';
import { RigwiseError, toErrorValue } from '../../../src-shared/api/errors.js';
import {
  RigSnapshotSchema,
  type Rig,
  type RigId,
  type RigIdentity,
  type RigSnapshot,
} from '../../../src-shared/model/rig.js';
import type { DriverRegistry } from '../drivers/registry.js';
import type { EngineEventBus } from '../events.js';
import type { SettingsService } from '../settings/settings-service.js';
import { afterPollFailure, afterPollSuccess } from './rig-status.js';
import { PollScheduler } from './poll-scheduler.js';
import type { RigStore } from './rig-store.js';

/**
 * Checked against the contract here, once, so a value no driver anticipated (a negative pool number, a count past
 * 2^53) becomes a problem on that one rig instead of an invalid fleet list for every client. About 3 µs a poll.
 */
function checkedSnapshot(snapshot: RigSnapshot): RigSnapshot {
  const checked = RigSnapshotSchema.safeParse(snapshot);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown field';
  throw new RigwiseError('RIG_BAD_REPLY', `The rig reported a value Rigwise cannot use (${where}).`);
}

/** Polls at once: enough for 1,000 rigs every 5 s with slow ones among them (a poll is one connection, or four). */
const MAX_POLLS_IN_FLIGHT = 128;
const RETRY_DELAY_MS = 1000;

export class FleetService {
  private readonly scheduler: PollScheduler;
  /** Aborts every poll in flight at shutdown; each in-flight poll listens on it, hence no listener cap. */
  private readonly abort = new AbortController();
  private unsubscribeSettings: (() => void) | null = null;
  private readonly pollsInFlight = new Map<RigId, Promise<'ok' | 'failed'>>();

  constructor(
    private readonly store: RigStore,
    private readonly drivers: DriverRegistry,
    private readonly settings: SettingsService,
    private readonly events: EngineEventBus,
    /** The API token to read a rig with, where its driver needs one for reads (see ReadTarget.credential). */
    private readonly readCredential: (rig: Rig) => string | null = () => null,
  ) {
    setMaxListeners(0, this.abort.signal);
    const { pollIntervalMs } = settings.get();
    this.scheduler = new PollScheduler({
      intervalMs: pollIntervalMs,
      retryDelayMs: Math.min(RETRY_DELAY_MS, pollIntervalMs),
      maxInFlight: MAX_POLLS_IN_FLIGHT,
      poll: (id) => this.poll(id),
    });
  }

  start(): void {
    for (const rig of this.store.all()) this.scheduler.add(rig.id);
    this.unsubscribeSettings = this.settings.onChange((next) => this.scheduler.setInterval(next.pollIntervalMs));
  }

  stop(): void {
    this.unsubscribeSettings?.();
    this.scheduler.stop();
    this.abort.abort();
    this.store.flush();
  }

  list(): Rig[] {
    return this.store.all();
  }

  get(id: RigId): Rig {
    const rig = this.store.get(id);
    if (!rig) throw new RigwiseError('NOT_FOUND', `No rig ${id} in the fleet.`);
    return rig;
  }

  /** Called by discovery for every rig it identifies. A rig found again keeps its name and history. */
  addOrRefresh(identity: RigIdentity): Rig {
    const { rig, added } = this.store.upsert(identity, Date.now());
    this.events.emit('fleet.rigUpdated', rig);
    if (added) this.scheduler.add(rig.id);
    return rig;
  }

  rename(id: RigId, name: string): Rig {
    const rig = { ...this.get(id), name };
    this.store.replace(rig);
    this.events.emit('fleet.rigUpdated', rig);
    return rig;
  }

  remove(id: RigId): void {
    this.get(id);
    this.scheduler.remove(id);
    this.store.remove(id);
    this.events.emit('fleet.rigRemoved', { rigId: id });
  }

  async pollNow(id: RigId): Promise<Rig> {
    this.get(id);
    await this.poll(id);
    return this.get(id);
  }

  /**
   * One poll of one rig; a poll asked for while one is out (the operator's "poll now" during a scheduled poll) joins
   * it, so two results can never race or count as two misses. Never throws.
   */
  private poll(id: RigId): Promise<'ok' | 'failed'> {
    const running = this.pollsInFlight.get(id);
    if (running) return running;
    const started = this.pollOnce(id).finally(() => this.pollsInFlight.delete(id));
    this.pollsInFlight.set(id, started);
    return started;
  }

  private async pollOnce(id: RigId): Promise<'ok' | 'failed'> {
    const rig = this.store.get(id);
    if (!rig) return 'failed';
    const { pollTimeoutMs, missedPollsBeforeDown } = this.settings.get();
    let updated: Rig;
    let outcome: 'ok' | 'failed';
    try {
      const driver = this.drivers.get(rig.identity.family);
      const snapshot = checkedSnapshot(
        await driver.read(
          { identity: rig.identity, timeoutMs: pollTimeoutMs, credential: this.readCredential(rig) },
          this.abort.signal,
        ),
      );
      outcome = 'ok';
      updated = afterPollSuccess(this.latest(id, rig), snapshot, Date.now());
    } catch (error) {
      if (!(error instanceof RigwiseError)) console.error(`[fleet] reading ${id} failed unexpectedly:`, error);
      outcome = 'failed';
      updated = afterPollFailure(this.latest(id, rig), toErrorValue(error), Date.now(), missedPollsBeforeDown);
    }
    // The rig may have been removed (or removed and found again) while the poll was out: its result is stale then.
    const current = this.store.get(id);
    if (!current || current.addedAt !== rig.addedAt) return outcome;
    this.store.replace(updated);
    this.events.emit('fleet.rigUpdated', updated);
    return outcome;
  }

  private latest(id: RigId, fallback: Rig): Rig {
    return this.store.get(id) ?? fallback;
  }
}
