import { describe, expect, it } from 'vitest';
import { INFO_V2_6_0 } from '../../core/drivers/axeos/fixtures/bitaxe.js';
import { MANUAL_CLOCK_START_MS } from '../clock.js';
import { AXE_MODELS } from './models.js';
import { createAxePhysics, settleAxe } from './physics.js';
import { asicReply, espMinerInfo, nerdqaxeInfo, suffixed } from './replies.js';
import { patchSettings, type AxeSettings } from './settings.js';

function context(name: keyof typeof AXE_MODELS) {
  const model = AXE_MODELS[name];
  const physics = createAxePhysics(model, 5, MANUAL_CLOCK_START_MS);
  settleAxe(physics, 86_400);
  const settings: AxeSettings = {
    hostname: 'bitaxe',
    ssid: 'FarmNet',
    stratumURL: 'public-pool.test',
    stratumPort: 21496,
    stratumUser: 'w',
    stratumPassword: 'x',
    fallbackStratumURL: 'solo.ckpool.test',
    fallbackStratumPort: 3333,
    fallbackStratumUser: 'w',
    fallbackStratumPassword: 'x',
    frequency: model.nominalFrequencyMhz,
    coreVoltage: model.nominalVoltageMv,
    autofanspeed: 1,
    fanspeed: 100,
    overclockEnabled: 0,
    overheat_mode: 0,
    flipscreen: 1,
    invertscreen: 0,
    invertfanpolarity: 1,
  };
  return { model, physics, settings, host: '127.0.21.70', seed: 5, nowMs: MANUAL_CLOCK_START_MS };
}

const REAL_KEYS_WITHOUT_WIFI = Object.keys(INFO_V2_6_0);

describe('ESP-Miner system info', () => {
  const info = espMinerInfo(context('Bitaxe Gamma'));

  it('has every key of the real v2.6.0 capture with the same JSON types', () => {
    for (const key of REAL_KEYS_WITHOUT_WIFI) {
      expect(info, key).toHaveProperty(key);
      expect(Array.isArray(info[key]) ? 'array' : typeof info[key], key).toBe(
        Array.isArray(INFO_V2_6_0[key as keyof typeof INFO_V2_6_0])
          ? 'array'
          : typeof INFO_V2_6_0[key as keyof typeof INFO_V2_6_0],
      );
    }
    expect(Object.keys(info)).toEqual(expect.arrayContaining(['ssid', 'wifiStatus', 'wifiRSSI', 'apEnabled']));
    expect(Object.keys(info)).toHaveLength(REAL_KEYS_WITHOUT_WIFI.length + 4);
  });

  it('reports GH/s, millivolts in, the board version and the dashed MAC as v2.6.0 does', () => {
    expect(info['hashRate']).toBeGreaterThan(1000);
    expect(info['voltage']).toBeGreaterThan(4900);
    expect(info['boardVersion']).toBe('601');
    expect(info['macAddr']).toBe('02-52-57-00-15-46');
    expect(info['bestDiff']).toMatch(/^\d+(\.\d\d[kMGTPE])?$/);
  });
});

describe('NerdQAxe system info and ASIC settings', () => {
  it('names the device, lists a temperature per ASIC and keeps flat stratum fields', () => {
    const info = nerdqaxeInfo(context('NerdQAxe++'));
    expect(info['deviceModel']).toBe('NerdQAxe++');
    expect(info['asicTemps']).toHaveLength(4);
    expect(info['stratumURL']).toBe('public-pool.test');
    expect(info).not.toHaveProperty('boardVersion');
  });

  it('serves the OpenAPI option lists, plus absolute limits on NerdQAxe', () => {
    expect(asicReply(AXE_MODELS['Bitaxe Ultra'])).toEqual({
      ASICModel: 'BM1366',
      deviceModel: 'Ultra',
      swarmColor: 'purple',
      asicCount: 1,
      defaultFrequency: 485,
      frequencyOptions: [400, 425, 450, 475, 485, 500, 525, 550, 575],
      defaultVoltage: 1200,
      voltageOptions: [1100, 1150, 1200, 1250, 1300],
    });
    expect(asicReply(AXE_MODELS['NerdQAxe++'])).toHaveProperty('absMaxFrequency');
  });
});

describe('patchSettings', () => {
  it('stores a valid ESP-Miner change and refuses the whole request if one key has the wrong type', () => {
    const { settings } = context('Bitaxe Gamma');
    expect(patchSettings(settings, { frequency: 550, coreVoltage: 1200 }, 'esp-miner')).toEqual({
      ok: true,
      changed: ['frequency', 'coreVoltage'],
    });
    expect(settings.frequency).toBe(550);
    expect(patchSettings(settings, { frequency: 600, stratumPort: '3333' }, 'esp-miner')).toEqual({
      ok: false,
      message: 'Wrong API input',
    });
    expect(settings.frequency).toBe(550);
    expect(patchSettings(settings, 'not json', 'esp-miner')).toEqual({ ok: false, message: 'Invalid JSON' });
  });

  it('skips a wrongly typed key on NerdQAxe and stores the rest', () => {
    const { settings } = context('NerdQAxe++');
    expect(patchSettings(settings, { frequency: 500, stratumPort: '3333' }, 'nerdqaxe')).toEqual({
      ok: true,
      changed: ['frequency'],
    });
    expect(settings.stratumPort).toBe(21496);
  });
});

describe('suffixed', () => {
  it('writes difficulties the way AxeOS does', () => {
    expect(suffixed(4292734826)).toBe('4.29G');
    expect(suffixed(3828108)).toBe('3.83M');
    expect(suffixed(512)).toBe('512');
  });
});
