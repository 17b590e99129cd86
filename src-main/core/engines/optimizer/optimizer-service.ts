// The optimizer's main-thread half: hands the worker what the fleet reads (observations, stamped with the engine's
// clock), runs a planning round every few seconds, and turns each decision into commands for the fleet's command
// queue (limits, audit log, read-back and rollback there), one change at a time and in a safe order, reporting each
// outcome back. Settings are kept in optimizer-settings.json (atomic writes, a damaged file set aside).
import path from 'node:path';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Command, RigChange } from '../../../../src-shared/model/control.js';
import {
  OptimizerSettingsSchema,
  defaultOptimizerSettings,
  type DeviceSetting,
  type FingerprintResult,
  type OptimizerDecision,
  type OptimizerSettings,
  type OptimizerStatus,
} from '../../../../src-shared/model/optimizer.js';
import type { Rig, RigId } from '../../../../src-shared/model/rig.js';
import type { CommandQueue } from '../../control/command-queue.js';
import type { LimitsService } from '../../control/limits-service.js';
import type { DriverRegistry } from '../../drivers/registry.js';
import type { EngineEventBus } from '../../events.js';
import type { FleetService } from '../../fleet/fleet-service.js';
import { JsonFile } from '../../storage/json-file.js';
import { WorkerHost, siblingModule } from '../worker-host.js';
import { changesFor } from './decision-commands.js';
import type { NewDecision } from './device-tuner.js';
import { observationOf, type Observation } from './observation.js';
import type { CommandOutcome, CoreOptions, RigInfo } from './optimizer-core.js';
import type { OptimizerProtocol } from './optimizer-protocol.js';

export interface OptimizerOptions {
  dataDir: string | null;
  /** The engine's clock; a simulated one in tests and benchmarks. */
  clock?: { now(): number };
  /** Planning rounds on a timer (default 5 s); null: only when tick() is called (simulated time). */
  tickIntervalMs?: number | null;
  /** Measurement timing, cap margin and the like (tests shorten or tighten them). */
  core?: CoreOptions;
}

interface OptimizerServices {
  events: EngineEventBus;
  /** The poll interval: a device is only called lost after missing a few polls. */
  pollIntervalMs: () => number;
  fleet: FleetService;
  drivers: DriverRegistry;
  limits: LimitsService;
  control: CommandQueue;
}

interface Flight {
  decision: OptimizerDecision;
  changes: RigChange[];
}

const KEPT_DECISIONS = 200;
const OBSERVE_EVERY_MS = 1000;
const TERMINAL = new Set<Command['state']>(['applied', 'refused', 'failed', 'rolled-back']);
export const OPTIMIZER_ACTOR = 'optimizer';

function settingOf(rig: Rig | null): DeviceSetting | null {
  const control = rig?.snapshot?.control;
  if (!control) return null;
  return { frequencyMhz: control.frequencyMhz, voltageMv: control.voltageMv, powerTargetW: control.powerTargetW };
}

export class OptimizerService {
  private readonly host: WorkerHost<OptimizerProtocol>;
  private readonly settingsFile: JsonFile<typeof OptimizerSettingsSchema> | null;
  private current: OptimizerSettings;
  readonly loadProblem: string | null;
  private readonly clock: { now(): number };
  private observations: Observation[] = [];
  private outcomes: CommandOutcome[] = [];
  private readonly lastTakenAt = new Map<RigId, number>();
  private rigsChanged = true;
  private configured: unknown = null;
  private configuredPollMs = 0;
  /** What the worker was last told of each rig (name, model, firmware): a change is synced. */
  private readonly synced = new Map<RigId, string>();
  private decisions: OptimizerDecision[] = [];
  private readonly flights = new Map<string, Flight>();
  private ticking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private observeTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastProblem: string | null = null;

