import { parseMetricKey } from '../../../src-shared/model/index.js';
import type { MetricKey } from '../../../src-shared/model/index.js';
import { FLEET_CHART_METRIC, rigChartMetrics } from '../../store/history-charts.js';
import type { FleetChartKind, RigChartKind } from '../../store/history-charts.js';

/** How one series is drawn and named. Colours are CSS variables from history.css (the CSP allows no inline styles). */
export interface SeriesStyle {
  metric: MetricKey;
  label: string;
  /** For SVG strokes and fills. */
  color: string;
  /** For HTML swatches (legend, tooltip). */
  colorClass: string;
  /** Draw the min–max band of rollup buckets under the line. */
  band: boolean;
}

/** Distinct colours for boards or GPUs; a rig with more parts reuses them in order. */
const PART_COLOURS = 8;

function style(metric: MetricKey, label: string, colour: string, band = false): SeriesStyle {
  return { metric, label, color: `var(--series-${colour})`, colorClass: `series-${colour}`, band };
}

const RIG_METRIC_STYLE: Readonly<Record<string, { label: string; colour: string }>> = {
  hashrate: { label: 'Total', colour: 'total' },
  chipTemp: { label: 'Chip max', colour: 'chip' },
  boardTemp: { label: 'Board max', colour: 'board' },
  power: { label: 'Power', colour: 'power' },
  efficiency: { label: 'Efficiency', colour: 'efficiency' },
};

/**
 * The series of a rig chart in the order the chart asks for them (rigChartMetrics), the rig's own figure first with
 * its band; each board or GPU gets its own colour.
 */
export function rigChartStyles(kind: RigChartKind, boardIndices: readonly number[], partLabel: string): SeriesStyle[] {
  return rigChartMetrics(kind, boardIndices).map((metric, index) => {
    const parsed = parseMetricKey(metric);
    if (parsed?.kind === 'board') {
      return style(metric, `${partLabel} ${parsed.index + 1}`, `part-${parsed.index % PART_COLOURS}`);
    }
    const known = RIG_METRIC_STYLE[metric] ?? { label: metric, colour: 'total' };
    return style(metric, known.label, known.colour, index === 0);
  });
}

const FLEET_STYLE: Readonly<Record<FleetChartKind, { label: string; colour: string }>> = {
  hashrate: { label: 'Hashrate', colour: 'total' },
  power: { label: 'Power', colour: 'power' },
  efficiency: { label: 'Efficiency', colour: 'efficiency' },
  rigsUp: { label: 'Rigs up', colour: 'rigs' },
};

export function fleetChartStyles(kind: FleetChartKind): SeriesStyle[] {
  const { label, colour } = FLEET_STYLE[kind];
  return [style(FLEET_CHART_METRIC[kind], label, colour, true)];
}
