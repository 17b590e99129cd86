import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { antminerHasSleepMode, capabilitiesOf, controlPathOf, refusalReason } from './capabilities.js';
import { S19_PRO_VERSION } from './fixtures/antminer.js';
import { identityFromReplies } from './identity.js';

function identity(overrides: Partial<RigIdentity>): RigIdentity {
  const base = identityFromReplies('127.0.24.1', 4028, S19_PRO_VERSION, null);
  if (!base) throw new Error('fixture did not identify');
  return { ...base, ...overrides };
}

const s19Pro = identity({});
const s9 = identity({ model: 'Antminer S9' });
const avalon = identity({ make: 'Canaan', model: 'AvalonMiner 1246', firmware: 'CGMiner 4.11.1' });
const trm = identity({ make: 'AMD', model: 'TeamRedMiner 0.3.10 (1× GPU)', firmware: 'TeamRedMiner 0.3.10' });

describe('controlPathOf', () => {
  it('controls a real S19 Pro (make Bitmain) through the web CGI, others through the API, TeamRedMiner not at all', () => {
    expect(controlPathOf(s19Pro)).toBe('antminer-web');
    expect(controlPathOf(avalon)).toBe('cgminer-api');
    expect(controlPathOf(trm)).toBe('read-only');
  });
});

describe('capabilitiesOf', () => {
  it('offers an S19 Pro three pools, sleep and reboot, behind the admin password', () => {
    expect(capabilitiesOf(s19Pro)).toEqual({
      ...NO_CAPABILITIES,
      pools: { max: 3 },
      pauseResume: true,
      restart: true,
      needsCredential: 'adminPassword',
    });
  });

  it('offers an S9 pools and reboot but no sleep, which its firmware lacks', () => {
    expect(capabilitiesOf(s9)).toMatchObject({ pools: { max: 3 }, pauseResume: false, restart: true });
  });

  it('offers a generic cgminer build pools and restart with no credential, and nothing on frequency or power', () => {
    expect(capabilitiesOf(avalon)).toEqual({ ...NO_CAPABILITIES, pools: { max: 3 }, restart: true });
  });

  it('offers TeamRedMiner nothing', () => {
    expect(capabilitiesOf(trm)).toEqual(NO_CAPABILITIES);
  });
});

describe('antminerHasSleepMode', () => {
  it('knows the 17, 19 and 21 generations have a sleep mode and the 9 and 3 do not', () => {
    const withSleep = [
      'Antminer S19 Pro',
      'Antminer S19j Pro',
      'Antminer T19',
      'Antminer S17 Pro',
      'Antminer T17+',
      'Antminer S21',
    ];
    const without = ['Antminer S9', 'Antminer S9j', 'Antminer L3+', 'Antminer D3', 'Antminer S190'];
    expect(withSleep.filter((model) => !antminerHasSleepMode(model))).toEqual([]);
    expect(without.filter((model) => antminerHasSleepMode(model))).toEqual([]);
  });
});

describe('refusalReason', () => {
  it('refuses what the capabilities do not offer and accepts what they do', () => {
    const caps = capabilitiesOf(s9);
    expect(refusalReason(caps, { kind: 'pause' })).toBe('pause and resume');
    expect(refusalReason(caps, { kind: 'frequency', mhz: 600 })).toBe('frequency changes');
    expect(refusalReason(caps, { kind: 'powerTarget', watts: 1000 })).toBe('a power target');
    expect(refusalReason(caps, { kind: 'restart' })).toBeNull();
    expect(
      refusalReason(caps, { kind: 'pools', pools: [{ url: 'stratum+tcp://a.test:1', user: 'u', password: 'x' }] }),
    ).toBeNull();
    expect(refusalReason(capabilitiesOf(trm), { kind: 'restart' })).toBe('restart');
  });
});
