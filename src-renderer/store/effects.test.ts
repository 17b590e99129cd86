import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/model/index.js';
import { defaultOptimizerSettings } from '../../src-shared/model/optimizer.js';
import { makeAuditEntry, makeCapabilities, makeCommand } from '../test-support/control-fixtures.js';
import { fakeEngine, flushPromises, manualFrames } from '../test-support/fake-engine.js';
import { makeRig, makeSnapshot } from '../test-support/rig-fixtures.js';
import { makeDecision, makeDevice, makeFingerprintResult, makeSite } from '../test-support/optimizer-fixtures.js';
import { createAppStore } from './app-store.js';
import { startEffects } from './effects.js';

function setup() {
  const engine = fakeEngine();
  const store = createAppStore(engine.client);
  const frames = manualFrames();
  const controlFrames = manualFrames();
  startEffects({
    client: engine.client,
    connection: engine.connection,
    store,
    scheduleFlush: frames.schedule,
    scheduleControlFlush: controlFrames.schedule,
  });
  return { engine, store, frames, controlFrames };
}

describe('startEffects', () => {
  it('loads the fleet, settings, app info, scan status, commands, audit log, limits, history status and optimizer on open', () => {
    const { engine } = setup();
    expect(engine.pendingMethods()).toEqual([]);
    engine.setState('open');
    expect(engine.pendingMethods().sort()).toEqual([
      'app.info',
      'audit.list',
      'control.list',
      'discovery.status',
      'fleet.list',
      'limits.get',
      'optimizer.settings',
      'optimizer.status',
      'settings.get',
      'telemetry.status',
    ]);
  });

  it('loads everything again after a reconnect, since events sent while away are lost', () => {
    const { engine } = setup();
    engine.setState('open');
    engine.setState('closed');
    engine.setState('open');
    expect(engine.pendingMethods().filter((method) => method === 'fleet.list')).toHaveLength(2);
  });

  it('applies rig updates and removals once per frame', async () => {
    const { engine, store, frames } = setup();
    engine.setState('open');
    engine.answer('fleet.list', []);
    await flushPromises();
    const rig = makeRig('127.0.9.1');
    engine.emit('fleet.rigUpdated', rig);
    expect(store.getState().rigsById).toEqual({});
    frames.runFrame();
    expect(store.getState().rigsById[rig.id]).toEqual(rig);
    engine.emit('fleet.rigRemoved', { rigId: rig.id });
    frames.runFrame();
    expect(store.getState().rigsById).toEqual({});
  });

  it('drops updates queued before the fleet list arrives, because the list supersedes them', async () => {
    const { engine, store, frames } = setup();
    engine.setState('open');
    const stale = makeRig('127.0.9.1', { name: 'old name' });
    const listed = makeRig('127.0.9.1', { name: 'new name' });
    engine.emit('fleet.rigUpdated', stale);
    engine.answer('fleet.list', [listed]);
    await flushPromises();
    frames.runFrame();
    expect(store.getState().rigsById[listed.id]?.name).toBe('new name');
    expect(store.getState().fleetLoaded).toBe(true);
  });

  it('closes the detail panel when the selected rig is removed', async () => {
    const { engine, store, frames } = setup();
    engine.setState('open');
    const rig = makeRig('127.0.9.1');
    engine.answer('fleet.list', [rig]);
    await flushPromises();
    store.getState().selectRig(rig.id);
    engine.emit('fleet.rigRemoved', { rigId: rig.id });
    frames.runFrame();
    expect(store.getState().selectedRigId).toBeNull();
  });

  it('mirrors the connection state into the store', () => {
    const { engine, store } = setup();
    engine.setState('unauthorized');
    expect(store.getState().connectionState).toBe('unauthorized');
  });

  it('applies scan progress and settings changes as they arrive', () => {
    const { engine, store } = setup();
    engine.emit('discovery.progress', {
      scanId: 's1',
      range: '127.0.1.0/24',
      state: 'running',
      probed: 10,
      total: 256,
      found: 2,
      startedAt: 1,
      finishedAt: null,
      error: null,
    });
    expect(store.getState().scan?.found).toBe(2);
    engine.emit('settings.changed', { ...defaultSettings(), pollIntervalMs: 9000 });
    expect(store.getState().settings?.pollIntervalMs).toBe(9000);
  });

  it('collapses a burst of command events into one store update with each command at its latest state', () => {
    const { engine, store, controlFrames } = setup();
    engine.emit('control.command', makeCommand({ id: 'c1', state: 'queued' }));
    engine.emit('control.command', makeCommand({ id: 'c1', state: 'applying' }));
    engine.emit('control.command', makeCommand({ id: 'c2', state: 'queued' }));
    expect(store.getState().commandsById).toEqual({});
    controlFrames.runFrame();
    expect(store.getState().commandsById['c1']?.state).toBe('applying');
    expect(store.getState().commandsById['c2']?.state).toBe('queued');
  });

  it('keeps a command event that overtook the command list on its way in', async () => {
    const { engine, store, controlFrames } = setup();
    engine.setState('open');
    engine.emit('control.command', makeCommand({ id: 'c1', state: 'applied', finishedAt: 2 }));
    controlFrames.runFrame();
    engine.answer('control.list', [makeCommand({ id: 'c1', state: 'verifying' })]);
    await flushPromises();
    expect(store.getState().commandsById['c1']?.state).toBe('applied');
  });

  it('adds live audit entries to the loaded log, newest first, once each', async () => {
    const { engine, store, controlFrames } = setup();
    engine.setState('open');
    engine.answer('audit.list', [makeAuditEntry({ id: 'a1', at: 10 })]);
    await flushPromises();
    engine.emit('audit.recorded', makeAuditEntry({ id: 'a2', at: 20 }));
    engine.emit('audit.recorded', makeAuditEntry({ id: 'a1', at: 10 }));
    controlFrames.runFrame();
    expect(store.getState().auditEntries.map((entry) => entry.id)).toEqual(['a2', 'a1']);
    expect(store.getState().auditLoaded).toBe(true);
  });

  it('forgets cached capabilities on reconnect, since the engine may have changed meanwhile', async () => {
    const { engine, store } = setup();
    engine.setState('open');
    const loading = store.getState().ensureCapabilities(['127.0.9.1:4028']);
    engine.answer('rig.capabilities', makeCapabilities({ restart: true }));
    await loading;
    expect(store.getState().capabilitiesByRig['127.0.9.1:4028']?.status).toBe('ready');
    engine.setState('closed');
    engine.setState('open');
    expect(store.getState().capabilitiesByRig).toEqual({});
  });

  it('stores the limits the engine reports', async () => {
    const { engine, store } = setup();
    engine.setState('open');
    engine.answer('limits.get', { maxChipTempC: 80, maxPowerWPerRig: null, models: {} });
    await flushPromises();
    expect(store.getState().limits?.maxChipTempC).toBe(80);
  });
});

