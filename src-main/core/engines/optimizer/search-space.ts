// What the optimizer may set on a device: the knob its driver offers (frequency and core voltage, else a power
// target), inside both the driver's safe range and the operator's own limits for the model. Steps are coarse enough
// that an hour of tuning covers the range and fine enough that the best point is within a few percent of the optimum.
import type { Capabilities, OperatorLimits } from '../../../../src-shared/model/control.js';
import type { DeviceSetting } from '../../../../src-shared/model/optimizer.js';

export interface Span {
  min: number;
  max: number;
  step: number;
}

export type SearchSpace =
  | { knob: 'frequency-voltage'; frequency: Span; voltage: Span; maxPowerW: number | null }
  | { knob: 'power-target'; power: Span; maxPowerW: number | null };

function intersect(range: { min: number; max: number }, min: number | undefined, max: number | undefined) {
  const lo = Math.max(range.min, min ?? -Infinity);
  const hi = Math.min(range.max, max ?? Infinity);
  return lo <= hi ? { min: lo, max: hi } : null;
}

/** About ten steps across the range, rounded to a round number of units. */
function stepFor(width: number, round: number, minimum: number): number {
  return Math.max(minimum, Math.round(width / 10 / round) * round);
}

export function searchSpaceFor(model: string, capabilities: Capabilities, limits: OperatorLimits): SearchSpace | null {
  const own = limits.models[model] ?? {};
  const powerCaps = [limits.maxPowerWPerRig, own.maxPowerW].filter((value): value is number => value != null);
  const maxPowerW = powerCaps.length > 0 ? Math.min(...powerCaps) : null;
  if (capabilities.frequencyMhz && capabilities.voltageMv) {
    const frequency = intersect(capabilities.frequencyMhz, own.minFrequencyMhz, own.maxFrequencyMhz);
    const voltage = intersect(capabilities.voltageMv, own.minVoltageMv, own.maxVoltageMv);
    if (!frequency || !voltage) return null;
    return {
      knob: 'frequency-voltage',
      frequency: { ...frequency, step: stepFor(frequency.max - frequency.min, 5, 5) },
      voltage: { ...voltage, step: stepFor(voltage.max - voltage.min, 5, 5) },
      maxPowerW,
    };
  }
  if (capabilities.powerTargetW) {
    const power = intersect(capabilities.powerTargetW, undefined, maxPowerW ?? undefined);
    if (!power) return null;
    return { knob: 'power-target', power: { ...power, step: stepFor(power.max - power.min, 10, 10) }, maxPowerW };
  }
  return null;
}

export function clampToSpan(value: number, span: Span): number {
  return Math.min(span.max, Math.max(span.min, Math.round(value)));
}

export function sameSetting(a: DeviceSetting | null, b: DeviceSetting | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.frequencyMhz === b.frequencyMhz &&
    a.voltageMv === b.voltageMv &&
    a.powerTargetW === b.powerTargetW
  );
}

/** Is the setting inside the space (the operator's limits may have narrowed since it was measured)? */
function inside(value: number | null, span: Span): boolean {
  return value !== null && value >= span.min && value <= span.max;
}

export function withinSpace(setting: DeviceSetting, space: SearchSpace): boolean {
  return space.knob === 'frequency-voltage'
    ? inside(setting.frequencyMhz, space.frequency) && inside(setting.voltageMv, space.voltage)
    : inside(setting.powerTargetW, space.power);
}
