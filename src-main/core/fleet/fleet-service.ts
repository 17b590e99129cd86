// The live fleet: which rigs there are, how each is doing, and the polling that keeps that true. Discovery hands it
// identities; the scheduler asks it to poll; every change is published as a `fleet.rigUpdated` event.
import { setMaxListeners } from 'node:events';
import { RigwiseError, toErrorValue } from '../../../src-shared/api/errors.js';
import type { Rig, RigId, RigIdentity } from '../../../src-shared/model/rig.js';
import type { DriverRegistry } from '../drivers/registry.js';
import type { EngineEventBus } from '../events.js';
import type { SettingsService } from '../settings/settings-service.js';
import { afterPollFailure, afterPollSuccess } from './rig-status.js';
import { PollScheduler } from './poll-scheduler.js';
import type { RigStore } from './rig-store.js';

/** Sockets open at once for polling: enough for 1,000 rigs every 5 s with slow ones among them. */
const MAX_POLLS_IN_FLIGHT = 128;
const RETRY_DELAY_MS = 1000;

export class FleetService {
  private readonly scheduler: PollScheduler;
  /** Aborts every poll in flight at shutdown; each in-flight poll listens on it, hence no listener cap. */
  private readonly abort = new AbortController();
  private unsubscribeSettings: (() => void) | null = null;

  constructor(
    private readonly store: RigStore,
    private readonly drivers: DriverRegistry,
    private readonly settings: SettingsService,
    private readonly events: EngineEventBus,
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
    await this.poll(id);
    return this.get(id);
  }

  /** One poll of one rig. Never throws: whatever the rig does becomes its status and problem. */
  private async poll(id: RigId): Promise<'ok' | 'failed'> {
    const rig = this.store.get(id);
    if (!rig) return 'failed';
    const { pollTimeoutMs, missedPollsBeforeDown } = this.settings.get();
    const driver = this.drivers.get(rig.identity.family);
    let updated: Rig;
    let outcome: 'ok' | 'failed';
    try {
      const snapshot = await driver.read({ identity: rig.identity, timeoutMs: pollTimeoutMs }, this.abort.signal);
      outcome = 'ok';
      updated = afterPollSuccess(this.latest(id, rig), snapshot, Date.now());
    } catch (error) {
      if (!(error instanceof RigwiseError)) console.error(`[fleet] reading ${id} failed unexpectedly:`, error);
      outcome = 'failed';
      updated = afterPollFailure(this.latest(id, rig), toErrorValue(error), Date.now(), missedPollsBeforeDown);
    }
    // The rig may have been removed or renamed while the poll was out.
    if (!this.store.get(id)) return outcome;
    this.store.replace(updated);
    this.events.emit('fleet.rigUpdated', updated);
    return outcome;
  }

  private latest(id: RigId, fallback: Rig): Rig {
    return this.store.get(id) ?? fallback;
  }
}