describe('startEffects: history', () => {
  const NOW = 1_700_000_000_000;
  const seriesAnswer = (params: unknown) => {
    const query = params as { metric: string; from: number; to: number };
    return { metric: query.metric, resolution: 'raw', bucketMs: 1000, from: query.from, to: query.to, points: [] };
  };
  const status = {
    path: '/data/telemetry.db',
    sizeBytes: 4096,
    framesWritten: 10,
    framesPending: 0,
    framesDropped: 0,
    lastWriteAt: NOW,
    oldest: { raw: NOW - 1000, '1m': null, '1h': null },
    problem: null,
  };

  it('keeps the history status from the sync and from later status events', async () => {
    const { engine, store } = setup();
    engine.setState('open');
    engine.answer('telemetry.status', status);
    await flushPromises();
    expect(store.getState().telemetryStatus?.sizeBytes).toBe(4096);
    const problem = { code: 'DISK_FULL', message: 'No space left on device', at: NOW, setAsidePath: null };
    engine.emit('telemetry.status', { ...status, problem });
    expect(store.getState().telemetryStatus?.problem?.code).toBe('DISK_FULL');
  });

  it('grows a live rig chart from the batched fleet updates, without fetching again', async () => {
    const { engine, store, frames } = setup();
    engine.setState('open');
    const rig = makeRig('127.0.9.1');
    engine.answer('fleet.list', [rig]);
    await flushPromises();
    void store.getState().loadHistoryChart('rig:test', {
      scope: { rigId: rig.id },
      metrics: ['hashrate'],
      window: { kind: 'live', spanMs: 3_600_000 },
      maxPoints: 480,
    });
    engine.answerAll('telemetry.series', seriesAnswer);
    await flushPromises();
    const takenAt = Date.now() + 1000;
    engine.emit('fleet.rigUpdated', { ...rig, snapshot: makeSnapshot({ takenAt, hashrateThs: 95 }) });
    frames.runFrame();
    expect(store.getState().historyCharts['rig:test']?.series['hashrate']?.at(-1)).toMatchObject({
      t: takenAt,
      avg: 95,
    });
    expect(engine.pendingMethods()).not.toContain('telemetry.series');
  });

  it('appends closed fleet minutes to the fleet charts and fetches shown charts again after a reconnect', async () => {
    const { engine, store } = setup();
    engine.setState('open');
    void store.getState().loadHistoryChart('fleet:test', {
      scope: { fleet: true },
      metrics: ['hashrate'],
      window: { kind: 'live', spanMs: 3_600_000 },
      maxPoints: 720,
    });
    engine.answerAll('telemetry.series', (params) => ({ ...seriesAnswer(params), resolution: '1m', bucketMs: 60_000 }));
    await flushPromises();
    const minute = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
    engine.emit('telemetry.fleetPoint', {
      t: minute,
      values: { hashrate: 500, power: 1, efficiency: 1, chipTemp: 1, rigsUp: 1, acceptedRate: 1, rejectedRate: 1 },
    });
    expect(store.getState().historyCharts['fleet:test']?.series['hashrate']?.at(-1)?.t).toBe(minute);
    engine.setState('closed');
    engine.setState('open');
    expect(engine.pendingParams('telemetry.series')).toHaveLength(1);
  });
});

