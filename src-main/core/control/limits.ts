// The safety check in front of every change: is it something this rig can do, inside the range its driver knows to
// be safe, inside the operator's own limits, and not a heat increase on a rig already at its temperature limit?
import { RigwiseError } from '../../../src-shared/api/errors.js';
import type { Capabilities, OperatorLimits, RigChange } from '../../../src-shared/model/control.js';
import type { Rig } from '../../../src-shared/model/rig.js';

interface Bound {
  min: number | undefined;
  max: number | undefined;
  source: string;
}

function exceeded(rig: Rig, what: string, value: number, unit: string, bounds: readonly Bound[]): RigwiseError | null {
  for (const { min, max, source } of bounds) {
    if (min !== undefined && value < min) {
      return new RigwiseError(
        'LIMIT_EXCEEDED',
        `${rig.name}: ${what} ${value} ${unit} is below ${source} (${min} ${unit}).`,
      );
    }
    if (max !== undefined && value > max) {
      return new RigwiseError(
        'LIMIT_EXCEEDED',
        `${rig.name}: ${what} ${value} ${unit} is above ${source} (${max} ${unit}).`,
      );
    }
  }
  return null;
}

function unsupported(rig: Rig, change: RigChange): RigwiseError {
  return new RigwiseError(
    'RIG_ERROR',
    `${rig.name} (${rig.identity.model}) cannot do "${change.kind}" through Rigwise.`,
  );
}

/** Changes that make a rig run hotter: refused while it is at or over the operator's chip temperature limit. */
function raisesHeat(rig: Rig, change: RigChange): boolean {
  const control = rig.snapshot?.control;
  switch (change.kind) {
    case 'powerTarget':
      return control?.powerTargetW == null || change.watts > control.powerTargetW;
    case 'frequency':
      return control?.frequencyMhz == null || change.mhz > control.frequencyMhz;
    case 'voltage':
      return control?.voltageMv == null || change.millivolts > control.voltageMv;
    case 'resume':
      return true;
    case 'pools':
    case 'threads':
    case 'pause':
    case 'restart':
      return false;
  }
}

export function checkChange(
  rig: Rig,
  change: RigChange,
  capabilities: Capabilities,
  limits: OperatorLimits,
): RigwiseError | null {
  const model = limits.models[rig.identity.model] ?? {};
  const hottest = rig.snapshot?.maxChipTempC ?? null;
  if (hottest !== null && hottest >= limits.maxChipTempC && raisesHeat(rig, change)) {
    return new RigwiseError(
      'LIMIT_EXCEEDED',
      `${rig.name} is at ${hottest} °C, at or over your ${limits.maxChipTempC} °C chip limit: no change that adds heat is sent until it cools.`,
    );
  }
  const driverRange = (range: { min: number; max: number }): Bound => ({
    min: range.min,
    max: range.max,
    source: `the safe range for ${rig.identity.model}`,
  });
  switch (change.kind) {
    case 'pools':
      if (!capabilities.pools) return unsupported(rig, change);
      if (change.pools.length > capabilities.pools.max) {
        return new RigwiseError('LIMIT_EXCEEDED', `${rig.name} takes at most ${capabilities.pools.max} pools.`);
      }
      return null;
    case 'powerTarget':
      if (!capabilities.powerTargetW) return unsupported(rig, change);
      return exceeded(rig, 'power target', change.watts, 'W', [
        driverRange(capabilities.powerTargetW),
        { min: undefined, max: limits.maxPowerWPerRig ?? undefined, source: 'your per-rig power limit' },
        { min: undefined, max: model.maxPowerW, source: `your power limit for ${rig.identity.model}` },
      ]);
    case 'frequency':
      if (!capabilities.frequencyMhz) return unsupported(rig, change);
      return exceeded(rig, 'frequency', change.mhz, 'MHz', [
        driverRange(capabilities.frequencyMhz),
        {
          min: model.minFrequencyMhz,
          max: model.maxFrequencyMhz,
          source: `your frequency limits for ${rig.identity.model}`,
        },
      ]);
    case 'voltage':
      if (!capabilities.voltageMv) return unsupported(rig, change);
      return exceeded(rig, 'voltage', change.millivolts, 'mV', [
        driverRange(capabilities.voltageMv),
        { min: model.minVoltageMv, max: model.maxVoltageMv, source: `your voltage limits for ${rig.identity.model}` },
      ]);
    case 'threads':
      if (!capabilities.threads) return unsupported(rig, change);
      return exceeded(rig, 'threads', change.count, '', [driverRange(capabilities.threads)]);
    case 'pause':
    case 'resume':
      return capabilities.pauseResume ? null : unsupported(rig, change);
    case 'restart':
      return capabilities.restart ? null : unsupported(rig, change);
  }
}
