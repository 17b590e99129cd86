// The service facade: one handler per method of the contract, each a thin call into a service. Params arrive already
// validated by the dispatcher; the compiler checks that every method has a handler of the right shape.
import type { MethodName, MethodResult, ValidParams } from '../../../src-shared/api/methods.js';
import type { DiscoveryService } from '../discovery/discovery-service.js';
import type { FleetService } from '../fleet/fleet-service.js';
import type { SettingsService } from '../settings/settings-service.js';

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
}

export function createHandlers({ info, fleet, discovery, settings }: HandlerServices): Handlers {
  return {
    'app.info': () => info,
    'fleet.list': () => fleet.list(),
    'fleet.get': ({ rigId }) => fleet.get(rigId),
    'fleet.rename': ({ rigId, name }) => fleet.rename(rigId, name),
    'fleet.remove': ({ rigId }) => {
      fleet.remove(rigId);
      return { ok: true as const };
    },
    'fleet.pollNow': ({ rigId }) => fleet.pollNow(rigId),
    'discovery.start': (params) => discovery.start(params),
    'discovery.cancel': ({ scanId }) => discovery.cancel(scanId),
    'discovery.status': () => discovery.status(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
