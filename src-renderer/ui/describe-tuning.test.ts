import { describe, expect, it } from 'vitest';
import { fv, target } from '../test-support/optimizer-fixtures.js';
import { describeDecisionChange, describeSetting, sameSetting } from './describe-tuning.js';

describe('describeSetting', () => {
  it('names clock and voltage, or a power target, with their units', () => {
    expect(describeSetting(fv(465, 1000))).toBe('465 MHz · 1,000 mV');
    expect(describeSetting(target(2450))).toBe('2,450 W target');
  });

  it('says "stock settings" when no knob value is set, and a dash when nothing is known', () => {
    expect(describeSetting({ frequencyMhz: null, voltageMv: null, powerTargetW: null })).toBe('stock settings');
    expect(describeSetting(null)).toBe('—');
  });
});

describe('describeDecisionChange', () => {
  it('shows a plain change as from and to', () => {
    expect(describeDecisionChange({ from: fv(500, 1100), to: fv(525, 1100), sleep: null })).toEqual({
      from: '500 MHz · 1,100 mV',
      to: '525 MHz · 1,100 mV',
    });
  });

  it('says sleep and wake instead of repeating an unchanged setting', () => {
    expect(describeDecisionChange({ from: target(3000), to: target(3000), sleep: true }).to).toBe('sleep');
    expect(describeDecisionChange({ from: target(3000), to: target(3000), sleep: false })).toEqual({
      from: 'asleep',
      to: 'wake',
    });
    expect(describeDecisionChange({ from: target(3000), to: target(2500), sleep: false }).to).toBe(
      'wake at 2,500 W target',
    );
  });

  it('says "unknown" when the device had no known setting before', () => {
    expect(describeDecisionChange({ from: null, to: target(3000), sleep: null }).from).toBe('unknown');
  });
});

describe('sameSetting', () => {
  it('compares every knob', () => {
    expect(sameSetting(fv(500, 1100), fv(500, 1100))).toBe(true);
    expect(sameSetting(fv(500, 1100), fv(500, 1150))).toBe(false);
    expect(sameSetting(null, null)).toBe(true);
    expect(sameSetting(null, target(1))).toBe(false);
  });
});
