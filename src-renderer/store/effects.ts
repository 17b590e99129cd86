import type { EngineClient } from '../../src-shared/api/index.js';
import type { AuditEntry, Command, RigId } from '../../src-shared/model/index.js';
import type { DeviceTuning, OptimizerDecision } from '../../src-shared/model/optimizer.js';
import type { ConnectionState, EngineConnection } from '../api/connection.js';
import type { AppStore } from './app-store.js';
import { AUDIT_PAGE } from './audit-slice.js';
import type { FleetChange } from './fleet-changes.js';
import { createKeyedBatcher, throttledAnimationFrame } from './keyed-frame-batcher.js';
import type { ScheduleFlush } from './keyed-frame-batcher.js';

/** Fleet updates reach the screen at most this often (see throttledAnimationFrame for the measurement). */
const FLEET_FLUSH_INTERVAL_MS = 500;
/**
 * Command and audit events come in bursts (a bulk change to 1,000 rigs is ~4,000 command events and ~2,000 audit
 * entries within seconds): they are batched too, a little faster than the fleet so a single rig's timeline feels live.
 */
const CONTROL_FLUSH_INTERVAL_MS = 250;

export interface EffectsOptions {
  client: EngineClient;
  connection: Pick<EngineConnection, 'getState' | 'onStateChange'>;
  store: AppStore;
  scheduleFlush?: ScheduleFlush;
  scheduleControlFlush?: ScheduleFlush;
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
  scheduleControlFlush = throttledAnimationFrame(CONTROL_FLUSH_INTERVAL_MS),
}: EffectsOptions): () => void {
  const fleetChanges = createKeyedBatcher<RigId, FleetChange>((changes) => {
    const state = store.getState();
    state.applyFleetChanges(changes);
    // The optimizer sends no event when a rig leaves the fleet: its device row goes with the rig.
    for (const change of changes) if (change.kind === 'removed') state.forgetOptimizerDevice(change.rigId);
    // The same readings grow the live history charts, so a chart ending "now" never re-fetches its whole range.
    state.appendRigSnapshots(changes.flatMap((change) => (change.kind === 'updated' ? [change.rig] : [])));
  }, scheduleFlush);
  // Keyed by command id: only a command's latest state matters, so a burst collapses to one update per command.
  const commandUpdates = createKeyedBatcher<string, Command>(
    (commands) => store.getState().receiveCommands(commands),
    scheduleControlFlush,
  );
  const auditEntries = createKeyedBatcher<string, AuditEntry>(
    (entries) => store.getState().receiveAuditEntries(entries),
    scheduleControlFlush,
  );
  // The optimizer's events come in the same bursts as the commands it sends (a planning round that moves 1,000
  // devices): batched on the same schedule, one update per device and per decision, the latest copy of each.
  const deviceUpdates = createKeyedBatcher<RigId, DeviceTuning>(
    (devices) => store.getState().receiveOptimizerDevices(devices),
    scheduleControlFlush,
  );
  const decisionUpdates = createKeyedBatcher<string, OptimizerDecision>(
    (decisions) => store.getState().receiveOptimizerDecisions(decisions),
    scheduleControlFlush,
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
    // Queued command events are not discarded when the list arrives: the reducer keeps whichever copy of a command
    // is further along, so applying both in any order ends in the same state.
    void client.call('control.list', {}).then((outcome) => {
      if (!current()) return;
      if (outcome.error) return state().setSyncError(outcome.error);
      state().replaceCommands(outcome.data);
    });
    void client.call('audit.list', { limit: AUDIT_PAGE }).then((outcome) => {
      if (!current()) return;
      if (outcome.error) return state().setSyncError(outcome.error);
      state().receiveAuditEntries(outcome.data);
    });
    void client.call('limits.get', {}).then((outcome) => {
      if (!current()) return;
      if (outcome.error) return state().setSyncError(outcome.error);
      state().receiveLimits(outcome.data);
    });
    void state().loadTelemetryStatus();
    // Not a sync error when it fails: the Optimizer view says so itself, and the rest of the app works without it.
    void state().loadOptimizer();
    // Fingerprints on screen may have new versions the events for which were missed.
    state().reloadFingerprints();
    // The engine on the other end may have restarted with other drivers, or another window changed a credential.
    state().forgetCapabilities();
    // Live readings sent while away are gone: charts on screen fetch their range again (none are on the first sync).
    state().reloadHistory();
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
    client.on('control.command', (command) => commandUpdates.push(command.id, command)),
    client.on('audit.recorded', (entry) => auditEntries.push(entry.id, entry)),
    // Once a minute and on storage trouble only: no batching needed.
    client.on('telemetry.fleetPoint', (point) => store.getState().receiveFleetPoint(point)),
    client.on('telemetry.historyEvents', (events) => store.getState().receiveHistoryEvents(events)),
    client.on('telemetry.status', (status) => store.getState().receiveTelemetryStatus(status)),
    client.on('optimizer.device', (device) => deviceUpdates.push(device.rigId, device)),
    client.on('optimizer.decision', (decision) => decisionUpdates.push(decision.id, decision)),
    client.on('optimizer.site', (site) => store.getState().receiveOptimizerSite(site)),
    client.on('optimizer.settings', (settings) => store.getState().receiveOptimizerSettings(settings)),
    connection.onStateChange(onConnectionState),
  ];
  onConnectionState(connection.getState());

  return () => {
    for (const stop of stops) stop();
    fleetChanges.dispose();
    commandUpdates.dispose();
    auditEntries.dispose();
    deviceUpdates.dispose();
    decisionUpdates.dispose();
    syncGeneration += 1;
  };
}
