import { describe, expect, it } from 'vitest';
import type { TelemetryStatus } from '../../src-shared/model/index.js';
import { describeStorageProblem } from './storage-problem.js';

const healthy: TelemetryStatus = {
  path: '/home/op/.rigwise/telemetry.db',
  sizeBytes: 1024,
  framesWritten: 100,
  framesPending: 0,
  framesDropped: 0,
  lastWriteAt: 1,
  oldest: { raw: 1, '1m': null, '1h': null },
  problem: null,
};
const withProblem = (problem: NonNullable<TelemetryStatus['problem']>, extra: Partial<TelemetryStatus> = {}) => ({
  ...healthy,
  ...extra,
  problem,
});

describe('the storage banner', () => {
  it('says nothing while history is kept normally', () => {
    expect(describeStorageProblem(healthy, null)).toBeNull();
    expect(describeStorageProblem(null, null)).toBeNull();
  });

  it('says a full disk stops history, not polling, and how many polls were lost', () => {
    const notice = describeStorageProblem(
      withProblem({ code: 'DISK_FULL', message: 'SQLITE_FULL', at: 5, setAsidePath: null }, { framesDropped: 1200 }),
      null,
    );
    expect(notice?.tone).toBe('bad');
    expect(notice?.text).toBe(
      'History could not be written: the disk is full. Polling goes on; history resumes when space is freed. 1,200 polls were not kept so far.',
    );
    expect(notice?.dismissAt).toBeNull();
  });

  it('names where a damaged database was set aside, as a notice the operator may dismiss', () => {
    const notice = describeStorageProblem(
      withProblem({
        code: 'CORRUPT',
        message: 'database disk image is malformed',
        at: 42,
        setAsidePath: '/home/op/.rigwise/telemetry.db.damaged-20251126',
      }),
      null,
    );
    expect(notice?.text).toBe(
      'The history database was damaged and set aside as /home/op/.rigwise/telemetry.db.damaged-20251126; a fresh one was started. Charts begin again from now.',
    );
    expect(notice).toMatchObject({ tone: 'warn', dismissAt: 42 });
  });

  it("quotes the engine's reason for a failed write without doubling its full stop", () => {
    const notice = describeStorageProblem(
      withProblem({ code: 'WRITE_FAILED', message: 'I/O error.', at: 1, setAsidePath: null }),
      null,
    );
    expect(notice?.text).toBe('History could not be written: I/O error. Polling goes on; Rigwise keeps trying.');
  });

  it('says when the history cannot answer at all', () => {
    const notice = describeStorageProblem(null, { code: 'STORAGE_ERROR', message: 'History could not be read: gone' });
    expect(notice?.text).toContain('History is not available: History could not be read: gone.');
    expect(describeStorageProblem(null, { code: 'ENGINE_UNREACHABLE', message: 'x' })).toBeNull();
  });
});
