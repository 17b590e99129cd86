import type { z } from 'zod';
import type { RigId } from '../../../src-shared/model/index.js';
import { OptimizerSettingsSchema } from '../../../src-shared/model/optimizer.js';
import type { OptimizerObjective, OptimizerSettings } from '../../../src-shared/model/optimizer.js';
import { kilowattsToWatts, wattsToKilowatts } from '../../../src-shared/units.js';
import { formatPlainNumber } from '../../ui/format-plain.js';
import { draftFromTariff, hourLabel } from './tariff-draft.js';
import type { TariffDraft } from './tariff-draft.js';

// The optimizer settings form: what was typed (strings), turned into OptimizerSettings through the shared schema, with
// a message in plain words for every field the engine would refuse.

export interface IntakeDraft {
  rigId: RigId;
  intakeC: string;
}

/**
 * Everything the form edits. Not `enabled` (the site panel's switch) nor `excludedRigs` (the devices table's
 * toggles): those save on their own at once, and a form saved later must not put back what they were when it opened.
 */
export interface OptimizerDraft {
  objective: OptimizerObjective;
  /** Blank: each device's own maximum. */
  devicePowerBudgetW: string;
  /** In kW, as circuits are rated; blank: no cap. */
  siteCapKw: string;
  flatPricePerKwh: string;
  revenuePerThDay: string;
  timeOfUse: boolean;
  /** null: the flat price applies at every hour. */
  tariff: TariffDraft | null;
  thermalEnabled: boolean;
  targetChipC: string;
  defaultIntakeC: string;
  intakes: readonly IntakeDraft[];
}

/** Messages keyed by the settings path they are about ("siteCapW", "thermal.targetChipC", "tariff.seasons.0.name"). */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldKey(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

export function draftFromSettings(settings: OptimizerSettings): OptimizerDraft {
  const text = (value: number | null): string => (value === null ? '' : String(value));
  return {
    objective: settings.objective,
    devicePowerBudgetW: text(settings.devicePowerBudgetW),
    siteCapKw: settings.siteCapW === null ? '' : String(wattsToKilowatts(settings.siteCapW)),
    flatPricePerKwh: String(settings.flatPricePerKwh),
    revenuePerThDay: String(settings.revenuePerThDay),
    timeOfUse: settings.timeOfUse,
    tariff: settings.tariff === null ? null : draftFromTariff(settings.tariff),
    thermalEnabled: settings.thermal.enabled,
    targetChipC: String(settings.thermal.targetChipC),
    defaultIntakeC: String(settings.thermal.defaultIntakeC),
    intakes: Object.entries(settings.thermal.intakeByRig).map(([rigId, intakeC]) => ({
      rigId,
      intakeC: String(intakeC),
    })),
  };
}

/** How a field's bounds are said: the unit the operator types in and how many stored units make one of it. */
function unitOf(key: string): { unit: string; perUnit: number } {
  if (key === 'siteCapW') return { unit: ' kW', perUnit: 1000 };
  if (key === 'devicePowerBudgetW') return { unit: ' W', perUnit: 1 };
  if (key.startsWith('thermal.')) return { unit: ' °C', perUnit: 1 };
  return { unit: '', perUnit: 1 };
}

type Issue = z.core.$ZodIssue;

/** The schema's complaint in the operator's words; messages the schema words itself (currency, time zone) as they are. */
export function describeIssue(issue: Issue): string {
  const key = fieldKey(issue.path);
  const { unit, perUnit } = unitOf(key);
  const bound = (word: string, value: number | bigint): string =>
    `${word} ${formatPlainNumber(Number(value) / perUnit)}${unit}.`;
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return key.endsWith('.name') ? 'Give it a name.' : 'Fill this in.';
    if (issue.origin === 'array') return key === 'tariff.seasons' ? 'Add at least one season.' : issue.message;
    return bound(issue.inclusive === false ? 'More than' : 'At least', issue.minimum);
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return `At most ${formatPlainNumber(Number(issue.maximum))} characters.`;
    if (issue.origin === 'array') return `At most ${formatPlainNumber(Number(issue.maximum))}.`;
    return bound(issue.inclusive === false ? 'Less than' : 'At most', issue.maximum);
  }
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? 'Whole numbers only.' : 'Enter a number.';
  return issue.message;
}

