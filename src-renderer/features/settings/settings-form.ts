import { SettingsPatchSchema, SettingsSchema } from '../../../src-shared/model/index.js';
import type { Settings, SettingsPatch } from '../../../src-shared/model/index.js';
import { formatPlainNumber } from '../../ui/format-plain.js';

export type NumericSettingKey =
  | 'pollIntervalMs'
  | 'pollTimeoutMs'
  | 'missedPollsBeforeDown'
  | 'scanTimeoutMs'
  | 'scanConcurrency'
  | 'historyRawDays'
  | 'historyMinuteDays'
  | 'historyHourDays';

export interface SettingField {
  key: NumericSettingKey;
  label: string;
  /** The unit the operator types in; `perUnit` stored units (ms, or 1 for counts) make one typed unit. */
  unit: string;
  perUnit: number;
  step: number;
  help: string;
}

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'pollIntervalMs',
    label: 'Poll interval',
    unit: 's',
    perUnit: 1000,
    step: 1,
    help: 'How often each rig is asked for its figures.',
  },
  {
    key: 'pollTimeoutMs',
    label: 'Poll timeout',
    unit: 's',
    perUnit: 1000,
    step: 0.1,
    help: 'How long to wait for a rig to answer a poll.',
  },
  {
    key: 'missedPollsBeforeDown',
    label: 'Missed polls before down',
    unit: 'polls',
    perUnit: 1,
    step: 1,
    help: 'Failed polls in a row before a rig is marked down.',
  },
  {
    key: 'scanTimeoutMs',
    label: 'Scan timeout',
    unit: 'ms',
    perUnit: 1,
    step: 100,
    help: 'How long a scan waits for each address to answer.',
  },
  {
    key: 'scanConcurrency',
    label: 'Scan concurrency',
    unit: 'probes',
    perUnit: 1,
    step: 1,
    help: 'Addresses probed at the same time during a scan.',
  },
];

/** Bounds come from the shared schema, so the form can never accept what the engine would refuse (or the reverse). */
export function boundsOf(field: SettingField): { min: number; max: number } {
  const schema = SettingsSchema.shape[field.key].unwrap();
  return {
    min: (schema.minValue ?? 0) / field.perUnit,
    max: (schema.maxValue ?? Number.MAX_SAFE_INTEGER) / field.perUnit,
  };
}

/** What was typed, per field of the form it belongs to (each form holds only its own fields). */
export type SettingsDraft = Readonly<Partial<Record<NumericSettingKey, string>>>;
export type DraftErrors = Partial<Record<NumericSettingKey, string>>;

export function draftFromSettings(settings: Settings, fields: readonly SettingField[] = SETTING_FIELDS): SettingsDraft {
  return Object.fromEntries(fields.map((field) => [field.key, String(settings[field.key] / field.perUnit)]));
}

/** Turns what was typed into a patch of only the changed fields, or a message per field that is not acceptable. */
export function parseSettingsDraft(
  draft: SettingsDraft,
  current: Settings,
  fields: readonly SettingField[] = SETTING_FIELDS,
): { patch: SettingsPatch; errors: DraftErrors } {
  const patch: Record<string, number> = {};
  const errors: DraftErrors = {};
  for (const field of fields) {
    const typed = (draft[field.key] ?? '').trim();
    const value = Number(typed);
    const { min, max } = boundsOf(field);
    if (typed === '' || !Number.isFinite(value)) {
      errors[field.key] = 'Enter a number.';
      continue;
    }
    const stored = Math.round(value * field.perUnit);
    if (Math.abs(stored - value * field.perUnit) > 1e-6) {
      errors[field.key] =
        field.perUnit === 1 ? 'Whole numbers only.' : `At most ${Math.log10(field.perUnit)} decimals.`;
      continue;
    }
    if (value < min || value > max) {
      errors[field.key] = `Between ${formatPlainNumber(min)} and ${formatPlainNumber(max)} ${field.unit}.`;
      continue;
    }
    if (stored !== current[field.key]) patch[field.key] = stored;
  }
  // The same schema the engine checks against, as a last guard against a field above drifting from it. The patch
  // itself is returned, not the parsed copy: parsing fills in defaults for every field left out.
  if (!SettingsPatchSchema.safeParse(patch).success) return { patch: {}, errors };
  return { patch, errors };
}
