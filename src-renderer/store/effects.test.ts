import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../src-shared/api/index.js';
import { defaultSettings } from '../../src-shared/model/index.js';
import type { ConnectionState } from '../api/connection.js';
import { makeRig } from '../test-support/rig-fixtures.js';
import { createAppStore } from './app-store.js';
import { startEffects } from './effects.js';

type Reply = { result: unknown } | { error: { code: 'INTERNAL'; message: string } };

/** An engine stand-in: records calls, answers them when the test says so, and pushes events on demand. */
function fakeEngine() {
  const calls: Array<{ method: string; resolve: (reply: Reply) => void }> = [];
  let emit: (event: string, data: unknown) => void = () => undefined;
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  const client = createEngineClient({
    invoke: (method) => new Promise<Reply>((resolve) => calls.push({ method, resolve })),
    subscribe: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  const connection = {
    getState: () => state,
    onStateChange: (listener: (next: ConnectionState) => void) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
  return {
    client,
    connection,
    emit: (event: string, data: unknown) => emit(event, data),
    setState: (next: ConnectionState) => {
      state = next;
      for (const listener of stateListeners) listener(next);
    },
    answer: (method: string, result: unknown) => {
      const index = calls.findIndex((call) => call.method === method);
      const call = calls.splice(index, 1)[0];
      if (index < 0 || !call) throw new Error(`no pending ${method} call`);
      call.resolve({ result });
    },
    pendingMethods: () => calls.map((call) => call.method),
  };
}

function manualFrames() {
  const callbacks: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => {
      callbacks.push(callback);
      return () => undefined;
    },
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
  };
}

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  const engine = fakeEngine();
  const store = createAppStore(engine.client);
  const frames = manualFrames();
  startEffects({ client: engine.client, connection: engine.connection, store, scheduleFlush: frames.schedule });
  return { engine, store, frames };
}

describe('startEffects', () => {
  it('loads the fleet, settings, app info and scan status when the connection opens', () => {
    const { engine } = setup();
    expect(engine.pendingMethods()).toEqual([]);
    engine.setState('open');
    expect(engine.pendingMethods().sort()).toEqual(['app.info', 'discovery.status', 'fleet.list', 'settings.get']);
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
});
