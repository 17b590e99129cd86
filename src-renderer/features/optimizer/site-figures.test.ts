import { describe, expect, it } from 'vitest';
import { powerBar } from './site-figures.js';

describe('powerBar', () => {
  it('fills the bar by the share of the cap in use, and the planned mark likewise', () => {
    expect(powerBar({ capW: 30_000, measuredPowerW: 24_000, plannedPowerW: 27_000 })).toEqual({
      measuredShare: 0.8,
      plannedShare: 0.9,
      over: false,
    });
  });

  it('is full and over when the site draws more than its cap', () => {
    expect(powerBar({ capW: 30_000, measuredPowerW: 31_000, plannedPowerW: null })).toEqual({
      measuredShare: 1,
      plannedShare: null,
      over: true,
    });
  });

  it('has nothing to fill without a cap, and is never over one', () => {
    expect(powerBar({ capW: null, measuredPowerW: 31_000, plannedPowerW: 30_000 })).toEqual({
      measuredShare: null,
      plannedShare: null,
      over: false,
    });
  });
});
