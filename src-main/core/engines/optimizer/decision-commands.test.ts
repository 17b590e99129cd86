import { describe, expect, it } from 'vitest';
import type { DeviceSetting } from '../../../../src-shared/model/optimizer.js';
import { changesFor } from './decision-commands.js';
import { target, vf } from './test-builders.fixture.js';

const kinds = (to: DeviceSetting, current: DeviceSetting | null, sleep: boolean | null = null) =>
  changesFor(to, current, sleep).map((change) => change.kind);

describe('changesFor', () => {
  it('raises the voltage before the clock when the voltage goes up', () => {
    expect(changesFor(vf(550, 1230), vf(525, 1200), null)).toEqual([
      { kind: 'voltage', millivolts: 1230 },
      { kind: 'frequency', mhz: 550 },
    ]);
  });

  it('lowers the clock before the voltage when the voltage goes down', () => {
    expect(kinds(vf(500, 1170), vf(525, 1200))).toEqual(['frequency', 'voltage']);
    // Even when the clock rises while the voltage falls: the voltage still comes down last.
    expect(kinds(vf(550, 1170), vf(525, 1200))).toEqual(['frequency', 'voltage']);
  });

  it("follows the clock's direction when the current voltage is not known", () => {
    const unknownVoltage = { frequencyMhz: 525, voltageMv: null, powerTargetW: null };
    expect(kinds(vf(550, 1230), unknownVoltage)).toEqual(['voltage', 'frequency']);
    expect(kinds(vf(500, 1170), unknownVoltage)).toEqual(['frequency', 'voltage']);
    // Nothing known at all: voltage first, the safe way for a rise.
    expect(kinds(vf(500, 1170), null)).toEqual(['voltage', 'frequency']);
  });

  it('only pauses a device put to sleep', () => {
    expect(changesFor(vf(500, 1170), vf(525, 1200), true)).toEqual([{ kind: 'pause' }]);
  });

  it('resumes a sleeping device before it sets anything', () => {
    expect(kinds(vf(550, 1230), vf(525, 1200), false)).toEqual(['resume', 'voltage', 'frequency']);
    expect(kinds(target(2500), target(3000), false)).toEqual(['resume', 'powerTarget']);
  });

  it('leaves knobs that are already where they should be alone', () => {
    expect(kinds(vf(525, 1170), vf(525, 1200))).toEqual(['voltage']);
    expect(kinds(vf(550, 1200), vf(525, 1200))).toEqual(['frequency']);
    expect(changesFor(vf(525, 1200), vf(525, 1200), null)).toEqual([]);
    expect(changesFor(target(3000), target(3000), null)).toEqual([]);
  });

  it('sends every knob for a revert, even one the reading says is already there', () => {
    expect(changesFor(vf(525, 1200), vf(525, 1200), null, true)).toEqual([
      { kind: 'frequency', mhz: 525 },
      { kind: 'voltage', millivolts: 1200 },
    ]);
    expect(changesFor(target(3000), target(3000), null, true)).toEqual([{ kind: 'powerTarget', watts: 3000 }]);
  });

  it('orders a revert by the reading: a falling clock and voltage come down clock first', () => {
    expect(changesFor(vf(500, 1100), vf(600, 1200), null, true)).toEqual([
      { kind: 'frequency', mhz: 500 },
      { kind: 'voltage', millivolts: 1100 },
    ]);
    expect(changesFor(vf(600, 1200), vf(500, 1100), null, true)).toEqual([
      { kind: 'voltage', millivolts: 1200 },
      { kind: 'frequency', mhz: 600 },
    ]);
  });

  it('sends a power target in whole watts', () => {
    expect(changesFor(target(2437.6), target(3000), null)).toEqual([{ kind: 'powerTarget', watts: 2438 }]);
  });
});
