import { describe, expect, it } from 'vitest';
import { OperatorLimitsSchema, UNKNOWN_CONTROL_STATE } from '../../../src-shared/model/control.js';
import type { RigSnapshot } from '../../../src-shared/model/rig.js';
import { healthy, inverseOf, redactChange, samePoolUrl, tookEffect } from './read-back.js';

const limits = OperatorLimitsSchema.parse({});

function snapshot(overrides: Partial<RigSnapshot> = {}): RigSnapshot {
  return {
    takenAt: 0,
    hashrateThs: 100,
    hashrateAvgThs: 100,
    powerW: 3000,
    powerIsEstimate: false,
    efficiencyJPerTh: 30,
    maxChipTempC: 70,
    maxBoardTempC: 60,
    boards: [],
    fans: [],
    pools: [
      {
        index: 0,
        url: 'stratum+tcp://a.example:3333',
        user: 'farm.1',
        status: 'alive',
        priority: 0,
        accepted: 0,
        rejected: 0,
        active: true,
      },
      {
        index: 1,
        url: 'stratum+tcp://b.example:3333',
        user: 'farm.1',
        status: 'alive',
        priority: 1,
        accepted: 0,
        rejected: 0,
        active: false,
      },
    ],
    uptimeS: 1000,
    accepted: 0,
    rejected: 0,
    hardwareErrors: 0,
    control: { ...UNKNOWN_CONTROL_STATE, powerTargetW: 3000, frequencyMhz: 500 },
    ...overrides,
  };
}

describe('read-back', () => {
  it('sees a pool change in priority order, whatever the scheme and case of the URL', () => {
    const change = {
      kind: 'pools' as const,
      pools: [{ url: 'stratum+tcp://B.example:3333', user: 'farm.1', password: 'x' }],
    };
    expect(tookEffect(change, snapshot(), snapshot())).toBe(false);
    const after = snapshot({ pools: [...snapshot().pools].map((pool, i) => ({ ...pool, priority: 1 - i })) });
    expect(tookEffect(change, snapshot(), after)).toBe(true);
    expect(samePoolUrl('stratum+tcp://a.example:3333/', 'A.EXAMPLE:3333')).toBe(true);
  });

  it('accepts a power target within 3% and refuses one further off', () => {
    const change = { kind: 'powerTarget' as const, watts: 2500 };
    expect(
      tookEffect(change, snapshot(), snapshot({ control: { ...UNKNOWN_CONTROL_STATE, powerTargetW: 2540 } })),
    ).toBe(true);
    expect(
      tookEffect(change, snapshot(), snapshot({ control: { ...UNKNOWN_CONTROL_STATE, powerTargetW: 2700 } })),
    ).toBe(false);
  });

  it('knows a restart happened from the uptime going back', () => {
    expect(tookEffect({ kind: 'restart' }, snapshot(), snapshot({ uptimeS: 12 }))).toBe(true);
    expect(tookEffect({ kind: 'restart' }, snapshot(), snapshot({ uptimeS: 1005 }))).toBe(false);
  });

  it('calls a rig over the chip limit, not hashing, or with a dead board unhealthy', () => {
    const change = { kind: 'frequency' as const, mhz: 550 };
    expect(healthy(change, snapshot(), snapshot(), limits)).toBeNull();
    expect(healthy(change, snapshot(), snapshot({ maxChipTempC: 97 }), limits)).toMatch(/97 °C/);
    expect(healthy(change, snapshot(), snapshot({ hashrateThs: 0 }), limits)).toMatch(/stopped hashing/);
    expect(healthy({ kind: 'pause' }, snapshot(), snapshot({ hashrateThs: 0 }), limits)).toBeNull();
  });

  it('does not blame a change for a rig that was already over the limit unless it got hotter', () => {
    const change = { kind: 'pools' as const, pools: [] };
    const hotRoom = snapshot({ maxChipTempC: 96 });
    expect(healthy(change, hotRoom, snapshot({ maxChipTempC: 97 }), limits)).toBeNull();
    expect(healthy(change, hotRoom, snapshot({ maxChipTempC: 99 }), limits)).toMatch(/99 °C/);
  });

  it('rolls back to the settings read before the change', () => {
    expect(inverseOf({ kind: 'powerTarget', watts: 2500 }, snapshot())).toEqual({ kind: 'powerTarget', watts: 3000 });
    expect(inverseOf({ kind: 'frequency', mhz: 600 }, snapshot())).toEqual({ kind: 'frequency', mhz: 500 });
    expect(inverseOf({ kind: 'pause' }, snapshot())).toEqual({ kind: 'resume' });
    expect(inverseOf({ kind: 'restart' }, snapshot())).toBeNull();
    expect(inverseOf({ kind: 'voltage', millivolts: 1200 }, snapshot())).toBeNull();
    expect(inverseOf({ kind: 'pools', pools: [] }, snapshot())).toEqual({
      kind: 'pools',
      pools: [
        { url: 'stratum+tcp://a.example:3333', user: 'farm.1', password: 'x' },
        { url: 'stratum+tcp://b.example:3333', user: 'farm.1', password: 'x' },
      ],
    });
  });

  it('never lets a pool password into what is shown or audited', () => {
    const redacted = redactChange({
      kind: 'pools',
      pools: [{ url: 'stratum+tcp://a:1', user: 'u', password: 'hunter2' }],
    });
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
  });
});
