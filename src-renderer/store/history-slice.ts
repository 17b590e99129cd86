import type { ApiErrorValue, CallOutcome, EngineClient } from '../../src-shared/api/index.js';
import type {
  BreakdownRow,
  ExportResult,
  FleetPoint,
  HistoryEvent,
  MetricKey,
  Rig,
  RigId,
  RigMetric,
  SeriesPoint,
  SeriesResult,
} from '../../src-shared/model/index.js';
import { SeriesQuerySchema, defaultSettings } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import {
  FLEET_BREAKDOWN,
  FLEET_CHARTS,
  FLEET_CHART_METRIC,
  FLEET_CHART_POINTS,
  RIG_CHARTS,
  RIG_CHART_POINTS,
  fleetChartKey,
  rigChartKey,
  rigChartMetrics,
  rigEventsKey,
} from './history-charts.js';
import type { ChartKey, FleetChartKind } from './history-charts.js';
import { pickExportResolution } from './history-export.js';
import { appendToChart, isPerPoll, newestPointAt, snapshotMetricValue } from './history-series.js';
import type { ChartRequest, HistoryChart } from './history-series.js';
import { DEFAULT_RANGE, seriesQuery, windowBounds } from './history-windows.js';
import type { HistoryWindow, RangePreset, TimeBounds } from './history-windows.js';
import { liveSnapshot } from './rig-figures.js';

/** What to export: some rigs (all when left out) over a window; the resolution is picked when the export runs. */
export interface ExportRequest {
  rigIds?: readonly RigId[];
  bounds: TimeBounds;
}

/** History events drawn as markers on a rig's charts, fetched with the window the charts show. */
export interface HistoryEventsEntry {
  rigId: RigId;
  window: HistoryWindow;
  state: 'loading' | 'ready' | 'failed';
  events: readonly HistoryEvent[];
  error: ApiErrorValue | null;
  loadId: number;
}

/** The rigs behind one clicked fleet point. */
export interface FleetBreakdown {
  chart: FleetChartKind;
  metric: RigMetric;
  order: 'asc' | 'desc';
  from: number;
  to: number;
  state: 'loading' | 'ready' | 'failed';
  rows: readonly BreakdownRow[];
  error: ApiErrorValue | null;
  loadId: number;
}

/** Enough rigs to see who drove a point without turning the panel into a second fleet table. */
export const BREAKDOWN_LIMIT = 10;
/** Markers per window: more than this many events are grouped into one marker per cluster on screen anyway. */
const EVENTS_LIMIT = 500;

export interface HistorySlice {
  historyCharts: Readonly<Record<ChartKey, HistoryChart>>;
  historyEvents: Readonly<Record<string, HistoryEventsEntry>>;
  /** Shared by every rig's panel, so switching rigs keeps the range the operator was comparing over. */
  rigHistoryRange: RangePreset;
  fleetHistoryRange: RangePreset;
  fleetHistoryOpen: boolean;
  fleetBreakdown: FleetBreakdown | null;
  setRigHistoryRange: (preset: RangePreset) => void;
  setFleetHistoryRange: (preset: RangePreset) => void;
  setFleetHistoryOpen: (open: boolean) => void;
  /** Fetches one chart's series (its previous data stays on screen meanwhile). Null, or the first error value. */
  loadHistoryChart: (key: ChartKey, request: ChartRequest) => Promise<ApiErrorValue | null>;
  /** A rig's four charts and its event markers over one window. */
  loadRigHistory: (
    rigId: RigId,
    window: HistoryWindow,
    boardIndices: readonly number[],
  ) => Promise<ApiErrorValue | null>;
  loadFleetHistory: (window: HistoryWindow) => Promise<ApiErrorValue | null>;
  /** Forgets charts and markers nobody shows any more; an answer still on its way for them is dropped. */
  releaseHistory: (keys: readonly string[]) => void;
  /** Fetches every chart and marker set shown again (after a reconnect: live readings were missed meanwhile). */
  reloadHistory: () => void;
  /** Live readings from `fleet.rigUpdated`: appended to the live charts of those rigs. */
  appendRigSnapshots: (rigs: readonly Rig[]) => void;
  /** A closed fleet minute from `telemetry.fleetPoint`: appended to the live fleet charts. */
  receiveFleetPoint: (point: FleetPoint) => void;
  /** Markers the engine just recorded: added to the live charts of their rigs. */
  receiveHistoryEvents: (events: readonly HistoryEvent[]) => void;
  /** The rigs behind one bucket of a fleet chart. */
  loadFleetBreakdown: (chart: FleetChartKind, bucket: TimeBounds) => Promise<ApiErrorValue | null>;
  closeFleetBreakdown: () => void;
  /**
   * Asks the engine for a CSV at a resolution that suits the window and what is kept, and hands it to `save` (the
   * component's download). Null, or the error value.
   */
  exportHistory: (request: ExportRequest, save: (result: ExportResult) => void) => Promise<ApiErrorValue | null>;
}

