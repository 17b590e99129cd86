import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/model/index.js';
import { makeAuditEntry, makeCapabilities, makeCommand } from '../test-support/control-fixtures.js';
import { fakeEngine, flushPromises, manualFrames } from '../test-support/fake-engine.js';
import { makeRig } from '../test-support/rig-fixtures.js';
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
  it('loads the fleet, settings, app info, scan status, commands, audit log and limits when the connection opens', () => {
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
      'settings.get',
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
