// Every change to a rig goes through here, whoever asks (the operator, later the engines): checked against the
// operator's limits, audited, applied through the rig's driver, read back, and rolled back to what the rig reported
// before if it does not take effect or the rig does not come back healthy in time. One command per rig at a time.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { RigwiseError, toErrorValue } from '../../../src-shared/api/errors.js';
import type {
  AuditEntry,
  Command,
  CommandState,
  OperatorLimits,
  RigChange,
} from '../../../src-shared/model/control.js';
import type { Rig, RigId, RigSnapshot } from '../../../src-shared/model/rig.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { Driver } from '../drivers/driver.js';
import type { DriverRegistry } from '../drivers/registry.js';
import type { EngineEventBus } from '../events.js';
import type { FleetService } from '../fleet/fleet-service.js';
import type { AuditLog } from './audit-log.js';
import { checkChange } from './limits.js';
import { controlView, healthy, inverseOf, redactChange, tookEffect } from './read-back.js';

export interface CommandQueueTiming {
  /** How long a change may take to show in a read-back (a BOS autotuner settles slowly; a restart reboots). */
  verifyTimeoutMs: number;
  restartTimeoutMs: number;
  readBackEveryMs: number;
}

export const DEFAULT_TIMING: CommandQueueTiming = {
  verifyTimeoutMs: 90_000,
  restartTimeoutMs: 300_000,
  readBackEveryMs: 2000,
};
const KEPT_COMMANDS = 500;

interface QueueServices {
  fleet: FleetService;
  drivers: DriverRegistry;
  credentials: CredentialStore;
  audit: AuditLog;
  events: EngineEventBus;
  limits: () => OperatorLimits;
  readTimeoutMs: () => number;
}

type Outcome = {
  state: Extract<CommandState, 'applied' | 'failed' | 'rolled-back'>;
  message: string | null;
  after: RigSnapshot | null;
  code: string | null;
};

