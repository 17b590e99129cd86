import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { drawLottery } from './lottery.js';
import { MODEL_CATALOG, MODEL_NAMES } from './models.js';
import type { ModelName } from './models.js';
import { VirtualRig } from './rig.js';

// Rigs are built but never started: the physics needs no sockets.
function rig(model: ModelName = 'Antminer S19 Pro', seed = 11): { rig: VirtualRig; clock: ManualClock } {
  const clock = new ManualClock();
  return { rig: new VirtualRig({ host: '127.0.60.250', model, seed, clock, uptimeS: 3600 }), clock };
}

const MINUTE = 60_000;
const hottest = (r: VirtualRig): number => Math.max(...r.readState().boards.map((board) => board.chipTempC));

describe('physics', () => {
  it('lands every catalog model on its nominal hashrate and power (average of ten units, within 4 %)', () => {
    for (const name of MODEL_NAMES) {
      const units = Array.from({ length: 10 }, (_unused, seed) => rig(name, seed + 1).rig.readState());
      const hashrateThs = units.reduce((sum, state) => sum + state.hashrateThs, 0) / units.length;
      const powerW = units.reduce((sum, state) => sum + state.powerW, 0) / units.length;
      expect(hashrateThs / MODEL_CATALOG[name].nominalHashrateThs, name).toBeCloseTo(1, 1);
      expect(Math.abs(powerW / MODEL_CATALOG[name].nominalPowerW - 1), name).toBeLessThan(0.04);
    }
  });

  it('takes a third of the hashrate away when one of three boards dies', async () => {
    const { rig: unit } = rig();
    const before = unit.readState().hashrateThs;
    await unit.injectFault({ kind: 'deadBoard', board: 1 });
    const after = unit.readState();
    expect(after.hashrateThs / before).toBeCloseTo(2 / 3, 2);
    expect(after.boards[1]).toMatchObject({ dead: true, hashrateThs: 0, chipsOk: 0, powerW: 0 });
  });

  it('brings a dead board back when the fault is cleared', async () => {
    const { rig: unit } = rig();
    const before = unit.readState().hashrateThs;
    await unit.injectFault({ kind: 'deadBoard', board: 0 });
    await unit.clearFault('deadBoard', 0);
    expect(unit.readState().hashrateThs).toBeCloseTo(before, 3);
  });

  it('runs the chips hotter with a failed fan than an identical unit with all fans working', async () => {
    const healthy = rig('Antminer S19 Pro', 5);
    const faulty = rig('Antminer S19 Pro', 5);
    await faulty.rig.injectFault({ kind: 'failingFan', fan: 2 });
    healthy.clock.advance(20 * MINUTE);
    faulty.clock.advance(20 * MINUTE);
    expect(hottest(faulty.rig) - hottest(healthy.rig)).toBeGreaterThan(3);
    const fans = faulty.rig.readState().fans;
    expect(fans[2]?.rpm).toBeLessThan(300);
    // The stock controller answers the heat by running the remaining fans flat out.
    expect(fans[0]?.dutyPct).toBeGreaterThan(99);
    expect(Math.min(...fans.filter((fan) => !fan.failed).map((fan) => fan.rpm))).toBeGreaterThan(
      Math.max(...healthy.rig.readState().fans.map((fan) => fan.rpm)),
    );
  });

  it('raises hardware errors and drops chips when the voltage is set below what the chips need', () => {
    const nominal = rig();
    const undervolted = rig();
    undervolted.rig.setVoltage(MODEL_CATALOG['Antminer S19 Pro'].nominalVoltageV * 0.9);
    const errorsBefore = [nominal.rig.readState().hardwareErrors, undervolted.rig.readState().hardwareErrors];
    nominal.clock.advance(10 * MINUTE);
    undervolted.clock.advance(10 * MINUTE);
    const nominalErrors = nominal.rig.readState().hardwareErrors - (errorsBefore[0] ?? 0);
    const undervoltedState = undervolted.rig.readState();
    const undervoltedErrors = undervoltedState.hardwareErrors - (errorsBefore[1] ?? 0);
    expect(undervoltedErrors).toBeGreaterThan(10 * Math.max(1, nominalErrors));
    expect(undervoltedState.hashrateThs).toBeLessThan(nominal.rig.readState().hashrateThs);
  });

  it('lets a lower frequency run stable at a voltage that is too low for the nominal one', () => {
    const low = MODEL_CATALOG['Antminer S19 Pro'].nominalVoltageV * 0.9;
    const atNominal = rig();
    atNominal.rig.setVoltage(low);
    const downclocked = rig();
    downclocked.rig.setVoltage(low);
    downclocked.rig.setFrequencyMhz(400);
    const errorFraction = (unit: VirtualRig): number =>
      Math.max(...unit.readState().boards.map((board) => board.errorFraction));
    expect(errorFraction(downclocked.rig)).toBeLessThan(errorFraction(atNominal.rig) / 10);
  });

  it('scales hashrate with frequency and power with frequency and voltage squared', () => {
    const { rig: unit } = rig();
    const before = unit.readState();
    unit.setFrequencyMhz(420);
    const slower = unit.readState();
    expect(slower.hashrateThs / before.hashrateThs).toBeCloseTo(420 / 525, 2);
    const dynamicShare = (state: typeof before): number => state.boards.reduce((sum, board) => sum + board.powerW, 0);
    expect(dynamicShare(slower) / dynamicShare(before)).toBeCloseTo(0.8, 1);
  });

  it('draws the same silicon for the same seed and different silicon for another', () => {
    const model = MODEL_CATALOG['Antminer S19 Pro'];
    const first = drawLottery(model, 99);
    const again = drawLottery(model, 99);
    const other = drawLottery(model, 100);
    expect(Array.from(again.boards[0]?.vminCoef ?? [])).toEqual(Array.from(first.boards[0]?.vminCoef ?? []));
    expect(Array.from(other.boards[0]?.vminCoef ?? [])).not.toEqual(Array.from(first.boards[0]?.vminCoef ?? []));
    expect(Array.from(first.boards[1]?.leakCoef ?? [])).not.toEqual(Array.from(first.boards[0]?.leakCoef ?? []));
  });

  it('keeps climbing in temperature while thermal runaway lasts', async () => {
    const { rig: unit, clock } = rig();
    const start = hottest(unit);
    await unit.injectFault({ kind: 'overheat' });
    clock.advance(3 * MINUTE);
    const after3 = hottest(unit);
    clock.advance(6 * MINUTE);
    const after9 = hottest(unit);
    expect(after3).toBeGreaterThan(start + 5);
    expect(after9).toBeGreaterThan(after3 + 5);
    expect(unit.readState().fans.every((fan) => fan.dutyPct > 99)).toBe(true);
  });

  it('changes nothing until the clock moves, then accumulates work for the time that passed', () => {
    const { rig: unit, clock } = rig();
    const first = unit.readState();
    expect(unit.readState()).toEqual(first);
    clock.advance(24 * 60 * MINUTE);
    const dayLater = unit.readState();
    expect(dayLater.elapsedS - first.elapsedS).toBeCloseTo(86_400, 0);
    // 110 TH/s at pool difficulty 65536 is about 0.39 shares/s.
    const sharesPerS = (first.hashrateThs * 1e12) / (65_536 * 2 ** 32);
    expect((dayLater.accepted - first.accepted) / (86_400 * sharesPerS)).toBeCloseTo(1, 1);
  });

  it('pulls wall power to a power target by lowering the clocks', () => {
    const { rig: unit, clock } = rig();
    unit.setPowerTargetW(2600);
    clock.advance(10 * MINUTE);
    const state = unit.readState();
    expect(Math.abs(state.powerW - 2600) / 2600).toBeLessThan(0.03);
    expect(state.boards[0]?.frequencyMhz).toBeLessThan(525);
  });

  it('spins the fans faster in a hotter room', () => {
    const cool = rig();
    const hot = rig();
    hot.rig.setAmbientC(35);
    cool.clock.advance(15 * MINUTE);
    hot.clock.advance(15 * MINUTE);
    const rpm = (unit: VirtualRig): number => unit.readState().fans.reduce((sum, fan) => sum + fan.rpm, 0);
    expect(rpm(hot.rig)).toBeGreaterThan(rpm(cool.rig));
    expect(hottest(hot.rig)).toBeGreaterThan(hottest(cool.rig));
  });

  it('refuses clocks and voltages outside what the firmware allows', () => {
    const { rig: unit } = rig();
    expect(() => unit.setFrequencyMhz(2000)).toThrow(RangeError);
    expect(() => unit.setVoltage(3)).toThrow(RangeError);
    expect(() => unit.setFrequencyMhz(500, 7)).toThrow(RangeError);
  });
});
