import { describe, expect, it } from 'vitest';
import { changeAsAction, describeChange, healthFigures, settingChanges } from './describe-change.js';

describe('describeChange', () => {
  it('says what each kind of change sets, with units', () => {
    expect(describeChange({ kind: 'powerTarget', watts: 3200 })).toBe('Power target → 3,200 W');
    expect(describeChange({ kind: 'frequency', mhz: 650 })).toBe('Frequency → 650 MHz');
    expect(describeChange({ kind: 'voltage', millivolts: 1350 })).toBe('Voltage → 1,350 mV');
    expect(describeChange({ kind: 'threads', count: 12 })).toBe('Threads → 12');
    expect(describeChange({ kind: 'pause' })).toBe('Pause mining');
    expect(describeChange({ kind: 'resume' })).toBe('Resume mining');
    expect(describeChange({ kind: 'restart' })).toBe('Restart');
  });

  it('names the primary pool and counts the failovers', () => {
    const pool = (url: string) => ({ url, user: 'farm.w1', password: '••••' });
    expect(describeChange({ kind: 'pools', pools: [pool('stratum+tcp://a.example:3333')] })).toBe(
      'Pools → stratum+tcp://a.example:3333',
    );
    expect(
      describeChange({ kind: 'pools', pools: [pool('stratum+tcp://a:1'), pool('stratum+tcp://b:2'), pool('x://c')] }),
    ).toBe('Pools → stratum+tcp://a:1 (+2 failovers)');
  });

  it('copes with a change it does not know or a value it cannot read', () => {
    expect(describeChange({ kind: 'fanSpeed', percent: 80 })).toBe('Change “fanSpeed”');
    expect(describeChange({ kind: 'powerTarget', watts: 'lots' })).toBe('Power target → —');
    expect(describeChange({})).toBe('Change');
  });

  it('phrases a change as an action for confirmations', () => {
    expect(changeAsAction({ kind: 'powerTarget', watts: 3000 })).toBe('set the power target to 3,000 W');
    expect(changeAsAction({ kind: 'restart' })).toBe('restart the mining software');
  });
});

describe('settingChanges', () => {
  const before = { powerTargetW: 3400, frequencyMhz: 600, voltageMv: null, threads: null, paused: false };

  it('lists the settings that moved, and always the one the change aimed at', () => {
    const rows = settingChanges({
      change: { kind: 'powerTarget', watts: 3200 },
      before,
      after: { ...before, powerTargetW: 3200, frequencyMhz: 575 },
    });
    expect(rows).toEqual([
      { key: 'powerTargetW', label: 'Power target', before: '3,400 W', after: '3,200 W' },
      { key: 'frequencyMhz', label: 'Frequency', before: '600 MHz', after: '575 MHz' },
    ]);
  });

  it('shows the targeted setting even when it did not move (a change that did not take)', () => {
    const rows = settingChanges({ change: { kind: 'powerTarget', watts: 3200 }, before, after: before });
    expect(rows).toEqual([{ key: 'powerTargetW', label: 'Power target', before: '3,400 W', after: '3,400 W' }]);
  });

  it('has no "after" when nothing was read after the change', () => {
    const rows = settingChanges({ change: { kind: 'pause' }, before, after: null });
    expect(rows).toEqual([{ key: 'paused', label: 'Mining', before: 'mining', after: '' }]);
    expect(settingChanges({ change: { kind: 'pause' }, before: null, after: null })).toEqual([]);
  });

  it('compares pools by their URLs', () => {
    const pools = (url: string) => [{ url, user: 'w', status: 'alive' }];
    const rows = settingChanges({
      change: { kind: 'pools', pools: [] },
      before: { ...before, pools: pools('stratum+tcp://old:3333') },
      after: { ...before, pools: pools('stratum+tcp://new:3333') },
    });
    expect(rows).toEqual([
      { key: 'pools', label: 'Pools', before: 'stratum+tcp://old:3333', after: 'stratum+tcp://new:3333' },
    ]);
  });

  it('gives hashrate and chip temperature as context when both readings exist', () => {
    const entry = {
      before: { hashrateThs: 110, maxChipTempC: 70 },
      after: { hashrateThs: 95.5, maxChipTempC: 66 },
    };
    expect(healthFigures(entry)).toBe('Hashrate 110.0 TH/s → 95.50 TH/s · Chip 70 °C → 66 °C');
    expect(healthFigures({ before: null, after: entry.after })).toBeNull();
  });
});