/**
 * For a query the contract's SeriesQuerySchema refuses (a figure this engine's history does not keep, e.g. an older
 * engine behind a newer UI). Asking would only bring BAD_REQUEST back, and retrying cannot help.
 */
const UNASKABLE: ApiErrorValue = {
  code: 'BAD_REQUEST',
  message: "Not available yet: this version's history cannot chart this figure.",
};

export function createHistorySlice(client: EngineClient): SliceCreator<HistorySlice> {
  return (set, get) => {
    let lastLoadId = 0;
    const nextLoadId = (): number => (lastLoadId += 1);

    const putChart = (key: ChartKey, chart: HistoryChart): void =>
      set({ historyCharts: { ...get().historyCharts, [key]: chart } });

    const loadChart = async (key: ChartKey, request: ChartRequest): Promise<ApiErrorValue | null> => {
      const loadId = nextLoadId();
      const bounds = windowBounds(request.window, Date.now());
      const previous = get().historyCharts[key];
      putChart(key, {
        request,
        state: 'loading',
        error: null,
        from: bounds.from,
        to: bounds.to,
        resolution: previous?.resolution ?? null,
        bucketMs: previous?.bucketMs ?? 0,
        perPoll: previous?.perPoll ?? false,
        series: previous?.series ?? {},
        lastSampleAt: bounds.to,
        loadId,
      });
      const outcomes = await Promise.all(
        request.metrics.map((metric): Promise<CallOutcome<SeriesResult>> => {
          const query = seriesQuery(request.scope, metric, bounds, request.maxPoints);
          if (!SeriesQuerySchema.safeParse(query).success) return Promise.resolve({ error: UNASKABLE });
          return client.call('telemetry.series', query);
        }),
      );
      const current = get().historyCharts[key];
      if (current?.loadId !== loadId) return null;
      const failed = outcomes.find((outcome) => outcome.error !== undefined)?.error;
      if (failed !== undefined) {
        putChart(key, { ...current, state: 'failed', error: failed, series: {} });
        return failed;
      }
      const series: Record<MetricKey, readonly SeriesPoint[]> = {};
      request.metrics.forEach((metric, index) => (series[metric] = outcomes[index]?.data?.points ?? []));
      const primary = outcomes[0]?.data;
      const resolution = primary?.resolution ?? 'raw';
      const bucketMs = primary?.bucketMs ?? 0;
      const perPoll = isPerPoll(resolution, bucketMs, get().settings?.pollIntervalMs ?? null);
      putChart(key, {
        ...current,
        state: 'ready',
        resolution,
        bucketMs,
        perPoll,
        series,
        // Per poll: live polls take over after the newest one the engine had written. Buckets: the engine says up
        // to when its answer holds every reading (its open bucket included), so only later ones are folded in.
        lastSampleAt: perPoll ? newestPointAt(series, bounds.from) : (primary?.coveredUntil ?? bounds.to),
      });
      return null;
    };

    const loadEvents = async (rigId: RigId, window: HistoryWindow): Promise<ApiErrorValue | null> => {
      const key = rigEventsKey(rigId);
      const loadId = nextLoadId();
      const previous = get().historyEvents[key];
      const loading: HistoryEventsEntry = {
        rigId,
        window,
        state: 'loading',
        events: previous?.events ?? [],
        error: null,
        loadId,
      };
      set({ historyEvents: { ...get().historyEvents, [key]: loading } });
      const bounds = windowBounds(window, Date.now());
      const outcome = await client.call('telemetry.events', { rigId, ...bounds, limit: EVENTS_LIMIT });
      if (get().historyEvents[key]?.loadId !== loadId) return null;
      const done: HistoryEventsEntry = outcome.error
        ? { ...loading, state: 'failed', events: [], error: outcome.error }
        : { ...loading, state: 'ready', events: outcome.data };
      set({ historyEvents: { ...get().historyEvents, [key]: done } });
      return outcome.error ?? null;
    };

    const firstError = (errors: ReadonlyArray<ApiErrorValue | null>): ApiErrorValue | null =>
      errors.find((error) => error !== null) ?? null;

    return {
      historyCharts: {},
      historyEvents: {},
      rigHistoryRange: DEFAULT_RANGE,
      fleetHistoryRange: DEFAULT_RANGE,
      fleetHistoryOpen: false,
      fleetBreakdown: null,
      setRigHistoryRange: (rigHistoryRange) => set({ rigHistoryRange }),
      // A breakdown belongs to a bucket of the range it was clicked in.
      setFleetHistoryRange: (fleetHistoryRange) => set({ fleetHistoryRange, fleetBreakdown: null }),
      setFleetHistoryOpen: (fleetHistoryOpen) => set({ fleetHistoryOpen }),
      loadHistoryChart: loadChart,
      loadRigHistory: async (rigId, window, boardIndices) => {
        const errors = await Promise.all([
          ...RIG_CHARTS.map((kind) =>
            loadChart(rigChartKey(rigId, kind), {
              scope: { rigId },
              metrics: rigChartMetrics(kind, boardIndices),
              window,
              maxPoints: RIG_CHART_POINTS,
            }),
          ),
          loadEvents(rigId, window),
        ]);
        return firstError(errors);
      },
      loadFleetHistory: async (window) => {
        const errors = await Promise.all(
          FLEET_CHARTS.map((kind) =>
            loadChart(fleetChartKey(kind), {
              scope: { fleet: true },
              metrics: [FLEET_CHART_METRIC[kind]],
              window,
              maxPoints: FLEET_CHART_POINTS,
            }),
          ),
        );
        return firstError(errors);
      },
      releaseHistory: (keys) => {
        const { historyCharts, historyEvents } = get();
        if (!keys.some((key) => Object.hasOwn(historyCharts, key) || Object.hasOwn(historyEvents, key))) return;
        const charts = { ...historyCharts };
        const events = { ...historyEvents };
        for (const key of keys) {
          delete charts[key];
          delete events[key];
        }
        set({ historyCharts: charts, historyEvents: events });
      },
      reloadHistory: () => {
        const { historyCharts, historyEvents } = get();
        for (const [key, chart] of Object.entries(historyCharts)) void loadChart(key, chart.request);
        for (const entry of Object.values(historyEvents)) void loadEvents(entry.rigId, entry.window);
      },
      appendRigSnapshots: (rigs) => {
        const charts = get().historyCharts;
        const byId = new Map(rigs.map((rig) => [rig.id, rig]));
        let next: Record<ChartKey, HistoryChart> | null = null;
        for (const [key, chart] of Object.entries(charts)) {
          const { scope } = chart.request;
          const rig = 'rigId' in scope ? byId.get(scope.rigId) : undefined;
          // Only a rig that answered its poll has a reading to add; a down rig keeps its old snapshot.
          const snapshot = rig === undefined ? null : liveSnapshot(rig);
          if (snapshot === null) continue;
          const updated = appendToChart(chart, { t: snapshot.takenAt, spanMs: 0 }, (metric) =>
            snapshotMetricValue(snapshot, metric),
          );
          if (updated !== chart) (next ??= { ...charts })[key] = updated;
        }
        if (next !== null) set({ historyCharts: next });
      },
      receiveHistoryEvents: (events) => {
        const entries = get().historyEvents;
        let next: Record<string, HistoryEventsEntry> | null = null;
        for (const [key, entry] of Object.entries(entries)) {
          if (entry.state !== 'ready' || entry.window.kind !== 'live') continue;
          const known = new Set(entry.events.map((event) => event.id));
          const fresh = events.filter((event) => event.rigId === entry.rigId && !known.has(event.id));
          if (fresh.length === 0) continue;
          // Newest first, as telemetry.events answers.
          const merged = [...fresh, ...entry.events].sort((a, b) => b.t - a.t || b.id - a.id);
          (next ??= { ...entries })[key] = { ...entry, events: merged };
        }
        if (next !== null) set({ historyEvents: next });
      },
      receiveFleetPoint: (point) => {
        const charts = get().historyCharts;
        let next: Record<ChartKey, HistoryChart> | null = null;
        for (const [key, chart] of Object.entries(charts)) {
          if (!('fleet' in chart.request.scope)) continue;
          const updated = appendToChart(chart, { t: point.t, spanMs: 60_000 }, (metric) =>
            Object.hasOwn(point.values, metric) ? point.values[metric as keyof FleetPoint['values']] : undefined,
          );
          if (updated !== chart) (next ??= { ...charts })[key] = updated;
        }
        if (next !== null) set({ historyCharts: next });
      },
      loadFleetBreakdown: async (chart, bucket) => {
        const loadId = nextLoadId();
        const { metric, order } = FLEET_BREAKDOWN[chart];
        const loading: FleetBreakdown = {
          chart,
          metric,
          order,
          ...bucket,
          state: 'loading',
          rows: [],
          error: null,
          loadId,
        };
        set({ fleetBreakdown: loading });
        const outcome = await client.call('telemetry.breakdown', {
          metric,
          order,
          ...bucket,
          limit: BREAKDOWN_LIMIT,
        });
        if (get().fleetBreakdown?.loadId !== loadId) return null;
        set({
          fleetBreakdown: outcome.error
            ? { ...loading, state: 'failed', error: outcome.error }
            : { ...loading, state: 'ready', rows: outcome.data.rows },
        });
        return outcome.error ?? null;
      },
      closeFleetBreakdown: () => set({ fleetBreakdown: null }),
      exportHistory: async ({ rigIds, bounds }, save) => {
        // What is kept changes by the minute (the first rollups closing, retention pruning): asked afresh, since the
        // status from connect time may predate the first poll written.
        const status = await client.call('telemetry.status', {});
        if (status.data) get().receiveTelemetryStatus(status.data);
        const { settings, rigsById, telemetryStatus } = get();
        const resolution = pickExportResolution({
          bounds,
          rigCount: rigIds?.length ?? Object.keys(rigsById).length,
          pollIntervalMs: settings?.pollIntervalMs ?? defaultSettings().pollIntervalMs,
          oldest: telemetryStatus?.oldest ?? null,
        });
        const outcome = await client.call('telemetry.export', {
          ...(rigIds === undefined ? {} : { rigIds: [...rigIds] }),
          ...bounds,
          resolution,
        });
        if (outcome.error) return outcome.error;
        save(outcome.data);
        return null;
      },
    };
  };
}
