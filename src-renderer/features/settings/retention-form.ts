import type { Settings, SettingsPatch, TelemetryStatus } from '../../../src-shared/model/index.js';
import { formatPlainNumber } from '../../ui/format-plain.js';
import { parseSettingsDraft } from './settings-form.js';
import type { DraftErrors, SettingField, SettingsDraft } from './settings-form.js';

/** History retention, one field per resolution, finest first. Bounds come from the shared schema like the others. */
export const RETENTION_FIELDS: readonly SettingField[] = [
  {
    key: 'historyRawDays',
    label: 'Every poll',
    unit: 'days',
    perUnit: 1,
    step: 1,
    help: 'How long each poll is kept, for the most detailed charts and exports.',
  },
  {
    key: 'historyMinuteDays',
    label: '1-minute averages',
    unit: 'days',
    perUnit: 1,
    step: 1,
    help: 'How long 1-minute averages (with their minimum and maximum) are kept.',
  },
  {
    key: 'historyHourDays',
    label: 'Hourly averages',
    unit: 'days',
    perUnit: 1,
    step: 1,
    help: 'How long hourly averages are kept. 0 keeps them forever.',
  },
];

function days(value: number): string {
  return `${formatPlainNumber(value)} day${value === 1 ? '' : 's'}`;
}

/**
 * The retention form's patch, or its errors. Beyond each field's bounds, a coarser resolution must be kept at least as
 * long as a finer one (0 for hourly meaning forever): averages kept for less time than the polls they summarise would
 * never be the ones a chart shows.
 */
export function parseRetentionDraft(
  draft: SettingsDraft,
  current: Settings,
): { patch: SettingsPatch; errors: DraftErrors } {
  const parsed = parseSettingsDraft(draft, current, RETENTION_FIELDS);
  if (Object.keys(parsed.errors).length > 0) return parsed;
  const raw = parsed.patch.historyRawDays ?? current.historyRawDays;
  const minute = parsed.patch.historyMinuteDays ?? current.historyMinuteDays;
  const hour = parsed.patch.historyHourDays ?? current.historyHourDays;
  const errors: DraftErrors = {};
  if (minute < raw) errors.historyMinuteDays = `At least as long as every poll is kept (${days(raw)}).`;
  if (hour !== 0 && hour < minute) {
    errors.historyHourDays = `At least as long as 1-minute averages are kept (${days(minute)}), or 0 for ever.`;
  }
  return Object.keys(errors).length > 0 ? { patch: {}, errors } : parsed;
}

/** The oldest data kept at any resolution: how far back the charts can go. Null when nothing is kept yet. */
export function oldestKept(status: TelemetryStatus): number | null {
  const kept = [status.oldest.raw, status.oldest['1m'], status.oldest['1h']].filter((t) => t !== null);
  return kept.length === 0 ? null : Math.min(...kept);
}
