// The service facade: one handler per method of the contract, each a thin call into a service. Params arrive already
// validated by the dispatcher; the compiler checks that every method has a handler of the right shape.
import type { MethodName, MethodResult, ValidParams } from '../../../src-shared/api/methods.js';
import type { RigFamily } from '../../../src-shared/model/rig.js';
import type { AuditLog } from '../control/audit-log.js';
import type { CommandQueue } from '../control/command-queue.js';
import type { LimitsService } from '../control/limits-service.js';
import type { CredentialScope, CredentialStore } from '../credentials/credential-store.js';
import type { DiscoveryService } from '../discovery/discovery-service.js';
import type { DriverRegistry } from '../drivers/registry.js';
import type { FleetService } from '../fleet/fleet-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { OptimizerService } from '../engines/optimizer/optimizer-service.js';
import type { TelemetryService } from '../telemetry/telemetry-service.js';

export type Handlers = {
  [M in MethodName]: (params: ValidParams<M>) => Promise<MethodResult<M>> | MethodResult<M>;
};

export interface AppInfo {
  version: string;
  shell: 'electron' | 'headless';
  demo: boolean;
  demoRange: string | null;
}

export interface HandlerServices {
  info: AppInfo;
  fleet: FleetService;
  discovery: DiscoveryService;
  settings: SettingsService;
  control: CommandQueue;
  credentials: CredentialStore;
  audit: AuditLog;
  limits: LimitsService;
  drivers: DriverRegistry;
  telemetry: TelemetryService;
  optimizer: OptimizerService;
}

function scopeOf(scope: { rigId: string } | { family: RigFamily }): CredentialScope {
  return 'rigId' in scope ? scope.rigId : `family:${scope.family}`;
}

export function createHandlers(services: HandlerServices): Handlers {
  const { info, fleet, discovery, settings, control, credentials, audit, limits, drivers, telemetry, optimizer } =
    services;
  const ok = { ok: true as const };
  return {
    'app.info': () => info,
    'fleet.list': () => fleet.list(),
    'fleet.get': ({ rigId }) => fleet.get(rigId),
    'fleet.rename': ({ rigId, name }) => fleet.rename(rigId, name),
    'fleet.remove': ({ rigId }) => {
      fleet.remove(rigId);
      return ok;
    },
    'fleet.pollNow': ({ rigId }) => fleet.pollNow(rigId),
    'discovery.start': (params) => discovery.start(params),
    'discovery.cancel': ({ scanId }) => discovery.cancel(scanId),
    'discovery.status': () => discovery.status(),
    'rig.capabilities': ({ rigId }) => {
      const rig = fleet.get(rigId);
      return {
        capabilities: drivers.get(rig.identity.family).capabilities(rig.identity),
        credentials: credentials.status(rig.id, rig.identity.family),
      };
    },
    'control.apply': ({ rigIds, change }) => {
      for (const rigId of rigIds) fleet.get(rigId);
      return control.submit(rigIds, change, 'operator');
    },
    'control.list': () => control.list(),
    'audit.list': ({ rigId, limit }) => audit.list({ rigId, limit }),
    'credentials.set': ({ scope, kind, secret }) => {
      credentials.set(scopeOf(scope), kind, secret);
      return ok;
    },
    'credentials.clear': ({ scope, kind }) => {
      credentials.clear(scopeOf(scope), kind);
      return ok;
    },
    'limits.get': () => limits.get(),
    'limits.update': ({ limits: next }) => limits.update(next),
    'telemetry.series': (query) => telemetry.series(query),
    'telemetry.breakdown': (query) => telemetry.breakdown(query),
    'telemetry.events': (query) => telemetry.historyEventsIn(query),
    'telemetry.export': (query) => telemetry.exportCsv(query),
    'telemetry.status': () => telemetry.currentStatus(),
    'optimizer.status': () => optimizer.status(),
    'optimizer.settings': () => optimizer.settings(),
    'optimizer.updateSettings': ({ settings: next }) => optimizer.updateSettings(next),
    'optimizer.fingerprint': ({ rigId, version }) => optimizer.fingerprint(rigId, version),
    'optimizer.retune': async ({ rigIds }) => {
      await optimizer.retune(rigIds);
      return ok;
    },
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
