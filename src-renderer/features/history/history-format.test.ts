import { describe, expect, it } from 'vitest';
import { describePoint, describeResolution, formatBucketTime, formatMetricValue } from './history-format.js';

describe('history in words', () => {
  it('names the resolution the engine picked', () => {
    expect(describeResolution('raw', 5000, true)).toBe('each poll (every 5s)');
    expect(describeResolution('raw', 10_000, false)).toBe('10s averages of each poll');
    expect(describeResolution('1m', 60_000, false)).toBe('1-minute averages');
    expect(describeResolution('1m', 180_000, false)).toBe('3-minute averages');
    expect(describeResolution('1h', 3_600_000, false)).toBe('1-hour averages');
    expect(describeResolution('1h', 14_400_000, false)).toBe('4-hour averages');
  });

  it('formats each unit through the shared unit formatters', () => {
    expect(formatMetricValue('hashrate', 110.794)).toBe('110.8 TH/s');
    expect(formatMetricValue('power', 3250)).toBe('3,250 W');
    expect(formatMetricValue('efficiency', 29.54)).toBe('29.5 J/TH');
    expect(formatMetricValue('temperature', 71.6)).toBe('72 °C');
    expect(formatMetricValue('percent', 45)).toBe('45%');
    expect(formatMetricValue('count', 11.5)).toBe('11.5');
    expect(formatMetricValue('hashrate', null)).toBe('—');
  });

  it('shows a rollup as its average with the spread under it, and a poll as its value alone', () => {
    const point = { avg: 100, min: 95.5, max: 104.25 };
    expect(describePoint('hashrate', point, true)).toEqual({ value: '100.0 TH/s', range: '95.50 TH/s – 104.3 TH/s' });
    expect(describePoint('hashrate', point, false)).toEqual({ value: '100.0 TH/s', range: null });
    // A spread that rounds to nothing is not worth a second figure.
    expect(describePoint('temperature', { avg: 70.2, min: 70.1, max: 70.3 }, true).range).toBeNull();
  });

  it("gives a bucket's start and end, and a poll's moment alone", () => {
    const t = new Date(2025, 10, 26, 14, 30, 0).getTime();
    expect(formatBucketTime(t, 5000, true, t)).not.toContain('–');
    const bucket = formatBucketTime(t, 60_000, false, t);
    expect(bucket.split(' – ')).toHaveLength(2);
    expect(bucket).toMatch(/30.*31/);
  });
});
