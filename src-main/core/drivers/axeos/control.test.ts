import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigChange } from '../../../../src-shared/model/control.js';
import { axeosCapabilities, axeosRequestFor } from './control.js';
import { ASIC_SETTINGS_OPENAPI } from './fixtures/bitaxe.js';
import { readAsicSettings } from './parse.js';
import { joinPoolUrl, splitPoolUrl } from './pool-url.js';

const GAMMA = 'Bitaxe Gamma (BM1370)';
const gammaCaps = axeosCapabilities(GAMMA, null);

function requestFor(change: RigChange, model = GAMMA) {
  return axeosRequestFor(change, axeosCapabilities(model, null), model);
}

describe('axeosCapabilities', () => {
  it('falls back to ESP-Miner table ranges for the ASIC named in the model', () => {
    expect(gammaCaps).toEqual({
      pools: { max: 2 },
      powerTargetW: null,
      frequencyMhz: { min: 400, max: 625 },
      voltageMv: { min: 1000, max: 1250 },
      threads: null,
      pauseResume: false,
      restart: true,
      needsCredential: 'none',
    });
  });

  it('uses the Gamma Duo lower clock list and the firmware option lists when learned', () => {
    expect(axeosCapabilities('Bitaxe Gamma Duo (BM1370)', null).frequencyMhz).toEqual({ min: 350, max: 410 });
    const learned = readAsicSettings(ASIC_SETTINGS_OPENAPI);
    const caps = axeosCapabilities('Bitaxe Ultra (BM1366)', learned);
    expect(caps.frequencyMhz).toEqual({ min: 400, max: 575 });
    expect(caps.voltageMv).toEqual({ min: 1100, max: 1300 });
  });

  it('offers no clock or voltage range for an ASIC it has no table for', () => {
    const caps = axeosCapabilities('Bitaxe (BM9999)', null);
    expect(caps.frequencyMhz).toBeNull();
    expect(caps.voltageMv).toBeNull();
  });
});

describe('axeosRequestFor', () => {
  it('patches frequency and coreVoltage as integer MHz and mV', () => {
    expect(requestFor({ kind: 'frequency', mhz: 550 })).toEqual({
      method: 'PATCH',
      path: '/api/system',
      body: { frequency: 550 },
    });
    expect(requestFor({ kind: 'voltage', millivolts: 1100 })).toEqual({
      method: 'PATCH',
      path: '/api/system',
      body: { coreVoltage: 1100 },
    });
  });

  it('splits each pool URL into host and port, primary then fallback', () => {
    const change: RigChange = {
      kind: 'pools',
      pools: [
        { url: 'stratum+tcp://pool.a.test:3333', user: 'w.1', password: 'x' },
        { url: 'stratum+tcp://pool.b.test:4444', user: 'w.2', password: 'y' },
      ],
    };
    expect(requestFor(change)).toEqual({
      method: 'PATCH',
      path: '/api/system',
      body: {
        stratumURL: 'pool.a.test',
        stratumPort: 3333,
        stratumUser: 'w.1',
        stratumPassword: 'x',
        fallbackStratumURL: 'pool.b.test',
        fallbackStratumPort: 4444,
        fallbackStratumUser: 'w.2',
        fallbackStratumPassword: 'y',
      },
    });
  });

  it('clears the fallback when only one pool is given', () => {
    const request = requestFor({
      kind: 'pools',
      pools: [{ url: 'stratum+tcp://pool.a.test:3333', user: 'w', password: 'x' }],
    });
    expect(request).toMatchObject({ body: { fallbackStratumURL: '', fallbackStratumUser: '' } });
  });

  it('posts restart with no body', () => {
    expect(requestFor({ kind: 'restart' })).toEqual({ method: 'POST', path: '/api/system/restart' });
  });

  it.each<RigChange>([
    { kind: 'powerTarget', watts: 15 },
    { kind: 'threads', count: 2 },
    { kind: 'pause' },
    { kind: 'resume' },
  ])('refuses $kind, which AxeOS does not offer, with RIG_ERROR', (change) => {
    const outcome = requestFor(change);
    expect(outcome).toBeInstanceOf(RigwiseError);
    expect((outcome as RigwiseError).code).toBe('RIG_ERROR');
  });

  it('refuses a clock or voltage outside the offered range and a third pool', () => {
    expect((requestFor({ kind: 'frequency', mhz: 900 }) as RigwiseError).code).toBe('RIG_ERROR');
    expect((requestFor({ kind: 'voltage', millivolts: 1600 }) as RigwiseError).code).toBe('RIG_ERROR');
    const three = {
      kind: 'pools' as const,
      pools: ['a', 'b', 'c'].map((name) => ({ url: `stratum+tcp://${name}.test:1`, user: 'w', password: 'x' })),
    };
    expect((requestFor(three) as RigwiseError).message).toContain('2 pools');
  });
});

describe('pool URLs', () => {
  it('refuses TLS pools and URLs without a port, saying why', () => {
    expect((splitPoolUrl('stratum+ssl://pool.test:443') as RigwiseError).message).toContain('TLS');
    expect(splitPoolUrl('stratum+tcp://pool.test')).toBeInstanceOf(RigwiseError);
    expect(splitPoolUrl('stratum+tcp://pool.test:70000')).toBeInstanceOf(RigwiseError);
  });

  it('joins what AxeOS stores back into the URL that was sent', () => {
    const split = splitPoolUrl('stratum+tcp://pool.test:3333');
    expect(split).toEqual({ host: 'pool.test', port: 3333 });
    expect(joinPoolUrl('pool.test', 3333)).toBe('stratum+tcp://pool.test:3333');
    expect(joinPoolUrl('stratum+tcp://typed.test:3333', 21)).toBe('stratum+tcp://typed.test:3333');
  });
});

describe('readAsicSettings', () => {
  it('reads the OpenAPI example lists as ranges and ignores junk entries', () => {
    expect(readAsicSettings(ASIC_SETTINGS_OPENAPI)).toEqual({
      asicModel: 'BM1366',
      deviceModel: 'Ultra',
      asicCount: 1,
      frequencyMhz: { min: 400, max: 575 },
      voltageMv: { min: 1100, max: 1300 },
    });
    const junk = readAsicSettings({ frequencyOptions: ['x', -5, 1e9, 500], voltageOptions: 'none' });
    expect(junk.frequencyMhz).toEqual({ min: 500, max: 500 });
    expect(junk.voltageMv).toBeNull();
  });
});
