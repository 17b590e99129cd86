import { describe, expect, it } from 'vitest';
import {
  NO_CAPABILITIES,
  OperatorLimitsSchema,
  UNKNOWN_CONTROL_STATE,
  type Capabilities,
} from '../../../src-shared/model/control.js';
import type { Rig } from '../../../src-shared/model/rig.js';
import { checkChange } from './limits.js';

const capabilities: Capabilities = {
  ...NO_CAPABILITIES,
  pools: { max: 3 },
  powerTargetW: { min: 1000, max: 3600 },
  frequencyMhz: { min: 400, max: 700 },
  restart: true,
};

function rig(chipTempC: number | null, powerTargetW: number | null = 3000): Rig {
  return {
    id: '127.0.1.10:4028',
    name: 'rack 1',
    identity: {
      host: '127.0.1.10',
      port: 4028,
      family: 'cgminer',
      make: 'Bitmain',
      model: 'Antminer S19 Pro',
      firmware: '',
      apiVersion: null,
      mac: null,
      serial: null,
    },
    status: 'up',
    addedAt: 0,
    lastSeenAt: 0,
    missedPolls: 0,
    problem: null,
    snapshot: {
      takenAt: 0,
      hashrateThs: 100,
      hashrateAvgThs: 100,
      powerW: 3000,
      powerIsEstimate: false,
      efficiencyJPerTh: 30,
      maxChipTempC: chipTempC,
      maxBoardTempC: null,
      boards: [],
      fans: [],
      pools: [],
      uptimeS: 1,
      accepted: 0,
      rejected: 0,
      hardwareErrors: 0,
      control: { ...UNKNOWN_CONTROL_STATE, powerTargetW },
    },
  };
}

const limits = OperatorLimitsSchema.parse({
  maxChipTempC: 85,
  maxPowerWPerRig: 3400,
  models: { 'Antminer S19 Pro': { maxFrequencyMhz: 600 } },
});

describe('checkChange', () => {
  it('lets a change inside every limit through', () => {
    expect(checkChange(rig(70), { kind: 'powerTarget', watts: 3200 }, capabilities, limits)).toBeNull();
  });

  it('refuses a power target above the operator per-rig cap with LIMIT_EXCEEDED', () => {
    const refusal = checkChange(rig(70), { kind: 'powerTarget', watts: 3500 }, capabilities, limits);
    expect(refusal?.code).toBe('LIMIT_EXCEEDED');
    expect(refusal?.message).toMatch(/per-rig power limit/);
  });

  it('refuses a value outside the range the driver knows to be safe', () => {
    expect(checkChange(rig(70), { kind: 'powerTarget', watts: 500 }, capabilities, limits)?.code).toBe(
      'LIMIT_EXCEEDED',
    );
  });

  it('applies per-model limits', () => {
    expect(checkChange(rig(70), { kind: 'frequency', mhz: 650 }, capabilities, limits)?.message).toMatch(
      /Antminer S19 Pro/,
    );
  });

  it('refuses any change that adds heat on a rig at its chip limit, but still lets it cool down', () => {
    expect(checkChange(rig(86), { kind: 'powerTarget', watts: 3300 }, capabilities, limits)?.code).toBe(
      'LIMIT_EXCEEDED',
    );
    expect(checkChange(rig(86), { kind: 'powerTarget', watts: 2500 }, capabilities, limits)).toBeNull();
    expect(checkChange(rig(86), { kind: 'restart' }, capabilities, limits)).toBeNull();
  });

  it('refuses a kind of change the rig cannot do', () => {
    expect(checkChange(rig(70), { kind: 'voltage', millivolts: 1300 }, capabilities, limits)?.code).toBe('RIG_ERROR');
    expect(
      checkChange(
        rig(70),
        {
          kind: 'pools',
          pools: Array.from({ length: 3 }, () => ({ url: 'stratum+tcp://a:1', user: 'u', password: 'x' })),
        },
        { ...capabilities, pools: { max: 2 } },
        limits,
      )?.code,
    ).toBe('LIMIT_EXCEEDED');
  });
});
