import { describe, expect, it } from 'vitest';
import { AT, fv, makeFingerprintResult, makePoint, target } from '../../test-support/optimizer-fixtures.js';
import { fingerprintChart } from './fingerprint-chart.js';

function fingerprintOf(result: ReturnType<typeof makeFingerprintResult>) {
  if (result.fingerprint === null) throw new Error('fixture has no fingerprint');
  return result.fingerprint;
}

describe('fingerprintChart: frequency and voltage', () => {
  const points = [
    makePoint(fv(550, 1100), { efficiencyJPerTh: 16 }),
    makePoint(fv(500, 1100), { efficiencyJPerTh: 15 }),
    makePoint(fv(500, 1000), { efficiencyJPerTh: 14 }),
    makePoint(fv(575, 1000), { efficiencyJPerTh: 20, stable: false, instability: 'board 0 lost 4 % of its hashrate' }),
  ];
  const fingerprint = fingerprintOf(makeFingerprintResult(points));

  it('draws efficiency against clock with one series per voltage, lowest voltage first', () => {
    const model = fingerprintChart(fingerprint, null, null);
    expect(model.xLabel).toBe('Frequency (MHz)');
    expect(model.rightLabel).toBeNull();
    expect(model.series.map((series) => series.label)).toEqual(['1,000 mV', '1,100 mV']);
    expect(model.series[1]?.stable.map((p) => [p.x, p.y])).toEqual([
      [500, 15],
      [550, 16],
    ]);
  });

  it('keeps unstable points apart, off the line, with their reason', () => {
    const model = fingerprintChart(fingerprint, null, null);
    expect(model.series[0]?.stable.map((p) => p.x)).toEqual([500]);
    expect(model.series[0]?.unstable.map((p) => p.point.instability)).toEqual(['board 0 lost 4 % of its hashrate']);
  });

  it('marks the current setting on its measured point and a never-measured best one as a line', () => {
    const model = fingerprintChart(fingerprint, fv(500, 1000), fv(525, 1000));
    expect(model.markers).toEqual([
      { kind: 'best', x: 525, y: null },
      { kind: 'current', x: 500, y: 14 },
    ]);
  });

  it('spans its axes over unstable points and a marker never measured, on round ticks', () => {
    const model = fingerprintChart(fingerprint, null, fv(600, 1000));
    expect(model.xAxis?.domain[0]).toBeLessThanOrEqual(500);
    expect(model.xAxis?.domain[1]).toBeGreaterThanOrEqual(600);
    expect(model.leftAxis?.domain[1]).toBeGreaterThanOrEqual(20);
    expect(model.xAxis?.ticks.every((tick) => tick % 25 === 0)).toBe(true);
  });

  it('counts a setting measured twice once, at its newest measurement', () => {
    const again = [...points, makePoint(fv(500, 1100), { efficiencyJPerTh: 14.5, measuredAt: AT + 60_000 })];
    const model = fingerprintChart(fingerprintOf(makeFingerprintResult(again)), null, null);
    expect(model.pointCount).toBe(4);
    expect(model.series[1]?.stable[0]?.y).toBe(14.5);
  });
});

describe('fingerprintChart: power target', () => {
  const points = [
    makePoint(target(3000), { efficiencyJPerTh: 21, hashrateThs: 140 }),
    makePoint(target(2500), { efficiencyJPerTh: 19.5, hashrateThs: 128 }),
  ];
  const fingerprint = fingerprintOf(makeFingerprintResult(points, {}, 'power-target'));

  it('draws efficiency and hashrate against the power target, on two axes', () => {
    const model = fingerprintChart(fingerprint, target(2500), null);
    expect(model.xLabel).toBe('Power target (W)');
    expect(model.rightLabel).toBe('Hashrate (TH/s)');
    expect(model.series.map((series) => [series.key, series.axis])).toEqual([
      ['efficiency', 'left'],
      ['hashrate', 'right'],
    ]);
    expect(model.series[1]?.stable.map((p) => [p.x, p.y])).toEqual([
      [2500, 128],
      [3000, 140],
    ]);
    expect(model.markers).toEqual([{ kind: 'current', x: 2500, y: 19.5 }]);
  });
});
