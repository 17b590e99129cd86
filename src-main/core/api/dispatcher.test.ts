import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';

function engine() {
  return createEngine({ dataDir: null, info: { version: '0.0.0', shell: 'headless', demo: false, demoRange: null } });
}

describe('dispatcher', () => {
  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    expect(await engine().dispatch('fleet.explode', {})).toEqual({
      error: { code: 'UNKNOWN_METHOD', message: 'There is no method "fleet.explode".' },
    });
  });

  it('refuses params of the wrong type with BAD_REQUEST naming the field', async () => {
    const outcome = await engine().dispatch('settings.update', { pollIntervalMs: 'fast' });
    expect('error' in outcome && outcome.error.code).toBe('BAD_REQUEST');
    expect('error' in outcome && outcome.error.message).toContain('pollIntervalMs');
  });

  it('refuses unexpected fields instead of ignoring them', async () => {
    const outcome = await engine().dispatch('fleet.list', { everything: true });
    expect('error' in outcome && outcome.error.code).toBe('BAD_REQUEST');
  });

  it('refuses out-of-range settings, so a typo cannot set a 0 ms poll interval', async () => {
    const outcome = await engine().dispatch('settings.update', { pollIntervalMs: 0 });
    expect('error' in outcome && outcome.error.code).toBe('BAD_REQUEST');
  });

  it('passes a handler error through as its code and message', async () => {
    const outcome = await engine().dispatch('discovery.start', { range: '127.0.0.0/8' });
    expect('error' in outcome && outcome.error.code).toBe('RANGE_TOO_LARGE');
    const missing = await engine().dispatch('fleet.get', { rigId: '127.0.1.10:4028' });
    expect('error' in missing && missing.error.code).toBe('NOT_FOUND');
  });

  it('runs a valid request and returns a result that matches the contract', async () => {
    const one = engine();
    expect(await one.dispatch('settings.update', { pollIntervalMs: 2000 })).toMatchObject({
      result: { pollIntervalMs: 2000 },
    });
    expect(await one.dispatch('fleet.list', undefined)).toEqual({ result: [] });
  });
});

describe('settings.update', () => {
  it('changes only the settings the patch names', async () => {
    const one = engine();
    await one.dispatch('settings.update', { lastScanRange: '127.0.1.0/24', scanTimeoutMs: 900 });
    const outcome = await one.dispatch('settings.update', { pollIntervalMs: 12_000 });
    expect(outcome).toMatchObject({
      result: { pollIntervalMs: 12_000, lastScanRange: '127.0.1.0/24', scanTimeoutMs: 900 },
    });
  });
});
