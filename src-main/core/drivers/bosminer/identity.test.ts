import { describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { cgminerFlavour } from '../cgminer/flavour.js';
import { S19_PRO_VERSION } from '../cgminer/fixtures/antminer.js';
import { bosCapabilities, bosGeneration } from './capabilities.js';
import { BOSER_VERSION, BOSMINER_PLUS_VERSION, BOSMINER_VERSION, DOCS_DEVDETAILS } from './fixtures/bos-replies.js';
import { identityFromBosReplies, UNKNOWN_BOS_MODEL } from './identity.js';
import { normalizeModelName } from './models.js';

describe('identityFromBosReplies', () => {
  it('names an S9 from devdetails with "Bitmain " stripped, and the firmware from the version reply', () => {
    const identity = identityFromBosReplies('127.0.23.1', 4028, BOSMINER_PLUS_VERSION, DOCS_DEVDETAILS);
    expect(identity).toEqual({
      host: '127.0.23.1',
      port: 4028,
      family: 'bosminer',
      make: 'Bitmain',
      model: 'Antminer S9',
      firmware: 'BOSminer+ 0.2.0-36c56a9363',
      apiVersion: '3.7',
      mac: null,
      serial: null,
    });
  });

  it('reads the three firmware generations seen in real version replies', () => {
    const firmware = [BOSMINER_VERSION, BOSMINER_PLUS_VERSION, BOSER_VERSION].map(
      (reply) => identityFromBosReplies('h', 4028, reply, null).firmware,
    );
    expect(firmware).toEqual([
      'BOSminer 0.2.0-d360818',
      'BOSminer+ 0.2.0-36c56a9363',
      'BOSer boser-buildroot 0.1.0-0ce150e9',
    ]);
  });

  it('still identifies a rig that will not name its model', () => {
    expect(identityFromBosReplies('h', 4028, BOSER_VERSION, null)).toMatchObject({
      model: UNKNOWN_BOS_MODEL,
      make: 'Unknown',
    });
  });
});

describe('model names', () => {
  it('spells BOS model names the way the rest of Rigwise does', () => {
    expect(normalizeModelName('Bitmain Antminer S19XP')).toBe('Antminer S19 XP');
    expect(normalizeModelName('Bitmain Antminer S19J Pro')).toBe('Antminer S19j Pro');
    expect(normalizeModelName('Antminer S17+')).toBe('Antminer S17+');
  });
});

describe('flavour', () => {
  it('tells every Braiins OS version reply from a stock Antminer one', () => {
    expect([BOSMINER_VERSION, BOSMINER_PLUS_VERSION, BOSER_VERSION].map(cgminerFlavour)).toEqual([
      'bosminer',
      'bosminer',
      'bosminer',
    ]);
    expect(cgminerFlavour(S19_PRO_VERSION)).toBe('cgminer');
  });
});

describe('capabilities', () => {
  const identity = (firmware: string, model: string): RigIdentity => ({
    host: 'h',
    port: 4028,
    family: 'bosminer',
    make: 'Bitmain',
    model,
    firmware,
    apiVersion: '3.7',
    mac: null,
    serial: null,
  });

  it('offers power target, pools, pause/resume and restart on BOSer, behind the admin password', () => {
    const capabilities = bosCapabilities(identity('BOSer boser-buildroot 0.1.0-0ce150e9', 'Antminer S19j Pro'));
    expect(capabilities).toEqual({
      pools: { max: 3 },
      powerTargetW: { min: 1500, max: 3600 },
      frequencyMhz: null,
      voltageMv: null,
      threads: null,
      pauseResume: true,
      restart: true,
      needsCredential: 'adminPassword',
    });
  });

  it('gives each model its own power-target range, and an unknown model the documented 100-5000 W', () => {
    const range = (model: string) => bosCapabilities(identity('BOSer x', model)).powerTargetW;
    expect(range('Antminer S9')).toEqual({ min: 800, max: 1600 });
    expect(range('Antminer S19 XP')).toEqual({ min: 1600, max: 3600 });
    expect(range('Antminer S21')).toEqual({ min: 100, max: 5000 });
  });

  it('offers only pause/resume, with no credential, on BOSminer before the gRPC API', () => {
    const capabilities = bosCapabilities(identity('BOSminer+ 0.2.0-36c56a9363', 'Antminer S9'));
    expect(bosGeneration('BOSminer bosminer-plus-am1-s9 0.4.0-908ca41d')).toBe('bosminer');
    expect(capabilities.pauseResume).toBe(true);
    expect([capabilities.pools, capabilities.powerTargetW, capabilities.restart]).toEqual([null, null, false]);
    expect(capabilities.needsCredential).toBe('none');
  });
});
