import type { Capabilities, ControlState, OperatorLimits, RigChange } from '../../../src-shared/model/index.js';
import { formatFrequency, formatPower, formatVoltage } from '../../../src-shared/units.js';
import { formatCount, formatPlainNumber } from '../../ui/format-plain.js';

export type TuningKind = 'powerTarget' | 'frequency' | 'voltage' | 'threads';
type Bound = { min?: number; max?: number };

export interface TuningSpec {
  kind: TuningKind;
  label: string;
  /** Shown after the input; formatting of values goes through `format`. */
  unit: string;
  /** e2e ids are `${testIdPrefix}-input` and `${testIdPrefix}-apply`. */
  testIdPrefix: string;
  capability: 'powerTargetW' | 'frequencyMhz' | 'voltageMv' | 'threads';
  current: keyof Omit<ControlState, 'paused'>;
  format: (value: number | null) => string;
  toChange: (value: number) => RigChange;
  /** The operator's own bounds for this setting (Settings → Safety limits), tightest last. */
  operatorBounds: (limits: OperatorLimits, model: string) => readonly Bound[];
  /** Raising it adds heat: refused while the rig is at the chip temperature limit. */
  addsHeatWhenRaised: boolean;
}

function bound(min: number | null | undefined, max: number | null | undefined): Bound {
  return { ...(min == null ? {} : { min }), ...(max == null ? {} : { max }) };
}

export const TUNING_SPECS: readonly TuningSpec[] = [
  {
    kind: 'powerTarget',
    label: 'Power target',
    unit: 'W',
    testIdPrefix: 'power-target',
    capability: 'powerTargetW',
    current: 'powerTargetW',
    format: formatPower,
    toChange: (watts) => ({ kind: 'powerTarget', watts }),
    operatorBounds: (limits, model) => [
      bound(null, limits.maxPowerWPerRig),
      bound(null, limits.models[model]?.maxPowerW),
    ],
    addsHeatWhenRaised: true,
  },
  {
    kind: 'frequency',
    label: 'Frequency',
    unit: 'MHz',
    testIdPrefix: 'frequency',
    capability: 'frequencyMhz',
    current: 'frequencyMhz',
    format: formatFrequency,
    toChange: (mhz) => ({ kind: 'frequency', mhz }),
    operatorBounds: (limits, model) => [
      bound(limits.models[model]?.minFrequencyMhz, limits.models[model]?.maxFrequencyMhz),
    ],
    addsHeatWhenRaised: true,
  },
  {
    kind: 'voltage',
    label: 'Voltage',
    unit: 'mV',
    testIdPrefix: 'voltage',
    capability: 'voltageMv',
    current: 'voltageMv',
    format: formatVoltage,
    toChange: (millivolts) => ({ kind: 'voltage', millivolts }),
    operatorBounds: (limits, model) => [bound(limits.models[model]?.minVoltageMv, limits.models[model]?.maxVoltageMv)],
    addsHeatWhenRaised: true,
  },
  {
    kind: 'threads',
    label: 'Threads',
    unit: 'threads',
    testIdPrefix: 'threads',
    capability: 'threads',
    current: 'threads',
    format: formatCount,
    toChange: (count) => ({ kind: 'threads', count }),
    operatorBounds: () => [],
    addsHeatWhenRaised: false,
  },
];

export function tuningSpec(kind: TuningKind): TuningSpec {
  const spec = TUNING_SPECS.find((candidate) => candidate.kind === kind);
  if (spec === undefined) throw new Error(`no tuning spec for ${kind}`);
  return spec;
}

export interface AllowedRange {
  min: number;
  max: number;
  /** True when the operator's limits are tighter than what the rig itself allows. */
  limitedByOperator: boolean;
}

/**
 * What may be typed: the rig's safe range from its capabilities, narrowed by the operator's limits, the same bounds
 * the engine checks before sending. Whole numbers only (every control value in RigChangeSchema is an integer), so
 * the bounds are rounded inwards. min > max means the limits leave nothing allowed.
 */
export function allowedRange(
  spec: TuningSpec,
  rigRange: { min: number; max: number },
  limits: OperatorLimits | null,
  model: string,
): AllowedRange {
  let min = rigRange.min;
  let max = rigRange.max;
  let limitedByOperator = false;
  for (const bound of limits === null ? [] : spec.operatorBounds(limits, model)) {
    if (bound.min !== undefined && bound.min > min) {
      min = bound.min;
      limitedByOperator = true;
    }
    if (bound.max !== undefined && bound.max < max) {
      max = bound.max;
      limitedByOperator = true;
    }
  }
  return { min: Math.ceil(min), max: Math.floor(max), limitedByOperator };
}

export function describeRange(spec: TuningSpec, range: AllowedRange): string {
  return `${formatPlainNumber(range.min)}–${spec.format(range.max)}`;
}

export type TuningParse = { ok: true; value: number } | { ok: false; error: string };

export function parseTuningValue(spec: TuningSpec, typed: string, range: AllowedRange): TuningParse {
  const text = typed.trim().replace(/,/g, '');
  if (range.min > range.max) return { ok: false, error: 'Your safety limits leave no value allowed for this rig.' };
  if (text === '') return { ok: false, error: `Enter a ${spec.label.toLowerCase()}.` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, error: 'Enter a number.' };
  if (!Number.isInteger(value)) return { ok: false, error: 'Whole numbers only.' };
  if (value < range.min || value > range.max) {
    const whose = range.limitedByOperator ? "within this rig's safe range and your limits" : "this rig's safe range";
    return { ok: false, error: `Between ${describeRange(spec, range)} (${whose}).` };
  }
  return { ok: true, value };
}

/** The rig's range for this setting, or null when it cannot be changed on this rig. */
export function rigRangeOf(spec: TuningSpec, capabilities: Capabilities): { min: number; max: number } | null {
  return capabilities[spec.capability];
}
