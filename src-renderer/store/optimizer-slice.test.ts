import { describe, expect, it } from 'vitest';
import { defaultOptimizerSettings } from '../../src-shared/model/optimizer.js';
import { fakeEngine, flushPromises } from '../test-support/fake-engine.js';
import { fv, makeFingerprintResult, makePoint } from '../test-support/optimizer-fixtures.js';
import { createAppStore } from './app-store.js';

const RIG = '127.0.9.1:4028';

function setup() {
  const engine = fakeEngine();
  return { engine, store: createAppStore(engine.client) };
}

describe('optimizer slice: settings and retune', () => {
  it('sends the whole settings object and keeps what the engine answers', async () => {
    const { engine, store } = setup();
    const settings = { ...defaultOptimizerSettings(), siteCapW: 30_000 };
    const saving = store.getState().saveOptimizerSettings(settings);
    expect(engine.pendingParams('optimizer.updateSettings')).toEqual([{ settings }]);
    engine.answer('optimizer.updateSettings', { ...settings, enabled: true });
    await expect(saving).resolves.toBeNull();
    expect(store.getState().optimizerSettings?.enabled).toBe(true);
  });

  it('hands back a refusal and keeps the settings it had', async () => {
    const { engine, store } = setup();
    store.getState().receiveOptimizerSettings(defaultOptimizerSettings());
    const saving = store.getState().saveOptimizerSettings({ ...defaultOptimizerSettings(), siteCapW: 10 });
    engine.refuse('optimizer.updateSettings', { code: 'BAD_REQUEST', message: 'cap below the fleet idle power' });
    await expect(saving).resolves.toMatchObject({ code: 'BAD_REQUEST' });
    expect(store.getState().optimizerSettings?.siteCapW).toBeNull();
  });

  it('excludes a rig by saving the settings the engine has now with that one change', async () => {
    const { engine, store } = setup();
    store.getState().receiveOptimizerSettings({ ...defaultOptimizerSettings(), siteCapW: 30_000 });
    void store.getState().setRigExcluded(RIG, true);
    expect(engine.pendingParams('optimizer.updateSettings')).toEqual([
      { settings: { ...defaultOptimizerSettings(), siteCapW: 30_000, excludedRigs: [RIG] } },
    ]);
    await expect(store.getState().setRigExcluded('other:4028', false)).resolves.toBeNull();
    expect(engine.pendingParams('optimizer.updateSettings')).toHaveLength(1);
  });

  it('asks to retune at most 1,000 rigs per call', async () => {
    const { engine, store } = setup();
    const rigIds = Array.from({ length: 1500 }, (_, index) => `10.0.${Math.floor(index / 250)}.${index % 250}:4028`);
    const retuning = store.getState().retune(rigIds);
    expect(engine.pendingParams('optimizer.retune')).toEqual([{ rigIds: rigIds.slice(0, 1000) }]);
    engine.answer('optimizer.retune', { ok: true });
    await flushPromises();
    expect(engine.pendingParams('optimizer.retune')).toEqual([{ rigIds: rigIds.slice(1000) }]);
    engine.answer('optimizer.retune', { ok: true });
    await expect(retuning).resolves.toBeNull();
  });
});

describe('optimizer slice: fingerprints', () => {
  const first = makeFingerprintResult([makePoint(fv(500, 1100))]);
  const second = makeFingerprintResult([makePoint(fv(500, 1100)), makePoint(fv(525, 1100))]);

  it('asks for the newest version unless one is given, and stores the answer', async () => {
    const { engine, store } = setup();
    const loading = store.getState().loadFingerprint(RIG);
    expect(engine.pendingParams('optimizer.fingerprint')).toEqual([{ rigId: RIG }]);
    expect(store.getState().fingerprints[RIG]?.state).toBe('loading');
    engine.answer('optimizer.fingerprint', first);
    await loading;
    expect(store.getState().fingerprints[RIG]).toMatchObject({ state: 'ready', version: null, result: first });
  });

  it('keeps the previous curves on screen while the next version loads', async () => {
    const { engine, store } = setup();
    const loading = store.getState().loadFingerprint(RIG);
    engine.answer('optimizer.fingerprint', first);
    await loading;
    void store.getState().loadFingerprint(RIG);
    expect(store.getState().fingerprints[RIG]).toMatchObject({ state: 'loading', result: first });
  });

  it('drops an answer overtaken by a later load', async () => {
    const { engine, store } = setup();
    void store.getState().loadFingerprint(RIG, 1);
    void store.getState().loadFingerprint(RIG, 2);
    engine.answer('optimizer.fingerprint', first);
    await flushPromises();
    expect(store.getState().fingerprints[RIG]).toMatchObject({ state: 'loading', version: 2, result: null });
    engine.answer('optimizer.fingerprint', second);
    await flushPromises();
    expect(store.getState().fingerprints[RIG]?.result).toBe(second);
  });

  it('drops an answer that arrives after the panel was closed', async () => {
    const { engine, store } = setup();
    void store.getState().loadFingerprint(RIG);
    store.getState().releaseFingerprint(RIG);
    engine.answer('optimizer.fingerprint', first);
    await flushPromises();
    expect(store.getState().fingerprints).toEqual({});
  });

  it('keeps the error and the last curves when a load fails', async () => {
    const { engine, store } = setup();
    const loading = store.getState().loadFingerprint(RIG);
    engine.answer('optimizer.fingerprint', first);
    await loading;
    const failing = store.getState().loadFingerprint(RIG);
    engine.refuse('optimizer.fingerprint', { code: 'NOT_FOUND', message: 'no such version' });
    await expect(failing).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.getState().fingerprints[RIG]).toMatchObject({ state: 'failed', result: first });
  });
});
