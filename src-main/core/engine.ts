// Composition root: builds every service from a config, starts them in order and stops them in reverse. Both shells
// (Electron and headless) and the tests create the engine here and nowhere else.
import { defaultSettings, type Settings } from '../../src-shared/model/settings.js';
import type { AppInfo } from './api/handlers.js';
import { createHandlers } from './api/handlers.js';
import { createDispatcher, type Dispatcher } from './api/dispatcher.js';
import { DiscoveryService } from './discovery/discovery-service.js';
import { defaultDrivers, type DriverRegistry } from './drivers/registry.js';
import { AuditLog } from './control/audit-log.js';
import { CommandQueue, type CommandQueueTiming } from './control/command-queue.js';
import { LimitsService } from './control/limits-service.js';
import { CredentialStore } from './credentials/credential-store.js';
import { ephemeralCipher, keyFileCipher, type SecretCipher } from './credentials/secret-cipher.js';
import { OptimizerService, type OptimizerOptions } from './engines/optimizer/optimizer-service.js';
import { EngineEventBus } from './events.js';
import { FleetService } from './fleet/fleet-service.js';
import { RigStore } from './fleet/rig-store.js';
import { fileSettingsBackend } from './settings/file-backend.js';
import { SettingsService, type SettingsBackend } from './settings/settings-service.js';
import { TelemetryService, type TelemetryOptions } from './telemetry/telemetry-service.js';

export interface EngineConfig {
  /** Where settings and the fleet are kept; null keeps everything in memory (tests, benchmarks). */
  dataDir: string | null;
  info: AppInfo;
  /** Defaults to a settings.json in dataDir (or memory); the Electron shell passes electron-store. */
  settingsBackend?: SettingsBackend;
  /** Defaults to AES-GCM with a key file in dataDir (or a key in memory); the Electron shell passes safeStorage. */
  secretCipher?: SecretCipher;
  drivers?: DriverRegistry;
  /** Read-back timing of changes; tests shorten it. */
  controlTiming?: CommandQueueTiming;
  /** History batching (and, in tests, a size cap that makes a full disk). */
  telemetry?: Omit<TelemetryOptions, 'dataDir'>;
  /** The optimizer's clock and planning rounds (tests and benchmarks run it on a simulated clock). */
  optimizer?: Omit<OptimizerOptions, 'dataDir'>;
}

export interface Engine {
  readonly events: EngineEventBus;
  readonly dispatch: Dispatcher;
  readonly fleet: FleetService;
  readonly discovery: DiscoveryService;
  readonly settings: SettingsService;
  readonly control: CommandQueue;
  readonly credentials: CredentialStore;
  readonly audit: AuditLog;
  readonly limits: LimitsService;
  readonly drivers: DriverRegistry;
  readonly telemetry: TelemetryService;
  readonly optimizer: OptimizerService;
  /** Problems met while loading stored state (a corrupt file set aside), for the shell to show the operator. */
  readonly startupProblems: string[];
  start(): void;
  stop(): Promise<void>;
}

function memorySettingsBackend(): SettingsBackend {
  let stored: Settings = defaultSettings();
  return {
    load: () => ({ value: stored, problem: null }),
    save: (settings) => {
      stored = settings;
    },
  };
}

export function createEngine(config: EngineConfig): Engine {
  const events = new EngineEventBus();
  const drivers = config.drivers ?? defaultDrivers();
  const settingsBackend =
    config.settingsBackend ?? (config.dataDir ? fileSettingsBackend(config.dataDir) : memorySettingsBackend());
  const settings = new SettingsService(settingsBackend, events);
  const store = new RigStore(config.dataDir);
  const cipher = config.secretCipher ?? (config.dataDir ? keyFileCipher(config.dataDir) : ephemeralCipher());
  const credentials = new CredentialStore(config.dataDir, cipher);
  const fleet = new FleetService(store, drivers, settings, events, (rig) => {
    const needs = drivers.get(rig.identity.family).capabilities(rig.identity).needsCredential;
    return needs === 'apiToken' ? credentials.secretFor(rig.id, rig.identity.family, 'apiToken') : null;
  });
  const discovery = new DiscoveryService(drivers, fleet, settings, events, (family) =>
    credentials.secretFor(`family:${family}`, family, 'apiToken'),
  );
  const audit = new AuditLog(config.dataDir, events);
  const limits = new LimitsService(config.dataDir);
  const control = new CommandQueue(
    {
      fleet,
      drivers,
      credentials,
      audit,
      events,
      limits: () => limits.get(),
      readTimeoutMs: () => settings.get().pollTimeoutMs,
    },
    config.controlTiming,
  );
  const telemetry = new TelemetryService({ ...config.telemetry, dataDir: config.dataDir }, events, settings, () => {
    return new Map(fleet.list().map((rig) => [rig.id, rig.name]));
  });
  const optimizer = new OptimizerService(
    { ...config.optimizer, dataDir: config.dataDir },
    { events, fleet, drivers, limits, control, pollIntervalMs: () => settings.get().pollIntervalMs },
  );
  const services = { fleet, discovery, settings, control, credentials, audit, limits, drivers, telemetry, optimizer };
  const dispatch = createDispatcher(createHandlers({ info: config.info, ...services }));
  const startupProblems = [
    settings.loadProblem,
    store.loadProblem,
    credentials.loadProblem,
    limits.loadProblem,
    optimizer.loadProblem,
  ].filter((p): p is string => p !== null);
  return {
    ...services,
    events,
    dispatch,
    startupProblems,
    start: () => {
      // History first: the first polls' frames need somewhere to go.
      telemetry.start();
      fleet.start();
      optimizer.start();
    },
    stop: async () => {
      // The optimizer first: it must not queue changes while the queue winds down.
      await optimizer.stop();
      discovery.stop();
      control.stop();
      await Promise.all([discovery.settled(), control.settled()]);
      fleet.stop();
      await telemetry.stop();
    },
  };
}
