import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../src-shared/api/index.js';
import type { ApiErrorValue } from '../../src-shared/api/index.js';
import { defaultSettings } from '../../src-shared/model/index.js';
import { makeRig } from '../test-support/rig-fixtures.js';
import { createAppStore } from './app-store.js';

type Answer = { result: unknown } | { error: ApiErrorValue };

/** A store over an engine that answers each method from a table and records what it was sent. */
function storeWithEngine(answers: Record<string, (params: unknown) => Answer>) {
  const sent: Array<{ method: string; params: unknown }> = [];
  const client = createEngineClient({
    invoke: (method, params) => {
      sent.push({ method, params });
      const answer = answers[method];
      return answer ? Promise.resolve(answer(params)) : Promise.reject(new Error(`unexpected ${method}`));
    },
    subscribe: () => () => undefined,
  });
  return { store: createAppStore(client), sent };
}

describe('store actions', () => {
  it('renaming a rig stores the rig the engine returns', async () => {
    const rig = makeRig('127.0.9.1');
    const { store } = storeWithEngine({ 'fleet.rename': () => ({ result: { ...rig, name: 'A-07' } }) });
    store.getState().replaceFleet([rig]);
    await expect(store.getState().renameRig(rig.id, 'A-07')).resolves.toBeNull();
    expect(store.getState().rigsById[rig.id]?.name).toBe('A-07');
  });

  it('a failed action hands back the engine error and changes nothing', async () => {
    const rig = makeRig('127.0.9.1');
    const error = { code: 'NOT_FOUND', message: 'No rig 127.0.9.1:4028' } as const;
    const { store } = storeWithEngine({ 'fleet.remove': () => ({ error }) });
    store.getState().replaceFleet([rig]);
    await expect(store.getState().removeRig(rig.id)).resolves.toEqual(error);
    expect(store.getState().rigsById[rig.id]).toBe(rig);
  });

  it('a refused scan keeps the error value for the scan panel', async () => {
    const error = { code: 'RANGE_TOO_LARGE', message: 'At most 65,536 addresses per scan.' } as const;
    const { store } = storeWithEngine({ 'discovery.start': () => ({ error }) });
    await store.getState().startScan('127.0.0.0/8');
    expect(store.getState().scanRequestError).toEqual(error);
    expect(store.getState().scanStarting).toBe(false);
  });

  it('a lost connection during an action comes back as an ENGINE_UNREACHABLE error value', async () => {
    const { store } = storeWithEngine({});
    const failure = await store.getState().pollRigNow('127.0.9.1:4028');
    expect(failure?.code).toBe('ENGINE_UNREACHABLE');
  });

  it('updating settings sends only the change and keeps what the engine answers', async () => {
    const current = { ...defaultSettings(), lastScanRange: '127.0.9.0/24', pollIntervalMs: 8000 };
    const { store, sent } = storeWithEngine({
      'settings.update': (params) => ({ result: { ...current, ...(params as object) } }),
    });
    store.getState().receiveSettings(current);
    await expect(store.getState().updateSettings({ scanConcurrency: 64 })).resolves.toBeNull();
    expect(sent[0]?.params).toEqual({ scanConcurrency: 64 });
    expect(store.getState().settings?.scanConcurrency).toBe(64);
  });
});
