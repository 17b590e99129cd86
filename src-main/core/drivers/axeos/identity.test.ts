import { describe, expect, it } from 'vitest';
import { INFO_V2_6_0, NERDQAXE_INFO } from './fixtures/bitaxe.js';
import { identityFromInfo, needsDeviceModel } from './identity.js';

describe('identityFromInfo', () => {
  it('names the real v2.6.0 reply by its board version: 302 is a Bitaxe Hex with BM1366 chips', () => {
    expect(identityFromInfo('127.0.21.1', 80, INFO_V2_6_0)).toEqual({
      host: '127.0.21.1',
      port: 80,
      family: 'axeos',
      make: 'Bitaxe',
      model: 'Bitaxe Hex (BM1366)',
      firmware: 'v2.6.0',
      apiVersion: null,
      mac: 'c0:fa:38:6a:6e:b2',
      serial: null,
    });
  });

  it('names a Gamma by board 601 and a Supra by board 401', () => {
    const gamma = identityFromInfo('h', 80, { ...INFO_V2_6_0, boardVersion: '601', ASICModel: 'BM1370' });
    const supra = identityFromInfo('h', 80, { ...INFO_V2_6_0, boardVersion: '401', ASICModel: 'BM1368' });
    expect(gamma?.model).toBe('Bitaxe Gamma (BM1370)');
    expect(supra?.model).toBe('Bitaxe Supra (BM1368)');
  });

  it('keeps a NerdQAxe device model as the firmware writes it', () => {
    const identity = identityFromInfo('h', 80, NERDQAXE_INFO);
    expect(identity).toMatchObject({ make: 'NerdAxe', model: 'NerdQAxe++ (BM1370)', firmware: 'v1.0.31' });
  });

  it('uses the device model /api/system/asic gave when the board version is unknown', () => {
    const unknownBoard = { ...INFO_V2_6_0, boardVersion: '999' };
    expect(needsDeviceModel(unknownBoard)).toBe(true);
    expect(identityFromInfo('h', 80, unknownBoard, 'GammaTurbo')?.model).toBe('Bitaxe Gamma Turbo (BM1366)');
    expect(identityFromInfo('h', 80, unknownBoard)?.model).toBe('Bitaxe (BM1366)');
  });

  it('names LuckyMiner builds by their minerModel', () => {
    const lucky = identityFromInfo('h', 80, { ...INFO_V2_6_0, boardVersion: '', minerModel: 'LV07' });
    expect(lucky).toMatchObject({ make: 'LuckyMiner', model: 'LV07 (BM1366)' });
  });

  it('refuses a reply whose ASICModel is empty, as pyasic does', () => {
    expect(identityFromInfo('h', 80, { ...INFO_V2_6_0, ASICModel: '' })).toBeNull();
  });

  it('refuses JSON that only shares the ASICModel name with AxeOS', () => {
    expect(identityFromInfo('h', 80, { ASICModel: 'BM1366', status: 'ok' })).toBeNull();
  });
});
