import { memo, useMemo, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { metricUnit } from '../../../src-shared/model/index.js';
import type { HistoryEvent, MetricKey } from '../../../src-shared/model/index.js';
import type { ChartKey } from '../../store/history-charts.js';
import type { TimeBounds } from '../../store/history-windows.js';
import { useAppStore } from '../../store/store-context.js';
import { formatLogTime } from '../../ui/format-plain.js';
import { ChartOverlay, markerGlyph } from './chart-parts.js';
import { buildChartRows, countPoints, pointAt } from './chart-rows.js';
import type { ChartRow } from './chart-rows.js';
import { eventMarkers } from './event-markers.js';
import type { EventMarker } from './event-markers.js';
import { formatMetricValue } from './history-format.js';
import { HistoryTooltip, isChartRow } from './HistoryTooltip.js';
import type { SeriesStyle } from './series-styles.js';
import { formatAxisTime, timeTicks } from './time-axis.js';
import { valueAxis, valueRange } from './value-axis.js';
import { CHART_MARGIN, MIN_DRAG_PX, Y_AXIS_WIDTH, dragToWindow, msPerPixels, timeAtX } from './zoom-drag.js';

/** Markers across a chart's width at most; closer events share one (see eventMarkers). */
const MAX_MARKERS = 48;
const X_TICKS = 6;
/** With this few points the line alone is hard to read (a single point draws no line at all): dots too. */
const DOTS_UP_TO = 60;
/** A click within this many pixels of a point picks it (the newest bucket sits right at the edge). */
const CLICK_TOLERANCE_PX = 24;
const NO_HIDDEN: ReadonlySet<MetricKey> = new Set();
const NO_EVENTS: readonly HistoryEvent[] = [];

export interface HistoryChartProps {
  chartKey: ChartKey;
  testId: string;
  title: string;
  styles: readonly SeriesStyle[];
  hidden?: ReadonlySet<MetricKey>;
  events?: readonly HistoryEvent[];
  onMarkerClick?: (marker: EventMarker) => void;
  /** Set where a drag across the chart zooms into the selected window. */
  onZoom?: (selected: TimeBounds) => void;
  /** Set where a click on a point asks what is behind it (the bucket clicked). */
  onPointClick?: (bucket: TimeBounds) => void;
  /** A bucket to mark (the one whose breakdown is shown). */
  highlight?: TimeBounds | null;
  onRetry: () => void;
  legend?: ReactNode;
}

function useChartRows(chartKey: ChartKey, styles: readonly SeriesStyle[]) {
  const chart = useAppStore((state) => state.historyCharts[chartKey]);
  const series = chart?.series;
  const perPoll = chart?.perPoll ?? false;
  const bucketMs = chart?.bucketMs ?? 0;
  const rows = useMemo(
    () =>
      series === undefined
        ? []
        : buildChartRows(
            series,
            styles.map((style) => style.metric),
            perPoll,
            bucketMs,
          ),
    [series, styles, perPoll, bucketMs],
  );
  return { chart, rows };
}

/**
 * One history chart, drawn from its entry in the history slice: average lines, the min–max band of rollups, event
 * markers, and drag-to-zoom or click-for-breakdown. It re-renders only when its own entry changes.
 */
export const HistoryChart = memo(function HistoryChart({
  chartKey,
  testId,
  title,
  styles,
  hidden = NO_HIDDEN,
  events = NO_EVENTS,
  onMarkerClick,
  onZoom,
  onPointClick,
  highlight = null,
  onRetry,
  legend,
}: HistoryChartProps) {
  const { chart, rows } = useChartRows(chartKey, styles);
  const [drag, setDrag] = useState<{ startX: number; x: number; widthPx: number } | null>(null);
  const unit = metricUnit(styles[0]?.metric ?? '');
  const from = chart?.from ?? 0;
  const to = chart?.to ?? 0;
  const bounds = useMemo(() => ({ from, to }), [from, to]);
  const ticks = useMemo(() => timeTicks(bounds, X_TICKS), [bounds]);
  const markers = useMemo(
    () => eventMarkers(events, bounds, MAX_MARKERS, (t) => formatLogTime(t, to)),
    [events, bounds, to],
  );
  const points = countPoints(rows);
  const resolution = chart?.resolution ?? null;
  const bucketMs = chart?.bucketMs ?? 0;
  const perPoll = chart?.perPoll ?? false;
  const rollup = resolution !== null && !perPoll;
  const axis = useMemo(() => {
    const range = valueRange(
      rows,
      styles.map((style) => !hidden.has(style.metric)),
      styles.map((style) => rollup && style.band),
    );
    return range === null ? null : valueAxis(range.min, range.max, unit, (value) => formatMetricValue(unit, value));
  }, [rows, styles, hidden, rollup, unit]);
  const dataKeys = useMemo(
    () =>
      styles.map((_, index) => ({
        avg: (row: ChartRow) => row.avg[index] ?? null,
        band: (row: ChartRow) => {
          const min = row.min[index] ?? null;
          const max = row.max[index] ?? null;
          return min === null || max === null ? null : [min, max];
        },
      })),
    [styles],
  );

  const offsetOf = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, widthPx: rect.width };
  };
  const finish = (startX: number, endX: number, widthPx: number): void => {
    setDrag(null);
    if (Math.abs(endX - startX) >= MIN_DRAG_PX) {
      const selected = onZoom === undefined ? null : dragToWindow(startX, endX, widthPx, bounds);
      if (selected !== null) onZoom?.(selected);
      return;
    }
    if (onPointClick === undefined) return;
    const tolerance = Math.max(bucketMs, msPerPixels(CLICK_TOLERANCE_PX, widthPx, bounds));
    const row = pointAt(rows, timeAtX(endX, widthPx, bounds), bucketMs, tolerance);
    if (row !== null) onPointClick({ from: row.t, to: row.t + Math.max(bucketMs, 1000) });
  };
  const interactive = chart !== undefined && (onZoom !== undefined || onPointClick !== undefined);

  return (
    <figure
      className={`history-chart ${chart?.state === 'loading' ? 'is-loading' : ''}`}
      data-testid={testId}
      data-state={chart?.state ?? 'loading'}
      data-points={points}
      data-resolution={resolution ?? ''}
      data-from={chart?.from}
      data-to={chart?.to}
    >
      <figcaption className="history-chart-head">
        <span className="history-chart-title">{title}</span>
        {chart?.state === 'loading' && rows.length > 0 && <span className="spinner" aria-label="Updating" />}
        {legend}
      </figcaption>
      <div
        className={`history-chart-plot ${onZoom === undefined ? '' : 'is-zoomable'} ${onPointClick === undefined ? '' : 'is-clickable'}`}
        onMouseDown={
          interactive
            ? (event) => {
                if (event.button !== 0) return;
                // No text selection while dragging out a window.
                event.preventDefault();
                const { x, widthPx } = offsetOf(event);
                setDrag({ startX: x, x, widthPx });
              }
            : undefined
        }
        onMouseMove={
          drag === null || onZoom === undefined ? undefined : (event) => setDrag({ ...drag, x: offsetOf(event).x })
        }
        onMouseUp={drag === null ? undefined : (event) => finish(drag.startX, offsetOf(event).x, drag.widthPx)}
        onMouseLeave={drag === null ? undefined : () => finish(drag.startX, drag.x, drag.widthPx)}
      >
        {chart !== undefined && (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 140 }}>
            <ComposedChart data={rows} margin={CHART_MARGIN}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[bounds.from, bounds.to]}
                allowDataOverflow
                ticks={ticks}
                tickFormatter={(t: number) => formatAxisTime(t, bounds.to - bounds.from)}
                stroke="var(--border-strong)"
                tick={{ fill: 'var(--text-faint)', fontSize: 10 }}
                tickLine={false}
                minTickGap={16}
              />
              <YAxis
                width={Y_AXIS_WIDTH}
                tickFormatter={(value: number) => formatMetricValue(unit, value)}
                // Wider than the axis so a label never wraps onto two lines ("120.0 TH/s").
                tick={{ fill: 'var(--text-faint)', fontSize: 10, width: Y_AXIS_WIDTH * 2 }}
                axisLine={false}
                tickLine={false}
                {...(axis === null ? {} : { domain: axis.domain, ticks: axis.ticks })}
              />
              <Tooltip
                isAnimationActive={false}
                cursor={{ stroke: 'var(--text-faint)', strokeDasharray: '3 3' }}
                content={(props) => {
                  const row: unknown = props.payload[0]?.payload;
                  if (!props.active || !isChartRow(row)) return null;
                  return (
                    <HistoryTooltip
                      row={row}
                      styles={styles}
                      hidden={hidden}
                      unit={unit}
                      perPoll={perPoll}
                      bucketMs={bucketMs}
                      nowMs={to}
                    />
                  );
                }}
              />
              {rollup &&
                styles.map((style, index) => {
                  const band = dataKeys[index]?.band;
                  return style.band && band !== undefined && !hidden.has(style.metric) ? (
                    <Area
                      key={`band-${style.metric}`}
                      dataKey={band}
                      stroke="none"
                      fill={style.color}
                      fillOpacity={0.16}
                      isAnimationActive={false}
                      activeDot={false}
                      legendType="none"
                      tooltipType="none"
                    />
                  ) : null;
                })}
              {styles.map((style, index) => (
                <Line
                  key={style.metric}
                  dataKey={dataKeys[index]?.avg ?? ''}
                  name={style.label}
                  type="linear"
                  stroke={style.color}
                  strokeWidth={index === 0 ? 2 : 1.25}
                  dot={points <= DOTS_UP_TO && (index === 0 || points <= 2) ? { r: index === 0 ? 2 : 1.5 } : false}
                  activeDot={{ r: 3 }}
                  hide={hidden.has(style.metric)}
                  isAnimationActive={false}
                />
              ))}
              {markers.map((marker) => (
                <ReferenceLine
                  key={`${marker.t}-${marker.events.length}`}
                  x={marker.t}
                  className={`marker-line marker-${marker.kind}`}
                  stroke={`var(--marker-${marker.kind})`}
                  strokeDasharray="3 3"
                  label={markerGlyph(marker, onMarkerClick)}
                />
              ))}
              {highlight !== null && (
                <ReferenceArea x1={highlight.from} x2={highlight.to} fill="var(--accent)" fillOpacity={0.18} />
              )}
              {drag !== null && onZoom !== undefined && Math.abs(drag.x - drag.startX) >= MIN_DRAG_PX && (
                <ReferenceArea
                  x1={timeAtX(drag.startX, drag.widthPx, bounds)}
                  x2={timeAtX(drag.x, drag.widthPx, bounds)}
                  fill="var(--info)"
                  fillOpacity={0.18}
                  stroke="var(--info)"
                  strokeOpacity={0.6}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        )}
        <ChartOverlay chart={chart} empty={points === 0} hasRows={rows.length > 0} onRetry={onRetry} />
      </div>
    </figure>
  );
});
