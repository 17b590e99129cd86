import { describe, expect, it } from 'vitest';
import {
  efficiencyJPerTh,
  formatDuration,
  formatFrequency,
  formatHashrate,
  formatMilliseconds,
  formatPower,
  formatPricePerKwh,
  formatSignedPercent,
  formatVoltage,
  kilowattsToWatts,
  toTerahash,
  wattsToKilowatts,
} from './units.js';

describe('units', () => {
  it('converts any reported hashrate unit to TH/s', () => {
    expect(toTerahash(110786.79, 'GH')).toBeCloseTo(110.78679, 8);
    expect(toTerahash(4885, 'MH')).toBeCloseTo(0.004885, 9);
  });

  it('picks the prefix that keeps the number readable', () => {
    expect(formatHashrate(110.78679)).toBe('110.8 TH/s');
    expect(formatHashrate(1234.5)).toBe('1.23 PH/s');
    expect(formatHashrate(0.0012)).toBe('1.20 GH/s');
    expect(formatHashrate(null)).toBe('—');
  });

  it('formats power in W up to 10 kW and in kW beyond', () => {
    expect(formatPower(3250)).toBe('3,250 W');
    expect(formatPower(81_250)).toBe('81.3 kW');
    expect(formatPower(2_652_900)).toBe('2.65 MW');
  });

  it('formats clock frequency in MHz', () => {
    expect(formatFrequency(525)).toBe('525 MHz');
    expect(formatFrequency(null)).toBe('—');
  });

  it('gives no efficiency without hashrate rather than dividing by zero', () => {
    expect(efficiencyJPerTh(3250, 0)).toBeNull();
    expect(efficiencyJPerTh(3250, 110)).toBeCloseTo(29.545, 3);
  });

  it('shows uptime in the two largest units', () => {
    expect(formatDuration(82852)).toBe('23h 0m');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3d 4h');
    expect(formatDuration(42)).toBe('42s');
  });

  it('formats core voltage in mV', () => {
    expect(formatVoltage(1000)).toBe('1,000 mV');
    expect(formatVoltage(null)).toBe('—');
  });

  it('signs a change, and shows one that rounds to nothing unsigned', () => {
    expect(formatSignedPercent(0.125)).toBe('+12.5%');
    expect(formatSignedPercent(-0.03)).toBe('−3.0%');
    expect(formatSignedPercent(0.00001)).toBe('0.0%');
    expect(formatSignedPercent(null)).toBe('—');
  });

  it('states a price per kWh with its currency', () => {
    expect(formatPricePerKwh(0.1243, 'EUR')).toBe('0.124 EUR/kWh');
  });

  it('converts kW to whole watts and back', () => {
    expect(kilowattsToWatts(30.0004)).toBe(30_000);
    expect(kilowattsToWatts(0.0125)).toBe(13);
    expect(wattsToKilowatts(2450)).toBe(2.45);
  });

  it('shows a short computation time in ms, with a decimal below 10 ms', () => {
    expect(formatMilliseconds(7.42)).toBe('7.4 ms');
    expect(formatMilliseconds(120.4)).toBe('120 ms');
    expect(formatMilliseconds(null)).toBe('—');
  });
});
