import { describe, expect, it } from 'vitest';
import { NO_CAPABILITIES } from '../../../../src-shared/model/control.js';
import { searchSpaceFor, withinSpace, type SearchSpace } from './search-space.js';
import { limits, target, targetCapabilities, vf, vfCapabilities } from './test-builders.fixture.js';

const MODEL = 'BM1366';

describe('searchSpaceFor: the knob', () => {
  it('tunes frequency and voltage when the driver offers both, even if it also takes a power target', () => {
    const both = { ...vfCapabilities(), powerTargetW: { min: 5, max: 25 } };
    expect(searchSpaceFor(MODEL, both, limits())?.knob).toBe('frequency-voltage');
  });

  it('falls back to the power target when the clock or the voltage cannot be set', () => {
    const clockOnly = { ...targetCapabilities(), frequencyMhz: { min: 400, max: 650 } };
    expect(searchSpaceFor(MODEL, clockOnly, limits())?.knob).toBe('power-target');
  });

  it('has no space for a device with no knob it can turn', () => {
    expect(searchSpaceFor(MODEL, NO_CAPABILITIES, limits())).toBeNull();
    const voltageOnly = { ...NO_CAPABILITIES, voltageMv: { min: 1000, max: 1300 } };
    expect(searchSpaceFor(MODEL, voltageOnly, limits())).toBeNull();
  });
});

describe("searchSpaceFor: the operator's limits", () => {
  it("narrows clock and voltage to the model's own limits, and leaves other models alone", () => {
    const operator = limits({
      models: { [MODEL]: { minFrequencyMhz: 450, maxFrequencyMhz: 600, maxVoltageMv: 1250 } },
    });
    const space = searchSpaceFor(MODEL, vfCapabilities(), operator);
    expect(space).toMatchObject({
      knob: 'frequency-voltage',
      frequency: { min: 450, max: 600 },
      voltage: { min: 1000, max: 1250 },
    });
    const other = searchSpaceFor('BM1370', vfCapabilities(), operator);
    expect(other).toMatchObject({ frequency: { min: 400, max: 650 }, voltage: { min: 1000, max: 1300 } });
  });

  it('keeps a limit wider than the driver range at the driver range', () => {
    const operator = limits({ models: { [MODEL]: { minFrequencyMhz: 100, maxFrequencyMhz: 5000 } } });
    expect(searchSpaceFor(MODEL, vfCapabilities(), operator)).toMatchObject({ frequency: { min: 400, max: 650 } });
  });

  it("caps a power target at the lower of the per-rig cap and the model's own", () => {
    const perRig = searchSpaceFor(MODEL, targetCapabilities(), limits({ maxPowerWPerRig: 3000 }));
    expect(perRig).toMatchObject({ knob: 'power-target', power: { min: 1000, max: 3000 }, maxPowerW: 3000 });
    const both = limits({ maxPowerWPerRig: 3000, models: { [MODEL]: { maxPowerW: 2500 } } });
    expect(searchSpaceFor(MODEL, targetCapabilities(), both)).toMatchObject({ power: { max: 2500 }, maxPowerW: 2500 });
  });

  it('carries the power cap on a clock-and-voltage space, for the search to keep its steps under', () => {
    const space = searchSpaceFor(MODEL, vfCapabilities(), limits({ maxPowerWPerRig: 18 }));
    expect(space).toMatchObject({ knob: 'frequency-voltage', maxPowerW: 18 });
  });

  it('has no space when the limits leave nothing of the driver range', () => {
    const clock = limits({ models: { [MODEL]: { minFrequencyMhz: 700 } } });
    expect(searchSpaceFor(MODEL, vfCapabilities(), clock)).toBeNull();
    const voltage = limits({ models: { [MODEL]: { maxVoltageMv: 900 } } });
    expect(searchSpaceFor(MODEL, vfCapabilities(), voltage)).toBeNull();
    expect(searchSpaceFor(MODEL, targetCapabilities(), limits({ maxPowerWPerRig: 900 }))).toBeNull();
  });
});

describe('searchSpaceFor: step sizes', () => {
  it('takes about ten steps across each range, in round units', () => {
    const space = searchSpaceFor(MODEL, vfCapabilities({ min: 400, max: 650 }, { min: 1000, max: 1300 }), limits());
    expect(space).toMatchObject({ frequency: { step: 25 }, voltage: { step: 30 } });
    const power = searchSpaceFor(MODEL, targetCapabilities({ min: 1000, max: 3500 }), limits());
    expect(power).toMatchObject({ power: { step: 250 } });
  });

  it('never steps finer than 5 MHz, 5 mV or 10 W on a narrow range', () => {
    const narrow = limits({ models: { [MODEL]: { minFrequencyMhz: 500, maxFrequencyMhz: 510 } } });
    const space = searchSpaceFor(MODEL, vfCapabilities({ min: 400, max: 650 }, { min: 1200, max: 1210 }), narrow);
    expect(space).toMatchObject({ frequency: { step: 5 }, voltage: { step: 5 } });
    expect(searchSpaceFor(MODEL, targetCapabilities({ min: 1000, max: 1040 }), limits())).toMatchObject({
      power: { step: 10 },
    });
  });
});

describe('withinSpace', () => {
  const vfSpace: SearchSpace = {
    knob: 'frequency-voltage',
    frequency: { min: 400, max: 650, step: 25 },
    voltage: { min: 1000, max: 1300, step: 30 },
    maxPowerW: null,
  };
  const powerSpace: SearchSpace = { knob: 'power-target', power: { min: 1000, max: 3000, step: 200 }, maxPowerW: 3000 };

  it('takes the range ends as inside and anything past them as outside', () => {
    expect(withinSpace(vf(400, 1000), vfSpace)).toBe(true);
    expect(withinSpace(vf(650, 1300), vfSpace)).toBe(true);
    expect(withinSpace(vf(675, 1200), vfSpace)).toBe(false);
    expect(withinSpace(vf(500, 990), vfSpace)).toBe(false);
    expect(withinSpace(target(3000), powerSpace)).toBe(true);
    expect(withinSpace(target(3100), powerSpace)).toBe(false);
  });

  it("refuses a setting of the other knob (a value the space's knob does not have)", () => {
    expect(withinSpace(target(2000), vfSpace)).toBe(false);
    expect(withinSpace(vf(500, 1200), powerSpace)).toBe(false);
  });
});
