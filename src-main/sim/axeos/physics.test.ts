import { describe, expect, it } from 'vitest';
import { MANUAL_CLOCK_START_MS } from '../clock.js';
import { AXE_MODELS, AXE_MODEL_NAMES } from './models.js';
import { advanceAxe, axeRates, createAxePhysics, settleAxe, type AxePhysics } from './physics.js';

function settled(name: (typeof AXE_MODEL_NAMES)[number], seed = 1): AxePhysics {
  const rig = createAxePhysics(AXE_MODELS[name], seed, MANUAL_CLOCK_START_MS);
  settleAxe(rig, 3600);
  return rig;
}

function runFor(rig: AxePhysics, seconds: number): void {
  advanceAxe(rig, rig.lastMs + seconds * 1000);
}

describe('AxeOS physics at stock settings', () => {
  it.each(AXE_MODEL_NAMES)('puts a typical %s near its catalog hashrate, power and 58 °C', (name) => {
    const model = AXE_MODELS[name];
    const rates = axeRates(settled(name));
    expect(rates.ghs / model.nominalHashrateGhs).toBeGreaterThan(0.95);
    expect(rates.ghs / model.nominalHashrateGhs).toBeLessThan(1.05);
    expect(rates.powerW / model.nominalPowerW).toBeGreaterThan(0.85);
    expect(rates.powerW / model.nominalPowerW).toBeLessThan(1.15);
    expect(settled(name).chipTempC).toBeGreaterThan(52);
    expect(settled(name).chipTempC).toBeLessThan(64);
  });

  it('gives two units different silicon from different seeds, and the same from the same seed', () => {
    expect(axeRates(settled('Bitaxe Gamma', 1)).powerW).not.toBe(axeRates(settled('Bitaxe Gamma', 2)).powerW);
    expect(axeRates(settled('Bitaxe Gamma', 3)).powerW).toBe(axeRates(settled('Bitaxe Gamma', 3)).powerW);
  });
});

describe('AxeOS physics under changes', () => {
  it('hashes more, draws more and runs hotter at a higher clock', () => {
    const rig = settled('Bitaxe Gamma');
    const before = { ...axeRates(rig), tempC: rig.chipTempC };
    rig.frequencyMhz = 600;
    rig.voltageMv = 1200;
    runFor(rig, 600);
    const after = axeRates(rig);
    expect(after.ghs).toBeGreaterThan(before.ghs * 1.1);
    expect(after.powerW).toBeGreaterThan(before.powerW * 1.15);
    expect(rig.chipTempC).toBeGreaterThan(before.tempC + 2);
  });

  it('loses hashrate to errors when the core voltage is too low for the clock', () => {
    const rig = settled('Bitaxe Gamma');
    const healthy = axeRates(rig);
    rig.voltageMv = 1000;
    runFor(rig, 60);
    const starved = axeRates(rig);
    expect(starved.errorFraction).toBeGreaterThan(healthy.errorFraction * 10);
    expect(starved.ghs).toBeLessThan(healthy.ghs * 0.97);
    rig.voltageMv = 880;
    expect(axeRates(rig).ghs).toBe(0);
  });

  it('draws power with the square of the core voltage', () => {
    const rig = settled('Bitaxe Supra');
    const low = axeRates(rig).asicPowerW;
    rig.voltageMv = Math.round(AXE_MODELS['Bitaxe Supra'].nominalVoltageMv * 1.1);
    expect(axeRates(rig).asicPowerW / low).toBeCloseTo(1.21, 2);
  });

  it('overheats with a failed fan until the protection parks the ASIC', () => {
    const rig = settled('NerdQAxe++');
    rig.fanFailed = true;
    runFor(rig, 900);
    expect(rig.overheatMode).toBe(true);
    expect(axeRates(rig).ghs).toBe(0);
  });

  it('hashes with the remaining ASICs when some have failed', () => {
    const rig = settled('NerdQAxe++');
    const all = axeRates(rig).ghs;
    rig.deadAsics = [true, false, false, false];
    expect(axeRates(rig).ghs / all).toBeGreaterThan(0.7);
    expect(axeRates(rig).ghs / all).toBeLessThan(0.8);
  });
});
