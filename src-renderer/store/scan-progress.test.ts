import { describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../src-shared/model/index.js';
import { mergeScanProgress } from './scan-progress.js';

function progress(overrides: Partial<ScanProgress>): ScanProgress {
  return {
    scanId: 'scan-1',
    range: '127.0.1.0/24',
    state: 'running',
    probed: 0,
    total: 256,
    found: 0,
    startedAt: 1000,
    finishedAt: null,
    error: null,
    ...overrides,
  };
}

describe('mergeScanProgress', () => {
  it('takes the first report', () => {
    const first = progress({});
    expect(mergeScanProgress(null, first)).toBe(first);
  });

  it('does not let a late running report go backwards', () => {
    const newer = progress({ probed: 120 });
    expect(mergeScanProgress(newer, progress({ probed: 0 }))).toBe(newer);
  });

  it('never replaces a finished scan with a running report of the same scan', () => {
    const done = progress({ state: 'done', probed: 256, finishedAt: 2000 });
    expect(mergeScanProgress(done, progress({ probed: 200 }))).toBe(done);
  });

  it('moves to a final state whatever the probed count', () => {
    const cancelled = progress({ state: 'cancelled', probed: 40, finishedAt: 1500 });
    expect(mergeScanProgress(progress({ probed: 50 }), cancelled)).toBe(cancelled);
  });

  it('switches to a newer scan and ignores reports from an older one', () => {
    const old = progress({ state: 'done', finishedAt: 2000 });
    const next = progress({ scanId: 'scan-2', startedAt: 3000 });
    expect(mergeScanProgress(old, next)).toBe(next);
    expect(mergeScanProgress(next, old)).toBe(next);
  });
});
