// Composition root: builds every service from a config, starts them in order and stops them in reverse. Both shells
// (Electron and headless) and the tests create the engine here and nowhere else.
import { defaultSettings, type Settings } from '../../src-shared/model/settings.js';
import type { AppInfo } from './api/handlers.js';
import { createHandlers } from './api/handlers.js';
import { createDispatcher, type Dispatcher } from './api/dispatcher.js';
import { DiscoveryService } from './discovery/discovery-service.js';
import { defaultDrivers, type DriverRegistry } from './drivers/registry.js';
import { EngineEventBus } from './events.js';
import { FleetService } from './fleet/fleet-service.js';
import { RigStore } from './fleet/rig-store.js';
import { fileSettingsBackend } from './settings/file-backend.js';
import { SettingsService, type SettingsBackend } from './settings/settings-service.js';

export interface EngineConfig {
  /** Where settings and the fleet are kept; null keeps everything in memory (tests, benchmarks). */
  dataDir: string | null;
  info: AppInfo;
  /** Defaults to a settings.json in dataDir (or memory); the Electron shell passes electron-store. */
  settingsBackend?: SettingsBackend;
  drivers?: DriverRegistry;
}

export interface Engine {
  readonly events: EngineEventBus;
  readonly dispatch: Dispatcher;
  readonly fleet: FleetService;
  readonly discovery: DiscoveryService;
  readonly settings: SettingsService;
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
  const fleet = new FleetService(store, drivers, settings, events);
  const discovery = new DiscoveryService(drivers, fleet, settings, events);
  const dispatch = createDispatcher(createHandlers({ info: config.info, fleet, discovery, settings }));
  const startupProblems = [settings.loadProblem, store.loadProblem].filter((p): p is string => p !== null);
  return {
    events,
    dispatch,
    fleet,
    discovery,
    settings,
    startupProblems,
    start: () => fleet.start(),
    stop: async () => {
      discovery.stop();
      await discovery.settled();
      fleet.stop();
    },
  };
}
