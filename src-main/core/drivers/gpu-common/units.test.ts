import { describe, expect, it } from 'vitest';
import { parseHashUnit, rateThs } from './units.js';

describe('parseHashUnit', () => {
  it('reads the spellings real miners send: lolMiner "mh/s" and "sol/s", GMiner "Sol/s"', () => {
    expect(parseHashUnit('mh/s')).toBe('MH');
    expect(parseHashUnit('sol/s')).toBe('H');
    expect(parseHashUnit('Sol/s')).toBe('H');
  });

  it('tells Cuckoo graphs ("g/s") apart from gigahashes ("gh/s")', () => {
    expect(parseHashUnit('g/s')).toBe('H');
    expect(parseHashUnit('gh/s')).toBe('GH');
    expect(parseHashUnit('KH/s')).toBe('KH');
  });

  it('refuses a unit it does not know rather than guessing', () => {
    expect(parseHashUnit('furlongs/s')).toBeNull();
    expect(parseHashUnit(42)).toBeNull();
    expect(parseHashUnit(undefined)).toBeNull();
  });
});

describe('rateThs', () => {
  it('converts through src-shared toTerahash', () => {
    expect(rateThs(75.86, 'MH')).toBeCloseTo(75.86e-6, 12);
    expect(rateThs('91189394', 'H')).toBeCloseTo(91189394e-12, 18);
  });

  it('gives null for negative, missing or unit-less rates', () => {
    expect(rateThs(-1, 'H')).toBeNull();
    expect(rateThs(null, 'H')).toBeNull();
    expect(rateThs(5, null)).toBeNull();
  });
});
