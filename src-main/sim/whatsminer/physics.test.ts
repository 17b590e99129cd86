import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { WHATSMINER_MODEL_NAMES, whatsminerModel, type WhatsminerModelName } from './models.js';
import { VirtualWhatsminer } from './rig.js';

function rig(model: WhatsminerModelName, seed = 11, clock = new ManualClock()) {
  return new VirtualWhatsminer({ host: '127.0.25.2', model, seed, clock, uptimeS: 3600 });
}

describe('VirtualWhatsminer physics', () => {
  it.each(WHATSMINER_MODEL_NAMES)(
    'lands a typical %s near its headline hashrate, power and chip temperature',
    (name) => {
      const model = whatsminerModel(name);
      const state = rig(name).readState();
      expect(state.hashrateThs / model.nominalHashrateThs).toBeGreaterThan(0.95);
      expect(state.hashrateThs / model.nominalHashrateThs).toBeLessThan(1.05);
      expect(state.powerW / model.nominalPowerW).toBeGreaterThan(0.94);
      expect(state.powerW / model.nominalPowerW).toBeLessThan(1.06);
      const chipAvgC = state.boards.reduce((sum, board) => sum + board.chipAvgC, 0) / state.boards.length;
      expect(Math.abs(chipAvgC - model.nominalChipAvgC)).toBeLessThan(3);
    },
  );

  it('gives the same unit the same silicon for the same seed, and another unit different silicon', () => {
    expect(rig('M30S', 5).readState().hashrateThs).toBe(rig('M30S', 5).readState().hashrateThs);
    expect(rig('M30S', 5).readState().hashrateThs).not.toBe(rig('M30S', 6).readState().hashrateThs);
  });

  it('holds the wall power under a lower power limit by lowering the clock, which costs hashrate', () => {
    const unit = rig('M20S');
    const before = unit.readState();
    expect(unit.setPowerLimitW(2400)).toBe(true);
    const after = unit.readState();
    expect(after.powerW).toBeLessThanOrEqual(2400);
    expect(after.powerW).toBeGreaterThan(2300);
    expect(after.targetFrequencyMhz).toBeLessThan(before.targetFrequencyMhz);
    expect(after.hashrateThs / before.hashrateThs).toBeLessThan(0.8);
    expect(after.elapsedS).toBe(0);
  });

  it('keeps following the limit as the rig warms up after the restart', () => {
    const clock = new ManualClock();
    const unit = rig('M30S+', 3, clock);
    unit.setPowerLimitW(2600);
    unit.setAmbientC(38);
    clock.advance(20 * 60_000);
    expect(unit.readState().powerW).toBeLessThanOrEqual(2600);
  });

  it('changes nothing when the limit is above what the rig draws, and refuses a limit above the ordinary power', () => {
    const unit = rig('M50');
    const before = unit.readState();
    expect(unit.setPowerLimitW(3600)).toBe(true);
    expect(unit.readState().targetFrequencyMhz).toBe(before.targetFrequencyMhz);
    expect(unit.setPowerLimitW(3700)).toBe(false);
    expect(unit.setPowerLimitW(0)).toBe(false);
    expect(unit.readState().powerLimitW).toBe(3600);
  });

  it('takes a dead board out of hashrate and power', async () => {
    const unit = rig('M30S');
    const before = unit.readState();
    await unit.injectFault({ kind: 'deadBoard', board: 1 });
    const after = unit.readState();
    expect(after.boards[1]?.hashrateThs).toBe(0);
    expect(after.hashrateThs).toBeLessThan(before.hashrateThs * 0.7);
    expect(after.powerW).toBeLessThan(before.powerW * 0.75);
  });

  it('loses chips on a degraded board and heats up when a fan fails or cooling runs away', async () => {
    const clock = new ManualClock();
    const unit = rig('M20S', 9, clock);
    const before = unit.readState();
    await unit.injectFault({ kind: 'degradedBoard', board: 0, failedChips: 9 });
    expect(unit.readState().boards[0]?.chipsOk).toBe(102);
    await unit.injectFault({ kind: 'failingFan', fan: 1 });
    clock.advance(10 * 60_000);
    const fanFailed = unit.readState();
    expect(fanFailed.fans[1]?.rpm ?? Infinity).toBeLessThan(200);
    expect(fanFailed.boards[1]?.chipMaxC ?? 0).toBeGreaterThan((before.boards[1]?.chipMaxC ?? 0) + 3);
    await unit.clearFault('failingFan');
    await unit.injectFault({ kind: 'overheat' });
    clock.advance(10 * 60_000);
    expect(unit.readState().boards[1]?.chipMaxC ?? 0).toBeGreaterThan((before.boards[1]?.chipMaxC ?? 0) + 10);
  });

  it('refuses a fault for a board or fan the rig does not have', async () => {
    await expect(rig('M20S').injectFault({ kind: 'deadBoard', board: 3 })).rejects.toThrow(RangeError);
    await expect(rig('M20S').injectFault({ kind: 'failingFan', fan: 2 })).rejects.toThrow(RangeError);
  });
});
