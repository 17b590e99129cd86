import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-plain.js';

describe('formatBytes', () => {
  it('counts bytes below a kilobyte', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1,023 bytes');
  });

  it('uses 1,024 to the next unit, one decimal below 100', () => {
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(730 * 1024)).toBe('730 KB');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatBytes(128 * 1024 ** 3)).toBe('128 GB');
    expect(formatBytes(5 * 1024 ** 5)).toBe('5,120 TB');
  });

  it('shows a dash for what is not a size', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});
