import { describe, expect, it } from 'vitest';
import { EXPORT_ROW_BUDGET, pickExportResolution } from './history-export.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 10, 26, 13, 5);

describe('the resolution an export is asked at', () => {
  const kept = { raw: NOW - 7 * DAY, '1m': NOW - 90 * DAY, '1h': NOW - 400 * DAY };

  it('is every poll for a day of one rig, per minute for a day of fifty, hourly for a year', () => {
    const day = { from: NOW - DAY, to: NOW };
    expect(pickExportResolution({ bounds: day, rigCount: 1, pollIntervalMs: 5000, oldest: kept })).toBe('raw');
    expect(pickExportResolution({ bounds: day, rigCount: 50, pollIntervalMs: 5000, oldest: kept })).toBe('1m');
    const year = { from: NOW - 365 * DAY, to: NOW };
    expect(pickExportResolution({ bounds: year, rigCount: 1, pollIntervalMs: 5000, oldest: kept })).toBe('1h');
  });

  it('is not every poll for a window that starts before polls are still kept', () => {
    const old = { from: NOW - 10 * DAY, to: NOW - 10 * DAY + HOUR };
    expect(pickExportResolution({ bounds: old, rigCount: 1, pollIntervalMs: 5000, oldest: kept })).toBe('1m');
  });

  it('goes by the budget alone while nothing is kept yet', () => {
    const nothing = { raw: null, '1m': null, '1h': null };
    const hour = { from: NOW - HOUR, to: NOW };
    expect(pickExportResolution({ bounds: hour, rigCount: 1, pollIntervalMs: 1000, oldest: nothing })).toBe('raw');
  });

  it('is every poll on a fresh install whose first minute row is stamped before its first poll', () => {
    // Polls since 13:04:40; the minute row that sums them up starts at 13:04:00, the hour row at 13:00.
    const fresh = { raw: NOW - 20_000, '1m': NOW - 60_000, '1h': NOW - 5 * 60_000 };
    const hour = { from: NOW - HOUR, to: NOW };
    expect(pickExportResolution({ bounds: hour, rigCount: 1, pollIntervalMs: 1000, oldest: fresh })).toBe('raw');
  });

  it('goes by the data there is on a fresh install, where only polls are kept so far', () => {
    const fresh = { raw: NOW - 60_000, '1m': null, '1h': null };
    const day = { from: NOW - DAY, to: NOW };
    expect(pickExportResolution({ bounds: day, rigCount: 4, pollIntervalMs: 1000, oldest: fresh })).toBe('raw');
  });

  it('takes the coarsest kept resolution when even that exceeds the budget (the engine then truncates)', () => {
    const onlyPolls = { raw: NOW - 7 * DAY, '1m': null, '1h': null };
    const week = { from: NOW - 7 * DAY, to: NOW };
    expect(pickExportResolution({ bounds: week, rigCount: 1000, pollIntervalMs: 1000, oldest: onlyPolls })).toBe('raw');
    expect(EXPORT_ROW_BUDGET).toBeLessThan((7 * DAY) / 1000);
  });
});
