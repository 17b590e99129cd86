import { describe, expect, it } from 'vitest';
import { defaultOptimizerSettings } from '../../../src-shared/model/optimizer.js';
import type { OptimizerSettings } from '../../../src-shared/model/optimizer.js';
import { draftFromSettings, fieldKey, parseOptimizerDraft, seasonErrorLines } from './settings-draft.js';
import { seasonDraft, startingTariff } from './tariff-draft.js';

const RIG = '127.0.200.7:4028';
const current: OptimizerSettings = {
  ...defaultOptimizerSettings(),
  enabled: true,
  siteCapW: 30_000,
  excludedRigs: ['127.0.200.9:4028'],
  thermal: { enabled: true, targetChipC: 75, defaultIntakeC: 25, intakeByRig: { [RIG]: 31 } },
};

describe('optimizer settings draft', () => {
  it('round-trips unchanged settings, the cap shown in kW', () => {
    const draft = draftFromSettings(current);
    expect(draft.siteCapKw).toBe('30');
    expect(draft.intakes).toEqual([{ rigId: RIG, intakeC: '31' }]);
    expect(parseOptimizerDraft(draft, current)).toEqual({ ok: true, settings: current });
  });

  it('reads the cap in kW as whole watts, and a blank cap or budget as none', () => {
    const draft = { ...draftFromSettings(current), siteCapKw: '12.5', devicePowerBudgetW: '' };
    expect(parseOptimizerDraft(draft, current)).toMatchObject({
      ok: true,
      settings: { siteCapW: 12_500, devicePowerBudgetW: null },
    });
    expect(parseOptimizerDraft({ ...draft, siteCapKw: ' ' }, current)).toMatchObject({
      ok: true,
      settings: { siteCapW: null },
    });
  });

  it('keeps the switch and the exclusions as the engine has them now, not as they were when the form opened', () => {
    const draft = draftFromSettings({ ...current, enabled: false, excludedRigs: [] });
    expect(parseOptimizerDraft(draft, current)).toMatchObject({
      ok: true,
      settings: { enabled: true, excludedRigs: ['127.0.200.9:4028'] },
    });
  });

  it("states the schema's bounds in the unit typed, in plain words", () => {
    const draft = {
      ...draftFromSettings(current),
      siteCapKw: '0.001',
      targetChipC: '130',
      flatPricePerKwh: '-1',
      devicePowerBudgetW: '2500.5',
    };
    expect(parseOptimizerDraft(draft, current)).toEqual({
      ok: false,
      errors: {
        siteCapW: 'At least 0.01 kW.',
        'thermal.targetChipC': 'At most 120 °C.',
        flatPricePerKwh: 'At least 0.',
        devicePowerBudgetW: 'Whole numbers only.',
      },
    });
  });

  it('reports text that is not a number together with the other problems', () => {
    const draft = {
      ...draftFromSettings(current),
      revenuePerThDay: 'lots',
      intakes: [{ rigId: RIG, intakeC: '90' }],
    };
    const parsed = parseOptimizerDraft(draft, current);
    expect(parsed).toEqual({
      ok: false,
      errors: { revenuePerThDay: 'Enter a number.', [fieldKey(['thermal', 'intakeByRig', RIG])]: 'At most 70 °C.' },
    });
  });
});

describe('optimizer settings draft: tariff', () => {
  const withTariff = { ...draftFromSettings(current), timeOfUse: true, tariff: startingTariff('0.1', 'usd', 'UTC') };

  it('sends a tariff with its prices as numbers and its currency in capitals', () => {
    const parsed = parseOptimizerDraft(withTariff, current);
    expect(parsed.ok && parsed.settings.tariff).toMatchObject({ currency: 'USD', timeZone: 'UTC' });
    expect(parsed.ok && parsed.settings.tariff?.seasons[0]?.weekday[0]).toBe(0.1);
  });

  it('points at the season, cell and tariff that are wrong', () => {
    const summer = { ...seasonDraft('', '0.1'), fromMonth: 4, toMonth: 9 };
    const parsed = parseOptimizerDraft(
      {
        ...withTariff,
        tariff: {
          currency: 'dollars',
          timeZone: 'Mars/Olympus',
          seasons: [{ ...summer, weekend: summer.weekend.map((cell, hour) => (hour === 3 ? 'x' : cell)) }],
        },
      },
      current,
    );
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? {} : parsed.errors;
    expect(errors['tariff.currency']).toBe('A three-letter currency code such as USD or EUR.');
    expect(errors['tariff.timeZone']).toBe('An IANA time zone such as Europe/Berlin or America/Chicago.');
    expect(errors['tariff.seasons.0.name']).toBe('Give it a name.');
    expect(errors['tariff.seasons.0.weekend.3']).toBe('Enter a number.');
    expect(errors['tariff']).toBe('Every month must fall in a season.');
    expect(seasonErrorLines(errors, 0).sort()).toEqual(['Name: Give it a name.', 'Weekend 03:00: Enter a number.']);
  });

  it('asks for a time zone left blank', () => {
    const parsed = parseOptimizerDraft({ ...withTariff, tariff: { ...withTariff.tariff, timeZone: ' ' } }, current);
    expect(parsed.ok ? null : parsed.errors['tariff.timeZone']).toBe('Fill this in.');
  });

  it('asks for a season when none is left', () => {
    const parsed = parseOptimizerDraft({ ...withTariff, tariff: { ...withTariff.tariff, seasons: [] } }, current);
    expect(parsed.ok ? null : parsed.errors['tariff.seasons']).toBe('Add at least one season.');
  });
});
