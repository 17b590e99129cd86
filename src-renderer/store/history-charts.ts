import { boardMetricKey } from '../../src-shared/model/index.js';
import type { FleetMetric, MetricKey, RigId, RigMetric } from '../../src-shared/model/index.js';

/** The charts of a rig's History section, each one or more series of the same unit. */
export type RigChartKind = 'hashrate' | 'temperature' | 'power' | 'efficiency';
export const RIG_CHARTS: readonly RigChartKind[] = ['hashrate', 'temperature', 'power', 'efficiency'];

/** The charts of the dashboard's Fleet history panel, one fleet total each. */
export type FleetChartKind = 'hashrate' | 'power' | 'efficiency' | 'rigsUp';
export const FLEET_CHARTS: readonly FleetChartKind[] = ['hashrate', 'power', 'efficiency', 'rigsUp'];

export const FLEET_CHART_METRIC: Readonly<Record<FleetChartKind, FleetMetric>> = {
  hashrate: 'hashrate',
  power: 'power',
  efficiency: 'efficiency',
  rigsUp: 'rigsUp',
};

/**
 * "Which rigs drove this point" for each fleet chart. Rigs up has no per-rig figure, so its click ranks rigs by
 * hashrate, lowest first: the ones that were struggling in that bucket. Efficiency ranks the least efficient first.
 */
export const FLEET_BREAKDOWN: Readonly<Record<FleetChartKind, { metric: RigMetric; order: 'asc' | 'desc' }>> = {
  hashrate: { metric: 'hashrate', order: 'desc' },
  power: { metric: 'power', order: 'desc' },
  efficiency: { metric: 'efficiency', order: 'desc' },
  rigsUp: { metric: 'hashrate', order: 'asc' },
};

/**
 * Points asked for per chart: about one per pixel and a half of the plot. The rig panel is 540 px wide; the fleet
 * panel spans the dashboard.
 */
export const RIG_CHART_POINTS = 480;
export const FLEET_CHART_POINTS = 720;

/** Keys of the history slice's entries: one per chart, and one for a rig's event markers. */
export type ChartKey = string;

export function rigChartKey(rigId: RigId, kind: RigChartKind): ChartKey {
  return `rig:${rigId}:${kind}`;
}

export function fleetChartKey(kind: FleetChartKind): ChartKey {
  return `fleet:${kind}`;
}

export function rigEventsKey(rigId: RigId): string {
  return `rig:${rigId}`;
}

export function rigHistoryKeys(rigId: RigId): ChartKey[] {
  return [...RIG_CHARTS.map((kind) => rigChartKey(rigId, kind)), rigEventsKey(rigId)];
}

export function fleetHistoryKeys(): ChartKey[] {
  return FLEET_CHARTS.map(fleetChartKey);
}

/** The series of one rig chart, the rig's own figure first (the one tooltips and point counts go by). */
export function rigChartMetrics(kind: RigChartKind, boardIndices: readonly number[]): MetricKey[] {
  switch (kind) {
    case 'hashrate':
      return ['hashrate', ...boardIndices.map((index) => boardMetricKey(index, 'hashrate'))];
    case 'temperature':
      return ['chipTemp', 'boardTemp'];
    case 'power':
      return ['power'];
    case 'efficiency':
      return ['efficiency'];
  }
}
