import { describe, expect, it } from 'vitest';
import { allowedRange, parseTuningValue, tuningSpec } from './tuning.js';

const power = tuningSpec('powerTarget');
const frequency = tuningSpec('frequency');
const limits = { maxChipTempC: 85, maxPowerWPerRig: null, models: {} };

describe('tuning inputs', () => {
  it("take the rig's safe range when the operator set no tighter limit", () => {
    const range = allowedRange(power, { min: 2000, max: 3600 }, limits, 'Antminer S19');
    expect(range).toEqual({ min: 2000, max: 3600, limitedByOperator: false });
    expect(parseTuningValue(power, '3,200', range)).toEqual({ ok: true, value: 3200 });
  });

  it("narrow to the operator's per-rig and per-model limits, the tightest winning", () => {
    const withCaps = { ...limits, maxPowerWPerRig: 3300, models: { 'Antminer S19': { maxPowerW: 3100 } } };
    const range = allowedRange(power, { min: 2000, max: 3600 }, withCaps, 'Antminer S19');
    expect(range).toEqual({ min: 2000, max: 3100, limitedByOperator: true });
    expect(parseTuningValue(power, '3200', range)).toEqual({
      ok: false,
      error: "Between 2,000–3,100 W (within this rig's safe range and your limits).",
    });
  });

  it('apply per-model frequency bounds only to that model', () => {
    const withModel = { ...limits, models: { 'Antminer S9': { minFrequencyMhz: 500, maxFrequencyMhz: 650 } } };
    expect(allowedRange(frequency, { min: 400, max: 800 }, withModel, 'Antminer S9')).toMatchObject({
      min: 500,
      max: 650,
    });
    expect(allowedRange(frequency, { min: 400, max: 800 }, withModel, 'Antminer S19')).toMatchObject({
      min: 400,
      max: 800,
    });
  });

  it('refuse text, fractions and an empty box', () => {
    const range = { min: 1, max: 100, limitedByOperator: false };
    expect(parseTuningValue(power, '', range)).toEqual({ ok: false, error: 'Enter a power target.' });
    expect(parseTuningValue(power, 'max', range)).toEqual({ ok: false, error: 'Enter a number.' });
    expect(parseTuningValue(power, '50.5', range)).toEqual({ ok: false, error: 'Whole numbers only.' });
  });

  it('say so when the limits leave nothing allowed', () => {
    const withCaps = { ...limits, maxPowerWPerRig: 1000 };
    const range = allowedRange(power, { min: 2000, max: 3600 }, withCaps, 'Antminer S19');
    expect(parseTuningValue(power, '2500', range)).toEqual({
      ok: false,
      error: 'Your safety limits leave no value allowed for this rig.',
    });
  });
});
