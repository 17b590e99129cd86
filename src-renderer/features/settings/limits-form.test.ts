import { describe, expect, it } from 'vitest';
import { CHIP_TEMP_BOUNDS, POWER_CAP_BOUNDS, draftFromLimits, parseLimitsDraft } from './limits-form.js';

const limits = { maxChipTempC: 85, maxPowerWPerRig: null, models: { 'Antminer S9': { maxFrequencyMhz: 650 } } };

describe('safety limits form', () => {
  it('takes its bounds from OperatorLimitsSchema', () => {
    expect(CHIP_TEMP_BOUNDS).toEqual({ min: 30, max: 125 });
    expect(POWER_CAP_BOUNDS).toEqual({ min: 1, max: 20_000 });
  });

  it("lists the fleet's models and models that already have overrides", () => {
    const draft = draftFromLimits(limits, ['Antminer S19']);
    expect(Object.keys(draft.models)).toEqual(['Antminer S19', 'Antminer S9']);
    expect(draft.models['Antminer S9']?.maxFrequencyMhz).toBe('650');
    expect(draft.maxPowerWPerRig).toBe('');
  });

  it('round-trips unchanged limits, leaving out models with no override', () => {
    expect(parseLimitsDraft(draftFromLimits(limits, ['Antminer S19']))).toEqual({ ok: true, limits });
  });

  it('reads an empty power cap as "no cap" and a typed one as whole watts', () => {
    const draft = { ...draftFromLimits(limits, []), maxPowerWPerRig: '3,250' };
    expect(parseLimitsDraft(draft)).toMatchObject({ ok: true, limits: { maxPowerWPerRig: 3250 } });
    expect(parseLimitsDraft({ ...draft, maxPowerWPerRig: '3250.5' })).toEqual({
      ok: false,
      errors: { maxPowerWPerRig: 'Whole numbers only.' },
    });
  });

  it('explains out-of-range values and a minimum above its maximum', () => {
    const draft = draftFromLimits(limits, ['Antminer S19']);
    const parsed = parseLimitsDraft({
      ...draft,
      maxChipTempC: '140',
      models: {
        ...draft.models,
        'Antminer S19': { ...draft.models['Antminer S19']!, minVoltageMv: '1400', maxVoltageMv: '1300' },
      },
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        maxChipTempC: 'Between 30 and 125 °C.',
        models: { 'Antminer S19': { maxVoltageMv: 'Below the minimum.' } },
      },
    });
  });
});
