import type { EngineClient } from '../../src-shared/api/index.js';
import type { RigId } from '../../src-shared/model/index.js';
import type { ConnectionState, EngineConnection } from '../api/connection.js';
import type { AppStore } from './app-store.js';
import type { FleetChange } from './fleet-changes.js';
import { createKeyedBatcher, throttledAnimationFrame } from './keyed-frame-batcher.js';
import type { ScheduleFlush } from './keyed-frame-batcher.js';

/** Fleet updates reach the screen at most this often (see throttledAnimationFrame for the measurement). */
const FLEET_FLUSH_INTERVAL_MS = 500;

export interface EffectsOptions {
  client: EngineClient;
  connection: Pick<EngineConnection, 'getState' | 'onStateChange'>;
  store: AppStore;
  scheduleFlush?: ScheduleFlush;
}

/**
 * The only place engine events enter the store: events -> effects -> store -> components. Also re-syncs everything
 * each time the link (re)opens, because events missed while disconnected are gone for good. Returns a stop function.
 */
export function startEffects({
  client,
  connection,
  store,
  scheduleFlush = throttledAnimationFrame(FLEET_FLUSH_INTERVAL_MS),
}: EffectsOptions): () => void {
  const fleetChanges = createKeyedBatcher<RigId, FleetChange>(
    (changes) => store.getState().applyFleetChanges(changes),
    scheduleFlush,
  );
  // Each sync gets a number; replies to an older sync (from before a reconnect) are ignored.
  let syncGeneration = 0;

  const sync = (): void => {
    syncGeneration += 1;
    const generation = syncGeneration;
    const current = (): boolean => generation === syncGeneration;
    const state = store.getState;
    state().setSyncError(null);

    // Each call is handled on its own, not with Promise.all: the fleet list must be applied the moment it arrives,
    // discarding only the events queued before it (which it supersedes), never ones that came after it.
    void client.call('fleet.list', {}).then((outcome) => {
      if (!current()) return;
      if (outcome.error) return state().setSyncError(outcome.error);
      fleetChanges.discardPending();
      state().replaceFleet(outcome.data);
    });
    void client.call('app.info', {}).then((outcome) => {
      if (!current()) return;
      if (outcome.error) return state().setSyncError(outcome.error);
      state().receiveAppInfo(outcome.data);
    });
    void client.call('settings.get', {}).then((outcome) => {
      if (!current()) return;
      if (outcome.error) return state().setSyncError(outcome.error);
      state().receiveSettings(outcome.data);
    });
    void client.call('discovery.status', {}).then((outcome) => {
      if (!current() || outcome.error || outcome.data === null) return;
      state().receiveScanProgress(outcome.data);
    });
  };

  const onConnectionState = (connectionState: ConnectionState): void => {
    store.getState().setConnectionState(connectionState);
    if (connectionState === 'open') sync();
  };

  const stops = [
    client.on('fleet.rigUpdated', (rig) => fleetChanges.push(rig.id, { kind: 'updated', rig })),
    client.on('fleet.rigRemoved', ({ rigId }) => fleetChanges.push(rigId, { kind: 'removed', rigId })),
    client.on('discovery.progress', (progress) => store.getState().receiveScanProgress(progress)),
    client.on('settings.changed', (settings) => store.getState().receiveSettings(settings)),
    connection.onStateChange(onConnectionState),
  ];
  onConnectionState(connection.getState());

  return () => {
    for (const stop of stops) stop();
    fleetChanges.dispose();
    syncGeneration += 1;
  };
}
