import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-shared/model/index.js';
import type { TelemetryStatus } from '../../../src-shared/model/index.js';
import { RETENTION_FIELDS, oldestKept, parseRetentionDraft } from './retention-form.js';
import { boundsOf, draftFromSettings } from './settings-form.js';

const settings = defaultSettings();
const draft = (changes: Record<string, string>) => ({ ...draftFromSettings(settings, RETENTION_FIELDS), ...changes });

describe('history retention form', () => {
  it('shows the days kept at each resolution, and only those fields', () => {
    expect(draftFromSettings(settings, RETENTION_FIELDS)).toEqual({
      historyRawDays: String(settings.historyRawDays),
      historyMinuteDays: String(settings.historyMinuteDays),
      historyHourDays: String(settings.historyHourDays),
    });
  });

  it('takes its bounds from the shared schema, hourly allowing 0 for ever', () => {
    expect(RETENTION_FIELDS.map(boundsOf)).toEqual([
      { min: 1, max: 365 },
      { min: 1, max: 3650 },
      { min: 0, max: 36_500 },
    ]);
  });

  it('sends only the retention that changed', () => {
    expect(parseRetentionDraft(draft({ historyRawDays: '14', historyHourDays: '0' }), settings)).toEqual({
      patch: { historyRawDays: 14 },
      errors: {},
    });
  });

  it('refuses days out of bounds and fractions, like the other settings', () => {
    const parsed = parseRetentionDraft(draft({ historyRawDays: '0', historyMinuteDays: '30.5' }), settings);
    expect(parsed.errors).toEqual({
      historyRawDays: 'Between 1 and 365 days.',
      historyMinuteDays: 'Whole numbers only.',
    });
    expect(parsed.patch).toEqual({});
  });

  it('refuses averages kept for less time than the polls or minutes they summarise', () => {
    const parsed = parseRetentionDraft(
      draft({ historyRawDays: '30', historyMinuteDays: '14', historyHourDays: '7' }),
      settings,
    );
    expect(parsed.errors.historyMinuteDays).toBe('At least as long as every poll is kept (30 days).');
    expect(parsed.errors.historyHourDays).toBe(
      'At least as long as 1-minute averages are kept (14 days), or 0 for ever.',
    );
    expect(parsed.patch).toEqual({});
  });

  it('accepts hourly averages kept for ever (0), however long the rest is kept', () => {
    expect(parseRetentionDraft(draft({ historyMinuteDays: '3650', historyHourDays: '0' }), settings).errors).toEqual(
      {},
    );
  });
});

describe('storage status', () => {
  const status = (oldest: TelemetryStatus['oldest']): TelemetryStatus => ({
    path: '/data/telemetry.db',
    sizeBytes: 0,
    framesWritten: 0,
    framesPending: 0,
    framesDropped: 0,
    lastWriteAt: null,
    oldest,
    problem: null,
  });

  it('dates the oldest kept data from whichever resolution reaches furthest back', () => {
    expect(oldestKept(status({ raw: 300, '1m': 200, '1h': null }))).toBe(200);
    expect(oldestKept(status({ raw: null, '1m': null, '1h': null }))).toBeNull();
  });
});