/** Reads typed numbers, noting "Enter a number." for each that is not one (and giving undefined for it). */
function numberReader(errors: Record<string, string>) {
  return (key: string, typed: string): number | undefined => {
    const trimmed = typed.trim().replace(/,/g, '');
    const value = Number(trimmed);
    if (trimmed !== '' && Number.isFinite(value)) return value;
    errors[key] = 'Enter a number.';
    return undefined;
  };
}

type NumberReader = ReturnType<typeof numberReader>;

function tariffCandidate(tariff: TariffDraft, read: NumberReader) {
  const prices = (cells: readonly string[], index: number, days: 'weekday' | 'weekend') =>
    cells.map((cell, hour) => read(fieldKey(['tariff', 'seasons', index, days, hour]), cell) ?? 0);
  return {
    currency: tariff.currency.trim().toUpperCase(),
    timeZone: tariff.timeZone.trim(),
    seasons: tariff.seasons.map((season, index) => ({
      name: season.name,
      fromMonth: season.fromMonth,
      toMonth: season.toMonth,
      weekday: prices(season.weekday, index, 'weekday'),
      weekend: prices(season.weekend, index, 'weekend'),
    })),
  };
}

export type DraftParse = { ok: true; settings: OptimizerSettings } | { ok: false; errors: FieldErrors };

/**
 * The settings to send: `current` (the engine's, for what this form does not edit) with the draft applied, checked by
 * OptimizerSettingsSchema, the schema the engine checks with. Every problem is reported at once: a field that is not
 * a number gets "Enter a number." and the current value stands in for it while the rest is checked.
 */
export function parseOptimizerDraft(draft: OptimizerDraft, current: OptimizerSettings): DraftParse {
  const errors: Record<string, string> = {};
  const read = numberReader(errors);
  // Blank means "none" (null) for the optional fields; undefined: not a number.
  const optional = (key: string, typed: string): number | null | undefined =>
    typed.trim() === '' ? null : read(key, typed);
  const capKw = optional('siteCapW', draft.siteCapKw);
  const budgetW = optional('devicePowerBudgetW', draft.devicePowerBudgetW);
  const candidate = {
    enabled: current.enabled,
    objective: draft.objective,
    devicePowerBudgetW: budgetW === undefined ? current.devicePowerBudgetW : budgetW,
    siteCapW: capKw === undefined ? current.siteCapW : capKw === null ? null : kilowattsToWatts(capKw),
    thermal: {
      enabled: draft.thermalEnabled,
      targetChipC: read('thermal.targetChipC', draft.targetChipC) ?? current.thermal.targetChipC,
      defaultIntakeC: read('thermal.defaultIntakeC', draft.defaultIntakeC) ?? current.thermal.defaultIntakeC,
      intakeByRig: Object.fromEntries(
        draft.intakes.map((intake) => [
          intake.rigId,
          read(fieldKey(['thermal', 'intakeByRig', intake.rigId]), intake.intakeC) ?? current.thermal.defaultIntakeC,
        ]),
      ),
    },
    flatPricePerKwh: read('flatPricePerKwh', draft.flatPricePerKwh) ?? current.flatPricePerKwh,
    tariff: draft.tariff === null ? null : tariffCandidate(draft.tariff, read),
    timeOfUse: draft.timeOfUse,
    revenuePerThDay: read('revenuePerThDay', draft.revenuePerThDay) ?? current.revenuePerThDay,
    excludedRigs: current.excludedRigs,
  };
  const checked = OptimizerSettingsSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) errors[fieldKey(issue.path)] ??= describeIssue(issue);
  }
  if (!checked.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: checked.data };
}

/**
 * One season's problems as lines to show under it ("Weekend 03:00: Enter a number."): the cells themselves are too
 * small to carry a message, only a red border.
 */
export function seasonErrorLines(errors: FieldErrors, index: number): string[] {
  const prefix = `tariff.seasons.${index}.`;
  return Object.entries(errors).flatMap(([key, message]) => {
    if (!key.startsWith(prefix)) return [];
    const [field, hour] = key.slice(prefix.length).split('.');
    if (field === 'weekday' || field === 'weekend') {
      const where = hour === undefined ? '' : ` ${hourLabel(Number(hour))}`;
      return [`${field === 'weekday' ? 'Weekday' : 'Weekend'}${where}: ${message}`];
    }
    return [`${field === 'name' ? 'Name' : 'Months'}: ${message}`];
  });
}
