import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-shared/model/index.js';
import { suggestedScanRange } from './scan-range.js';

const demoInfo = { version: '0.1.0', shell: 'headless' as const, demo: true, demoRange: '127.0.1.10-127.0.1.60' };

describe('suggestedScanRange', () => {
  it('offers the range this farm scanned last', () => {
    expect(suggestedScanRange({ ...defaultSettings(), lastScanRange: '127.0.9.0/24' }, demoInfo)).toBe('127.0.9.0/24');
  });

  it("offers the simulator's range in demo mode when nothing was scanned yet", () => {
    expect(suggestedScanRange(defaultSettings(), demoInfo)).toBe('127.0.1.10-127.0.1.60');
  });

  it('offers nothing outside demo mode when nothing was scanned yet', () => {
    expect(suggestedScanRange(defaultSettings(), { ...demoInfo, demo: false })).toBe('');
    expect(suggestedScanRange(null, null)).toBe('');
  });
});
