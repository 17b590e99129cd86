import { describe, expect, it } from 'vitest';
import { fakeEngine, flushPromises } from '../test-support/fake-engine.js';
import { makeCapabilities, makeCommand } from '../test-support/control-fixtures.js';
import { makeRig } from '../test-support/rig-fixtures.js';
import { createAppStore } from './app-store.js';

function setup() {
  const engine = fakeEngine();
  const store = createAppStore(engine.client);
  return { engine, store };
}

describe('control actions', () => {
  it('shows the queued commands at once, before any event arrives', async () => {
    const { engine, store } = setup();
    const applying = store.getState().applyChange(['r1'], { kind: 'restart' });
    expect(engine.pendingParams('control.apply')).toEqual([{ rigIds: ['r1'], change: { kind: 'restart' } }]);
    engine.answer('control.apply', [makeCommand({ id: 'c9', rigId: 'r1', change: { kind: 'restart' } })]);
    await expect(applying).resolves.toBeNull();
    expect(store.getState().commandsById['c9']?.state).toBe('queued');
    expect(store.getState().bulkRun).toBeNull();
  });

  it('remembers a bulk change with its command ids for the progress summary', async () => {
    const { engine, store } = setup();
    const change = { kind: 'powerTarget', watts: 3000 } as const;
    const applying = store.getState().applyBulkChange(['r1', 'r2'], change);
    engine.answer('control.apply', [makeCommand({ id: 'x1', rigId: 'r1' }), makeCommand({ id: 'x2', rigId: 'r2' })]);
    await applying;
    expect(store.getState().bulkRun).toMatchObject({ change, rigIds: ['r1', 'r2'], commandIds: ['x1', 'x2'] });
    store.getState().dismissBulkRun();
    expect(store.getState().bulkRun).toBeNull();
  });

  it('asks for capabilities once per rig however often they are wanted', async () => {
    const { engine, store } = setup();
    void store.getState().ensureCapabilities(['r1', 'r2']);
    void store.getState().ensureCapabilities(['r1']);
    expect(engine.pendingParams('rig.capabilities')).toEqual([{ rigId: 'r1' }, { rigId: 'r2' }]);
    engine.answerAll('rig.capabilities', () => makeCapabilities());
    await flushPromises();
    expect(store.getState().capabilitiesByRig['r1']?.status).toBe('ready');
  });

  it("drops a capabilities answer that arrives after the rig's identity changed", async () => {
    const { engine, store } = setup();
    const rig = makeRig('127.0.9.1');
    store.getState().replaceFleet([rig]);
    const loading = store.getState().ensureCapabilities([rig.id]);
    const reflashed = makeRig('127.0.9.1', { identity: { ...rig.identity, firmware: 'braiins' } });
    store.getState().applyFleetChanges([{ kind: 'updated', rig: reflashed }]);
    engine.answer('rig.capabilities', makeCapabilities({ restart: true }));
    await loading;
    expect(store.getState().capabilitiesByRig[rig.id]).toBeUndefined();
  });

  it('after a family credential is saved, re-reads the credential status of that family only', async () => {
    const { engine, store } = setup();
    const antminer = makeRig('127.0.9.1');
    const bitaxe = makeRig('127.0.9.2', { identity: { ...antminer.identity, host: '127.0.9.2', family: 'axeos' } });
    store.getState().replaceFleet([antminer, bitaxe]);
    void store.getState().ensureCapabilities([antminer.id, bitaxe.id]);
    engine.answerAll('rig.capabilities', () => makeCapabilities({ needsCredential: 'adminPassword' }));
    await flushPromises();

    const saving = store.getState().setCredential({ family: 'cgminer' }, 'adminPassword', 'hunter2');
    expect(engine.pendingParams('credentials.set')).toEqual([
      { scope: { family: 'cgminer' }, kind: 'adminPassword', secret: 'hunter2' },
    ]);
    engine.answer('credentials.set', { ok: true });
    await flushPromises();
    expect(engine.pendingParams('rig.capabilities')).toEqual([{ rigId: antminer.id }]);
    // The previous answer stays visible while the new one is on its way.
    expect(store.getState().capabilitiesByRig[antminer.id]?.status).toBe('loading');
    engine.answer(
      'rig.capabilities',
      makeCapabilities({ needsCredential: 'adminPassword' }, { adminPassword: 'family' }),
    );
    await expect(saving).resolves.toBeNull();
    const entry = store.getState().capabilitiesByRig[antminer.id];
    expect(entry?.status === 'ready' && entry.value.credentials.adminPassword).toBe('family');
  });

  it('unticks rigs that leave the fleet', () => {
    const { store } = setup();
    const rig = makeRig('127.0.9.1');
    const other = makeRig('127.0.9.2');
    store.getState().replaceFleet([rig, other]);
    store.getState().setRigsChecked([rig.id, other.id], true);
    store.getState().applyFleetChanges([{ kind: 'removed', rigId: rig.id }]);
    expect([...store.getState().checkedRigIds]).toEqual([other.id]);
  });

  it('saving limits keeps what the engine answers, and hands back a refusal', async () => {
    const { engine, store } = setup();
    const limits = { maxChipTempC: 80, maxPowerWPerRig: 3000, models: {} };
    const saving = store.getState().updateLimits(limits);
    engine.answer('limits.update', limits);
    await expect(saving).resolves.toBeNull();
    expect(store.getState().limits).toEqual(limits);
    const error = { code: 'BAD_REQUEST', message: 'limits.maxChipTempC: Too big' } as const;
    const refused = store.getState().updateLimits({ ...limits, maxChipTempC: 200 });
    engine.refuse('limits.update', error);
    await expect(refused).resolves.toEqual(error);
    expect(store.getState().limits).toEqual(limits);
  });

  it('a refused apply hands back the error and queues nothing', async () => {
    const { engine, store } = setup();
    const applying = store.getState().applyBulkChange(['r1'], { kind: 'pause' });
    engine.refuse('control.apply', { code: 'NOT_FOUND', message: 'No rig r1' });
    await expect(applying).resolves.toEqual({ code: 'NOT_FOUND', message: 'No rig r1' });
    expect(store.getState().commandsById).toEqual({});
    expect(store.getState().bulkRun).toBeNull();
  });
});
