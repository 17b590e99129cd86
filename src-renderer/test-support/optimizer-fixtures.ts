import {
  DeviceTuningSchema,
  FingerprintPointSchema,
  FingerprintResultSchema,
  OptimizerDecisionSchema,
  SiteStateSchema,
} from '../../src-shared/model/optimizer.js';
import type {
  DeviceSetting,
  DeviceTuning,
  FingerprintPoint,
  FingerprintResult,
  OptimizerDecision,
  SiteState,
} from '../../src-shared/model/optimizer.js';

// Optimizer values for unit tests, parsed through the shared schemas like the rigs in rig-fixtures.ts.

export const AT = 1_700_000_000_000;

export function fv(frequencyMhz: number, voltageMv: number): DeviceSetting {
  return { frequencyMhz, voltageMv, powerTargetW: null };
}

export function target(powerTargetW: number): DeviceSetting {
  return { frequencyMhz: null, voltageMv: null, powerTargetW };
}

export function makeDevice(overrides: Partial<DeviceTuning> = {}): DeviceTuning {
  return DeviceTuningSchema.parse({
    rigId: '127.0.9.1:4028',
    rigName: 'rig-127.0.9.1',
    model: 'Bitaxe Gamma',
    knob: 'frequency-voltage',
    state: 'tuned',
    activity: 'running at its chosen point',
    progress: 1,
    current: fv(525, 1150),
    best: fv(525, 1150),
    asleep: false,
    stock: { hashrateThs: 1.2, powerW: 18, efficiencyJPerTh: 15 },
    now: { hashrateThs: 1.25, powerW: 16.5, efficiencyJPerTh: 13.2 },
    efficiencyGainPct: 12,
    fingerprintVersion: 3,
    fingerprintPoints: 9,
    failure: null,
    updatedAt: AT,
    ...overrides,
  });
}

export function makeDecision(overrides: Partial<OptimizerDecision> = {}): OptimizerDecision {
  return OptimizerDecisionSchema.parse({
    id: 'd1',
    at: AT,
    rigId: '127.0.9.1:4028',
    rigName: 'rig-127.0.9.1',
    cause: 'explore',
    from: fv(500, 1100),
    to: fv(525, 1100),
    sleep: null,
    reason: 'next step up in clock',
    outcome: 'pending',
    outcomeMessage: null,
    ...overrides,
  });
}

export function makeSite(overrides: Partial<SiteState> = {}): SiteState {
  return SiteStateSchema.parse({
    enabled: true,
    objective: 'efficiency',
    capW: 30_000,
    measuredPowerW: 24_000,
    plannedPowerW: 25_000,
    plannedHashrateThs: 900,
    capFeasible: true,
    measuredHashrateThs: 880,
    pricePerKwh: 0.08,
    currency: 'USD',
    devicesTuned: 10,
    devicesExploring: 2,
    devicesFailed: 1,
    lastDecisionMs: 7,
    at: AT,
    ...overrides,
  });
}

export function makePoint(setting: DeviceSetting, overrides: Partial<FingerprintPoint> = {}): FingerprintPoint {
  return FingerprintPointSchema.parse({
    setting,
    hashrateThs: 1.2,
    powerW: 18,
    efficiencyJPerTh: 15,
    hashLossFraction: 0,
    chipTempC: 60,
    hwErrorsPerMin: 0,
    boards: [],
    samples: 10,
    measuredAt: AT,
    stable: true,
    instability: null,
    ...overrides,
  });
}

export function makeFingerprintResult(
  points: readonly FingerprintPoint[],
  overrides: Partial<FingerprintResult> = {},
  knob: 'frequency-voltage' | 'power-target' = 'frequency-voltage',
): FingerprintResult {
  return FingerprintResultSchema.parse({
    fingerprint: {
      rigId: '127.0.9.1:4028',
      model: 'Bitaxe Gamma',
      knob,
      version: 1,
      updatedAt: AT,
      stock: knob === 'frequency-voltage' ? fv(490, 1166) : target(3000),
      points,
    },
    versions: [{ version: 1, updatedAt: AT, points: points.length }],
    current: null,
    best: null,
    ...overrides,
  });
}