  constructor(
    private readonly options: OptimizerOptions,
    private readonly services: OptimizerServices,
  ) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.settingsFile = options.dataDir
      ? new JsonFile(
          path.join(options.dataDir, 'optimizer-settings.json'),
          OptimizerSettingsSchema,
          defaultOptimizerSettings,
        )
      : null;
    const loaded = this.settingsFile?.load() ?? { value: defaultOptimizerSettings(), problem: null };
    this.current = loaded.value;
    this.loadProblem = loaded.problem;
    this.host = new WorkerHost<OptimizerProtocol>({
      entry: siblingModule(import.meta.url, 'optimizer-worker'),
      name: 'optimizer',
      workerData: {
        file: options.dataDir ? path.join(options.dataDir, 'optimizer-state.json') : null,
        ...(options.core ? { core: options.core } : {}),
      },
      onEvent: (_event, data) => {
        this.lastProblem = data.message;
        console.error(`[optimizer] ${data.message}`);
      },
      onStart: () => {
        this.configured = null;
        this.rigsChanged = true;
      },
      onCrash: (error, restartInMs) =>
        console.error(`[optimizer] worker stopped (${error.message}); restarting in ${restartInMs} ms`),
    });
  }

  /** A problem the worker met loading or saving its state, for the shell to show. */
  get problem(): string | null {
    return this.lastProblem;
  }

  start(): void {
    this.host.start();
    this.unsubscribe = this.services.events.subscribe((event, data) => {
      if (event === 'fleet.rigUpdated') this.onRig(data as Rig);
      else if (event === 'fleet.rigRemoved') this.onRemoved((data as { rigId: RigId }).rigId);
      else if (event === 'control.command') this.onCommand(data as Command);
    });
    const interval = this.options.tickIntervalMs === undefined ? 5000 : this.options.tickIntervalMs;
    if (interval !== null) {
      this.timer = setInterval(() => {
        this.tick().catch((error: unknown) => console.error('[optimizer] planning round failed:', error));
      }, interval);
      this.timer.unref();
      this.observeTimer = setInterval(() => this.sendObservations(), OBSERVE_EVERY_MS);
      this.observeTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    if (this.observeTimer) clearInterval(this.observeTimer);
    this.timer = null;
    this.observeTimer = null;
    await this.ticking?.catch(() => undefined);
    await this.host.call('save', {}).catch(() => undefined);
    await this.host.stop();
  }

  settings(): OptimizerSettings {
    return this.current;
  }

  updateSettings(requested: OptimizerSettings): OptimizerSettings {
    // Intake figures of rigs no longer in the fleet are dropped, not refused: a removed rig must not block the switch.
    const known = new Set(this.services.fleet.list().map((rig) => rig.id));
    const intakeByRig = Object.fromEntries(
      Object.entries(requested.thermal.intakeByRig).filter(([id]) => known.has(id)),
    );
    const settings = { ...requested, thermal: { ...requested.thermal, intakeByRig } };
    this.settingsFile?.save(settings);
    this.current = settings;
    this.configured = null;
    this.services.events.emit('optimizer.settings', settings);
    return settings;
  }

  async status(): Promise<OptimizerStatus> {
    await this.configure();
    const { site, devices } = await this.host.call('status', { now: this.clock.now() });
    return { site, devices, decisions: this.decisions };
  }

  async fingerprint(rigId: RigId, version: number | undefined): Promise<FingerprintResult> {
    this.services.fleet.get(rigId); // NOT_FOUND for a rig that is not in the fleet
    return this.host.call('fingerprint', {
      rigId,
      now: this.clock.now(),
      ...(version === undefined ? {} : { version }),
    });
  }

  async retune(rigIds: readonly RigId[]): Promise<void> {
    for (const id of rigIds) this.services.fleet.get(id);
    await this.configure(); // the worker must know the rigs first (just after a start or a worker restart)
    await this.host.call('retune', { rigIds: [...rigIds] });
  }

  /** One planning round. Rounds never overlap: a call during one waits for it. */
  tick(): Promise<void> {
    this.ticking ??= this.runTick().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  /** Resolves when every command of every decision has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.flights.size > 0) await this.services.control.settled();
  }

  private async configure(): Promise<void> {
    const limits = this.services.limits.get();
    const pollIntervalMs = this.services.pollIntervalMs();
    if (this.configured !== limits || this.configuredPollMs !== pollIntervalMs) {
      this.configured = limits;
      this.configuredPollMs = pollIntervalMs;
      await this.host.call('configure', { settings: this.current, limits, now: this.clock.now(), pollIntervalMs });
    }
    if (this.rigsChanged) {
      this.rigsChanged = false;
      await this.host.call('syncRigs', { rigs: this.rigInfos() });
    }
  }

  private rigInfos(): RigInfo[] {
    return this.services.fleet.list().map((rig) => ({
      id: rig.id,
      name: rig.name,
      model: rig.identity.model,
      capabilities: this.services.drivers.get(rig.identity.family).capabilities(rig.identity),
    }));
  }

  /** Hands the readings gathered so far to the worker; a worker that is restarting misses them (newer ones follow). */
  private sendObservations(): void {
    if (this.observations.length === 0) return;
    if (this.host.running) this.host.post('observe', { observations: this.observations });
    this.observations = [];
  }

  private async runTick(): Promise<void> {
    await this.configure();
    this.sendObservations();
    const outcomes = this.outcomes;
    this.outcomes = [];
    const now = this.clock.now();
    let result;
    try {
      result = await this.host.call('tick', { now, outcomes });
    } catch (error) {
      // The worker is restarting and never saw them: keep the outcomes, they must reach it.
      if (error instanceof RigwiseError && error.code === 'ENGINE_UNREACHABLE') {
        this.outcomes = [...outcomes, ...this.outcomes];
      }
      throw error;
    }
    for (const device of result.devices) this.services.events.emit('optimizer.device', device);
    this.services.events.emit('optimizer.site', result.site);
    for (const decision of result.decisions) this.launch(decision);
  }

  private onRig(rig: Rig): void {
    const signature = `${rig.name}\u0000${rig.identity.family}\u0000${rig.identity.model}\u0000${rig.identity.firmware}`;
    if (this.synced.get(rig.id) !== signature) {
      this.synced.set(rig.id, signature);
      this.rigsChanged = true;
    }
    const snapshot = rig.snapshot;
    if (rig.status !== 'up' || !snapshot || this.lastTakenAt.get(rig.id) === snapshot.takenAt) return;
    this.lastTakenAt.set(rig.id, snapshot.takenAt);
    this.observations.push(observationOf(rig.id, snapshot, this.clock.now()));
  }

  private onRemoved(rigId: RigId): void {
    this.rigsChanged = true;
    this.synced.delete(rigId);
    this.lastTakenAt.delete(rigId);
  }

  private launch(decision: NewDecision): void {
    const rig = this.services.fleet.list().find((candidate) => candidate.id === decision.rigId) ?? null;
    const view: OptimizerDecision = {
      ...decision,
      rigName: rig?.name ?? decision.rigId,
      outcome: 'pending',
      outcomeMessage: null,
    };
    this.remember(view);
    if (!rig) return this.finish({ decision: view, changes: [] }, false, 'the rig is no longer in the fleet');
    // A revert sends every knob (the last reading may be stale), in the order the reading says is safe.
    const changes = changesFor(decision.to, settingOf(rig), decision.sleep, decision.cause === 'revert');
    this.submitNext({ decision: view, changes });
  }

  private submitNext(flight: Flight): void {
    const [change, ...rest] = flight.changes;
    if (!change) return this.finish(flight, true, null);
    const [command] = this.services.control.submit([flight.decision.rigId], change, OPTIMIZER_ACTOR);
    if (!command) return this.finish(flight, false, 'the command queue did not take the change');
    this.flights.set(command.id, { decision: flight.decision, changes: rest });
    // The queue may already have finished it (a refusal is synchronous in some paths).
    if (TERMINAL.has(command.state)) this.onCommand(command);
  }

  private onCommand(command: Command): void {
    const flight = this.flights.get(command.id);
    if (!flight || !TERMINAL.has(command.state)) return;
    this.flights.delete(command.id);
    if (command.state === 'applied') this.submitNext(flight);
    else this.finish(flight, false, command.message ?? command.state);
  }

  private finish(flight: Flight, ok: boolean, message: string | null): void {
    const decision: OptimizerDecision = {
      ...flight.decision,
      outcome: ok ? 'applied' : 'failed',
      outcomeMessage: message,
    };
    this.remember(decision);
    this.outcomes.push({ decisionId: decision.id, ok, message });
  }

  private remember(decision: OptimizerDecision): void {
    this.decisions = [decision, ...this.decisions.filter((d) => d.id !== decision.id)].slice(0, KEPT_DECISIONS);
    this.services.events.emit('optimizer.decision', decision);
  }
}
