import type { DeviceSetting, Fingerprint, FingerprintPoint, TuningKnob } from '../../../src-shared/model/optimizer.js';
import { formatVoltage } from '../../../src-shared/units.js';
import { sameSetting } from '../../ui/describe-tuning.js';
import { formatPlainNumber } from '../../ui/format-plain.js';
import { valueAxis } from '../history/value-axis.js';
import type { ValueAxis } from '../history/value-axis.js';

// What the fingerprint chart draws, worked out from the engine's points: series, axes and the two marked settings.

export type AxisId = 'left' | 'right';

/** One measured point where the chart puts it. */
export interface ChartPoint {
  x: number;
  y: number;
  point: FingerprintPoint;
}

export interface ChartSeries {
  key: string;
  label: string;
  axis: AxisId;
  /** CSS variable for strokes and fills, and the class for HTML swatches (tuning.css). */
  color: string;
  colorClass: string;
  /** Drawn as a line with solid dots. */
  stable: ChartPoint[];
  /** Drawn as hollow red dots, off the line: the device could not hold these settings. */
  unstable: ChartPoint[];
}

/** The setting it runs at now, or the objective's pick: a ring on the curve, or a vertical line if never measured. */
export interface ChartMarker {
  kind: 'current' | 'best';
  x: number;
  /** On the efficiency axis; null when no point was measured at exactly this setting. */
  y: number | null;
}

export interface FingerprintChartModel {
  knob: TuningKnob;
  xLabel: string;
  leftLabel: string;
  /** The hashrate axis of a power-target device; null for frequency-voltage. */
  rightLabel: string | null;
  series: ChartSeries[];
  markers: ChartMarker[];
  /** Round ticks over every point, stable or not, and both markers: nothing drawn falls off the plot. */
  xAxis: ValueAxis | null;
  leftAxis: ValueAxis | null;
  rightAxis: ValueAxis | null;
  pointCount: number;
}

/** Distinct colours for voltages; a device measured at more reuses them in order. */
const SERIES_COLOURS = 8;

function colour(name: string): Pick<ChartSeries, 'color' | 'colorClass'> {
  return { color: `var(--fp-${name})`, colorClass: `fp-${name}` };
}

function settingKey(setting: DeviceSetting): string {
  return `${setting.frequencyMhz ?? ''}|${setting.voltageMv ?? ''}|${setting.powerTargetW ?? ''}`;
}

/** A setting measured again (after a retune, a new season) counts once, at its newest measurement. */
function newestPerSetting(points: readonly FingerprintPoint[]): FingerprintPoint[] {
  const newest = new Map<string, FingerprintPoint>();
  for (const point of points) {
    const key = settingKey(point.setting);
    const held = newest.get(key);
    if (held === undefined || point.measuredAt >= held.measuredAt) newest.set(key, point);
  }
  return [...newest.values()];
}

function split(points: readonly ChartPoint[]): Pick<ChartSeries, 'stable' | 'unstable'> {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  return { stable: sorted.filter((p) => p.point.stable), unstable: sorted.filter((p) => !p.point.stable) };
}

function frequencyVoltageSeries(points: readonly FingerprintPoint[]): ChartSeries[] {
  const byVoltage = new Map<number | null, ChartPoint[]>();
  for (const point of points) {
    const { frequencyMhz, voltageMv } = point.setting;
    if (frequencyMhz === null) continue;
    const list = byVoltage.get(voltageMv) ?? [];
    list.push({ x: frequencyMhz, y: point.efficiencyJPerTh, point });
    byVoltage.set(voltageMv, list);
  }
  return [...byVoltage]
    .sort(([a], [b]) => (a ?? -1) - (b ?? -1))
    .map(([voltageMv, list], index) => ({
      key: `v-${voltageMv ?? 'stock'}`,
      label: voltageMv === null ? 'stock voltage' : formatVoltage(voltageMv),
      axis: 'left',
      ...colour(String(index % SERIES_COLOURS)),
      ...split(list),
    }));
}

function powerTargetSeries(points: readonly FingerprintPoint[]): ChartSeries[] {
  const measured = points.flatMap((point) =>
    point.setting.powerTargetW === null ? [] : [{ x: point.setting.powerTargetW, point }],
  );
  return [
    {
      key: 'efficiency',
      label: 'Efficiency',
      axis: 'left',
      ...colour('efficiency'),
      ...split(measured.map((m) => ({ ...m, y: m.point.efficiencyJPerTh }))),
    },
    {
      key: 'hashrate',
      label: 'Hashrate',
      axis: 'right',
      ...colour('hashrate'),
      ...split(measured.map((m) => ({ ...m, y: m.point.hashrateThs }))),
    },
  ];
}

function marker(
  kind: ChartMarker['kind'],
  setting: DeviceSetting | null,
  knob: TuningKnob,
  points: readonly FingerprintPoint[],
): ChartMarker[] {
  if (setting === null) return [];
  const x = knob === 'frequency-voltage' ? setting.frequencyMhz : setting.powerTargetW;
  if (x === null) return [];
  const measured = points.find((point) => sameSetting(point.setting, setting));
  return [{ kind, x, y: measured?.efficiencyJPerTh ?? null }];
}

function range(values: readonly number[]): { min: number; max: number } | null {
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}

function axis(values: readonly number[], unit: 'mhz' | 'power' | 'efficiency' | 'hashrate'): ValueAxis | null {
  const span = range(values);
  return span === null ? null : valueAxis(span.min, span.max, unit, formatPlainNumber, 5);
}

function axesOf(series: readonly ChartSeries[], markers: readonly ChartMarker[], knob: TuningKnob) {
  const drawn = series.flatMap((one) => [...one.stable, ...one.unstable].map((point) => ({ axis: one.axis, point })));
  const on = (side: AxisId) => drawn.filter((entry) => entry.axis === side).map((entry) => entry.point.y);
  return {
    xAxis: axis(
      [...drawn.map((entry) => entry.point.x), ...markers.map((marker) => marker.x)],
      knob === 'frequency-voltage' ? 'mhz' : 'power',
    ),
    leftAxis: axis(
      [...on('left'), ...markers.flatMap((marker) => (marker.y === null ? [] : [marker.y]))],
      'efficiency',
    ),
    rightAxis: knob === 'frequency-voltage' ? null : axis(on('right'), 'hashrate'),
  };
}

/**
 * Frequency-voltage devices: efficiency (J/TH) against clock, one series per core voltage. Power-target devices:
 * efficiency and hashrate against the power target, on two axes. Markers for the current and the best setting.
 */
export function fingerprintChart(
  fingerprint: Fingerprint,
  current: DeviceSetting | null,
  best: DeviceSetting | null,
): FingerprintChartModel {
  const points = newestPerSetting(fingerprint.points);
  const frequencyVoltage = fingerprint.knob === 'frequency-voltage';
  const series = frequencyVoltage ? frequencyVoltageSeries(points) : powerTargetSeries(points);
  const markers = [
    ...marker('best', best, fingerprint.knob, points),
    ...marker('current', current, fingerprint.knob, points),
  ];
  return {
    knob: fingerprint.knob,
    xLabel: frequencyVoltage ? 'Frequency (MHz)' : 'Power target (W)',
    leftLabel: 'Efficiency (J/TH)',
    rightLabel: frequencyVoltage ? null : 'Hashrate (TH/s)',
    series,
    markers,
    ...axesOf(series, markers, fingerprint.knob),
    pointCount: points.length,
  };
}
