// Small builders shared by the optimizer's unit tests: settings, measured points, observations, capabilities and
// limits, with every field a test does not care about set to a plain, harmless value.
import type { Capabilities, OperatorLimits } from '../../../../src-shared/model/control.js';
import { NO_CAPABILITIES, OperatorLimitsSchema } from '../../../../src-shared/model/control.js';
import type { DeviceSetting, FingerprintPoint } from '../../../../src-shared/model/optimizer.js';
import type { ObjectiveContext } from './objective.js';
import type { Observation } from './observation.js';
import type { MeasuredPoint } from './point-meter.js';

export function vf(frequencyMhz: number, voltageMv: number): DeviceSetting {
  return { frequencyMhz, voltageMv, powerTargetW: null };
}

export function target(powerTargetW: number): DeviceSetting {
  return { frequencyMhz: null, voltageMv: null, powerTargetW };
}

/** A stable measured point; efficiency follows from power and hashrate unless given. */
export function point(
  setting: DeviceSetting,
  figures: { hashrateThs: number; powerW: number } & Partial<FingerprintPoint>,
): FingerprintPoint {
  return {
    setting,
    efficiencyJPerTh: figures.powerW / figures.hashrateThs,
    hashLossFraction: 0,
    chipTempC: 60,
    hwErrorsPerMin: null,
    boards: [],
    samples: 10,
    measuredAt: 0,
    stable: true,
    instability: null,
    ...figures,
  };
}

export function measured(figures: Partial<MeasuredPoint> & { hashrateThs: number; powerW: number }): MeasuredPoint {
  return {
    chipTempC: 60,
    peakChipTempC: 62,
    boards: [],
    hwErrorsPerMin: null,
    samples: 10,
    measuredAt: 0,
    ...figures,
  };
}

export function objective(overrides: Partial<ObjectiveContext> = {}): ObjectiveContext {
  return { objective: 'efficiency', powerBudgetW: null, revenuePerThHour: 0.002, pricePerKwh: 0.08, ...overrides };
}

export function observation(overrides: Partial<Observation> & { t: number }): Observation {
  return {
    rigId: 'rig-1',
    hashrateThs: 1,
    powerW: 15,
    estimatedPowerW: null,
    chipTempC: 60,
    boards: [],
    hardwareErrors: null,
    setting: vf(525, 1200),
    paused: false,
    ...overrides,
  };
}

/** An AxeOS-like device: clock and core voltage. */
export function vfCapabilities(
  frequencyMhz = { min: 400, max: 650 },
  voltageMv = { min: 1000, max: 1300 },
): Capabilities {
  return { ...NO_CAPABILITIES, frequencyMhz, voltageMv, pauseResume: true };
}

/** A Braiins-OS+-like device: a power target only. */
export function targetCapabilities(powerTargetW = { min: 1000, max: 3500 }): Capabilities {
  return { ...NO_CAPABILITIES, powerTargetW, pauseResume: true };
}

export function limits(overrides: Partial<OperatorLimits> = {}): OperatorLimits {
  return OperatorLimitsSchema.parse(overrides);
}
