import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-shared/model/index.js';
import { SETTING_FIELDS, boundsOf, draftFromSettings, parseSettingsDraft } from './settings-form.js';

const settings = defaultSettings();
const field = (key: string) => {
  const found = SETTING_FIELDS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('settings form', () => {
  it('shows the poll interval in seconds', () => {
    expect(draftFromSettings(settings).pollIntervalMs).toBe(String(settings.pollIntervalMs / 1000));
  });

  it('takes its bounds from the shared schema, in the unit typed', () => {
    expect(boundsOf(field('pollIntervalMs'))).toEqual({ min: 1, max: 600 });
    expect(boundsOf(field('scanConcurrency'))).toEqual({ min: 1, max: 1024 });
  });

  it('sends only the fields that changed, converted to milliseconds', () => {
    const draft = { ...draftFromSettings(settings), pollIntervalMs: '12', pollTimeoutMs: '2.5' };
    expect(parseSettingsDraft(draft, settings)).toEqual({
      patch: { pollIntervalMs: 12_000, pollTimeoutMs: 2500 },
      errors: {},
    });
  });

  it('explains a value out of bounds in the unit the operator typed', () => {
    const draft = { ...draftFromSettings(settings), pollIntervalMs: '0.5' };
    expect(parseSettingsDraft(draft, settings).errors.pollIntervalMs).toBe('Between 1 and 600 s.');
  });

  it('refuses text and fractions where a whole number is needed', () => {
    const draft = { ...draftFromSettings(settings), scanConcurrency: 'lots', missedPollsBeforeDown: '2.5' };
    const { errors, patch } = parseSettingsDraft(draft, settings);
    expect(errors.scanConcurrency).toBe('Enter a number.');
    expect(errors.missedPollsBeforeDown).toBe('Whole numbers only.');
    expect(patch).toEqual({});
  });
});