describe('startEffects: optimizer', () => {
  const status = (devices = [makeDevice()]) => ({ site: makeSite(), devices, decisions: [makeDecision()] });

  it('keeps the status and settings from the sync, and a failure as the optimizer error, not a sync error', async () => {
    const { engine, store } = setup();
    engine.setState('open');
    engine.answer('optimizer.status', status());
    engine.answer('optimizer.settings', { ...defaultOptimizerSettings(), siteCapW: 30_000 });
    await flushPromises();
    expect(store.getState().optimizerLoaded).toBe(true);
    expect(Object.keys(store.getState().optimizerDevices)).toEqual(['127.0.9.1:4028']);
    expect(store.getState().optimizerSettings?.siteCapW).toBe(30_000);
    engine.setState('closed');
    engine.setState('open');
    engine.refuse('optimizer.status', { code: 'INTERNAL', message: 'optimizer worker stopped' });
    engine.answer('optimizer.settings', defaultOptimizerSettings());
    await flushPromises();
    expect(store.getState().optimizerError?.code).toBe('INTERNAL');
    expect(store.getState().syncError).toBeNull();
  });

  it('batches device and decision events, a decision replaced by id when its outcome arrives', () => {
    const { engine, store, controlFrames } = setup();
    engine.emit('optimizer.device', makeDevice({ state: 'exploring', progress: 0.2 }));
    engine.emit('optimizer.device', makeDevice({ state: 'exploring', progress: 0.6 }));
    engine.emit('optimizer.decision', makeDecision({ id: 'd1', outcome: 'pending' }));
    expect(store.getState().optimizerDevices).toEqual({});
    controlFrames.runFrame();
    expect(store.getState().optimizerDevices['127.0.9.1:4028']?.progress).toBe(0.6);
    engine.emit('optimizer.decision', makeDecision({ id: 'd1', outcome: 'applied' }));
    controlFrames.runFrame();
    expect(store.getState().optimizerDecisions.map((decision) => decision.outcome)).toEqual(['applied']);
  });

  it('applies site and settings events at once', () => {
    const { engine, store } = setup();
    engine.emit('optimizer.site', makeSite({ measuredPowerW: 31_000 }));
    engine.emit('optimizer.settings', { ...defaultOptimizerSettings(), enabled: true });
    expect(store.getState().optimizerSite?.measuredPowerW).toBe(31_000);
    expect(store.getState().optimizerSettings?.enabled).toBe(true);
  });

  it("drops a rig's device row when the rig leaves the fleet", async () => {
    const { engine, store, frames } = setup();
    engine.setState('open');
    engine.answer('optimizer.status', status());
    engine.answer('optimizer.settings', defaultOptimizerSettings());
    await flushPromises();
    engine.emit('fleet.rigRemoved', { rigId: '127.0.9.1:4028' });
    frames.runFrame();
    expect(store.getState().optimizerDevices).toEqual({});
  });

  it('fetches the fingerprints on screen again after a reconnect, at the version shown', async () => {
    const { engine, store } = setup();
    engine.setState('open');
    void store.getState().loadFingerprint('127.0.9.1:4028', 2);
    engine.answer('optimizer.fingerprint', makeFingerprintResult([]));
    await flushPromises();
    engine.setState('closed');
    engine.setState('open');
    expect(engine.pendingParams('optimizer.fingerprint')).toEqual([{ rigId: '127.0.9.1:4028', version: 2 }]);
  });
});
