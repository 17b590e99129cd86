import { ModelLimitsSchema, OperatorLimitsSchema } from '../../../src-shared/model/index.js';
import type { ModelLimits, OperatorLimits } from '../../../src-shared/model/index.js';
import { formatPlainNumber } from '../../ui/format-plain.js';

export type ModelField = keyof ModelLimits;

export interface ModelFieldSpec {
  key: ModelField;
  label: string;
  unit: string;
}

/** The per-model override columns, in table order; each pair's min must not exceed its max. */
export const MODEL_FIELDS: readonly ModelFieldSpec[] = [
  { key: 'minFrequencyMhz', label: 'Min clock', unit: 'MHz' },
  { key: 'maxFrequencyMhz', label: 'Max clock', unit: 'MHz' },
  { key: 'minVoltageMv', label: 'Min volt.', unit: 'mV' },
  { key: 'maxVoltageMv', label: 'Max volt.', unit: 'mV' },
  { key: 'maxPowerW', label: 'Max power', unit: 'W' },
];

const PAIRS: ReadonlyArray<[ModelField, ModelField]> = [
  ['minFrequencyMhz', 'maxFrequencyMhz'],
  ['minVoltageMv', 'maxVoltageMv'],
];

export type ModelDraft = Readonly<Record<ModelField, string>>;

export interface LimitsDraft {
  maxChipTempC: string;
  /** Empty: no per-rig cap beyond each model's own range. */
  maxPowerWPerRig: string;
  /** Keyed by model (RigIdentity.model): the fleet's models plus any that already have overrides. */
  models: Readonly<Record<string, ModelDraft>>;
}

export interface LimitsErrors {
  maxChipTempC?: string;
  maxPowerWPerRig?: string;
  models?: Record<string, Partial<Record<ModelField, string>>>;
}

const EMPTY_MODEL: ModelDraft = {
  minFrequencyMhz: '',
  maxFrequencyMhz: '',
  minVoltageMv: '',
  maxVoltageMv: '',
  maxPowerW: '',
};

/** Bounds from the shared schema, so the form accepts exactly what the engine does. */
export const CHIP_TEMP_BOUNDS = (() => {
  const schema = OperatorLimitsSchema.shape.maxChipTempC.unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 150 };
})();

export const POWER_CAP_BOUNDS = (() => {
  const schema = OperatorLimitsSchema.shape.maxPowerWPerRig.unwrap().unwrap();
  return { min: schema.minValue ?? 1, max: schema.maxValue ?? 20_000 };
})();

function text(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function draftFromLimits(limits: OperatorLimits, fleetModels: readonly string[]): LimitsDraft {
  const models: Record<string, ModelDraft> = {};
  for (const model of [...fleetModels, ...Object.keys(limits.models)]) {
    const own = limits.models[model] ?? {};
    models[model] = Object.fromEntries(MODEL_FIELDS.map((field) => [field.key, text(own[field.key])])) as Record<
      ModelField,
      string
    >;
  }
  return {
    maxChipTempC: text(limits.maxChipTempC),
    maxPowerWPerRig: text(limits.maxPowerWPerRig),
    models,
  };
}

export function withModelCleared(draft: LimitsDraft, model: string): LimitsDraft {
  return { ...draft, models: { ...draft.models, [model]: EMPTY_MODEL } };
}

type NumberParse = { ok: true; value: number | null } | { ok: false; error: string };

function parseNumber(
  typed: string,
  options: { min: number; max?: number; unit: string; whole: boolean; optional: boolean },
): NumberParse {
  const trimmed = typed.trim().replace(/,/g, '');
  if (trimmed === '') return options.optional ? { ok: true, value: null } : { ok: false, error: 'Enter a number.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: 'Enter a number.' };
  if (options.whole && !Number.isInteger(value)) return { ok: false, error: 'Whole numbers only.' };
  if (value < options.min || (options.max !== undefined && value > options.max)) {
    return {
      ok: false,
      error:
        options.max === undefined
          ? `At least ${formatPlainNumber(options.min)} ${options.unit}.`
          : `Between ${formatPlainNumber(options.min)} and ${formatPlainNumber(options.max)} ${options.unit}.`,
    };
  }
  return { ok: true, value };
}

function parseModel(draft: ModelDraft): { limits: ModelLimits; errors: Partial<Record<ModelField, string>> } {
  const limits: Record<string, number> = {};
  const errors: Partial<Record<ModelField, string>> = {};
  for (const field of MODEL_FIELDS) {
    const parsed = parseNumber(draft[field.key], { min: 0, unit: field.unit, whole: false, optional: true });
    if (!parsed.ok) errors[field.key] = parsed.error;
    else if (parsed.value !== null) limits[field.key] = parsed.value;
  }
  for (const [low, high] of PAIRS) {
    const min = limits[low];
    const max = limits[high];
    if (min !== undefined && max !== undefined && min > max) errors[high] = 'Below the minimum.';
  }
  return { limits: ModelLimitsSchema.parse(limits), errors };
}

export type LimitsParse = { ok: true; limits: OperatorLimits } | { ok: false; errors: LimitsErrors };

/** The typed limits as the engine takes them, or a message for each field that is not acceptable. */
export function parseLimitsDraft(draft: LimitsDraft): LimitsParse {
  const errors: LimitsErrors = {};
  const chip = parseNumber(draft.maxChipTempC, { ...CHIP_TEMP_BOUNDS, unit: '°C', whole: false, optional: false });
  if (!chip.ok) errors.maxChipTempC = chip.error;
  const power = parseNumber(draft.maxPowerWPerRig, { ...POWER_CAP_BOUNDS, unit: 'W', whole: true, optional: true });
  if (!power.ok) errors.maxPowerWPerRig = power.error;

  const models: Record<string, ModelLimits> = {};
  for (const [model, modelDraft] of Object.entries(draft.models)) {
    const parsed = parseModel(modelDraft);
    if (Object.keys(parsed.errors).length > 0) (errors.models ??= {})[model] = parsed.errors;
    // A model with every field empty has no override: left out rather than saved as {}.
    else if (Object.keys(parsed.limits).length > 0) models[model] = parsed.limits;
  }
  if (!chip.ok || !power.ok || errors.models !== undefined) return { ok: false, errors };

  const checked = OperatorLimitsSchema.safeParse({ maxChipTempC: chip.value, maxPowerWPerRig: power.value, models });
  if (!checked.success) return { ok: false, errors: { maxChipTempC: checked.error.issues[0]?.message ?? 'Invalid.' } };
  return { ok: true, limits: checked.data };
}