export class CommandQueue {
  private readonly commands = new Map<string, Command>();
  private readonly perRig = new Map<RigId, Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly services: QueueServices,
    private readonly timing: CommandQueueTiming = DEFAULT_TIMING,
  ) {
    // One signal for every command in flight, one per rig at most: a large farm has far more than ten at once.
    setMaxListeners(0, this.abort.signal);
  }

  /** Queues one change for each rig; returns at once with the commands, whose progress arrives as events. */
  submit(rigIds: readonly RigId[], change: RigChange, actor: string): Command[] {
    return [...new Set(rigIds)].map((rigId) => {
      const command: Command = {
        id: randomUUID(),
        rigId,
        actor,
        change: redactChange(change),
        state: 'queued',
        message: null,
        code: null,
        requestedAt: Date.now(),
        finishedAt: null,
      };
      this.update(command, {});
      const previous = this.perRig.get(rigId) ?? Promise.resolve();
      const next = previous
        .then(() => this.run(command, change))
        .catch((error: unknown) => {
          console.error('[control] command failed unexpectedly:', error);
          this.finish(command, 'failed', toErrorValue(error).message, 'INTERNAL');
        });
      this.perRig.set(rigId, next);
      void next.finally(() => {
        if (this.perRig.get(rigId) === next) this.perRig.delete(rigId);
      });
      return command;
    });
  }

  list(): Command[] {
    return [...this.commands.values()].reverse();
  }

  /** Resolves when every queued command has ended: for shutdown and tests. */
  async settled(): Promise<void> {
    while (this.perRig.size > 0) await Promise.all([...this.perRig.values()]);
  }

  stop(): void {
    this.abort.abort();
  }

  private async run(command: Command, change: RigChange): Promise<void> {
    let rig: Rig;
    let driver: Driver;
    try {
      rig = this.services.fleet.get(command.rigId);
      driver = this.services.drivers.get(rig.identity.family);
    } catch (error) {
      return this.finish(command, 'refused', toErrorValue(error).message, toErrorValue(error).code);
    }
    const capabilities = driver.capabilities(rig.identity);
    const limits = this.services.limits();
    const refusal = checkChange(rig, change, capabilities, limits);
    const credential =
      capabilities.needsCredential === 'none'
        ? null
        : this.services.credentials.secretFor(rig.id, rig.identity.family, capabilities.needsCredential);
    const missing =
      capabilities.needsCredential !== 'none' && credential === null
        ? new RigwiseError(
            'UNAUTHORIZED',
            `${rig.name} needs its ${capabilities.needsCredential === 'apiToken' ? 'API token' : 'admin password'}: set it in the rig's Control tab first.`,
          )
        : null;
    const refused = refusal ?? missing;
    if (refused) {
      this.audit(command, rig, null, null, 'refused', refused.message);
      return this.finish(command, 'refused', refused.message, refused.code);
    }
    const target = { identity: rig.identity, timeoutMs: this.services.readTimeoutMs(), credential };
    // An admin password goes only with the change itself; an API token also with reads (see ReadTarget.credential).
    const readTarget = { ...target, credential: capabilities.needsCredential === 'apiToken' ? credential : null };
    let before: RigSnapshot;
    try {
      before = await driver.read(readTarget, this.abort.signal);
    } catch (error) {
      const { code, message } = toErrorValue(error);
      this.audit(command, rig, null, null, 'failed', `Could not read the rig before the change: ${message}`);
      return this.finish(command, 'failed', message, code);
    }
    this.audit(command, rig, before, null, 'started', null);
    const outcome = await this.applyAndVerify(command, driver, target, readTarget, change, before, limits);
    const result =
      outcome.state === 'rolled-back' && outcome.code === 'ROLLBACK_FAILED' ? 'rollback-failed' : outcome.state;
    this.audit(command, rig, before, outcome.after, result, outcome.message);
    this.finish(command, outcome.state, outcome.message, outcome.code);
    void this.services.fleet.pollNow(rig.id).catch(() => undefined);
  }

  private async applyAndVerify(
    command: Command,
    driver: Driver,
    target: Parameters<Driver['apply']>[0],
    readTarget: Parameters<Driver['read']>[0],
    change: RigChange,
    before: RigSnapshot,
    limits: OperatorLimits,
  ): Promise<Outcome> {
    this.update(command, { state: 'applying' });
    try {
      await driver.apply(target, change, this.abort.signal);
    } catch (error) {
      const { code, message } = toErrorValue(error);
      return { state: 'failed', message: `The rig refused the change: ${message}`, after: null, code };
    }
    this.update(command, { state: 'verifying' });
    // A restart reboots; a resume from sleep restarts the miner process on Antminers: both take minutes, not seconds.
    const slow = change.kind === 'restart' || change.kind === 'resume';
    const timeoutMs = slow ? this.timing.restartTimeoutMs : this.timing.verifyTimeoutMs;
    const verdict = await this.readBack(driver, readTarget, change, before, limits, timeoutMs);
    if (verdict.ok) return { state: 'applied', message: null, after: verdict.after, code: null };
    const inverse = inverseOf(change, before);
    if (!inverse) {
      return {
        state: 'failed',
        message: `${verdict.why}; there is nothing to roll back to.`,
        after: verdict.after,
        code: 'RIG_ERROR',
      };
    }
    this.update(command, { state: 'rolling-back', message: verdict.why });
    try {
      await driver.apply(target, inverse, this.abort.signal);
      const restored = await this.readBack(driver, readTarget, inverse, before, limits, this.timing.verifyTimeoutMs);
      const message = `${verdict.why}; rolled back to the previous settings${restored.ok ? '' : ` (${restored.why} after the rollback)`}.`;
      return {
        state: 'rolled-back',
        message,
        after: restored.after,
        code: restored.ok ? 'ROLLED_BACK' : 'ROLLBACK_FAILED',
      };
    } catch (error) {
      const { message } = toErrorValue(error);
      return {
        state: 'rolled-back',
        message: `${verdict.why}; the rollback failed too: ${message}`,
        after: verdict.after,
        code: 'ROLLBACK_FAILED',
      };
    }
  }

  /** Reads the rig until the change shows and the rig is healthy, or the time is up. */
  private async readBack(
    driver: Driver,
    target: Parameters<Driver['read']>[0],
    change: RigChange,
    before: RigSnapshot,
    limits: OperatorLimits,
    timeoutMs: number,
  ): Promise<{ ok: true; after: RigSnapshot } | { ok: false; why: string; after: RigSnapshot | null }> {
    const deadline = Date.now() + timeoutMs;
    let last: RigSnapshot | null = null;
    let why = 'the change did not show in time';
    while (Date.now() < deadline && !this.abort.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, this.timing.readBackEveryMs));
      try {
        last = await driver.read(target, this.abort.signal);
      } catch (error) {
        why = `the rig did not answer after the change (${toErrorValue(error).message})`;
        continue;
      }
      if (!tookEffect(change, before, last)) {
        why = 'the rig did not take the change';
        continue;
      }
      const problem = healthy(change, before, last, limits);
      if (problem === null) return { ok: true, after: last };
      why = problem;
    }
    return { ok: false, why: `${why} within ${Math.round(timeoutMs / 1000)} s`, after: last };
  }

  private audit(
    command: Command,
    rig: Rig,
    before: RigSnapshot | null,
    after: RigSnapshot | null,
    result: AuditEntry['result'],
    message: string | null,
  ): void {
    this.services.audit.record({
      commandId: command.id,
      actor: command.actor,
      rigId: rig.id,
      rigName: rig.name,
      change: command.change,
      before: controlView(before),
      after: controlView(after),
      result,
      message,
    });
  }

  private finish(command: Command, state: CommandState, message: string | null, code: string | null): void {
    this.update(command, { state, message, code, finishedAt: Date.now() });
  }

  private update(command: Command, change: Partial<Command>): void {
    Object.assign(command, change);
    this.commands.set(command.id, command);
    if (this.commands.size > KEPT_COMMANDS) {
      const oldest = this.commands.keys().next().value;
      if (oldest !== undefined) this.commands.delete(oldest);
    }
    this.services.events.emit('control.command', { ...command });
  }
}
