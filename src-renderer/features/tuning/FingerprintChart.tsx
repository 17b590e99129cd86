import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DeviceSetting, Fingerprint } from '../../../src-shared/model/optimizer.js';
import { formatPlainNumber } from '../../ui/format-plain.js';
import { fingerprintChart } from './fingerprint-chart.js';
import type { ChartMarker, FingerprintChartModel } from './fingerprint-chart.js';
import { FingerprintTooltip, isChartPoint } from './FingerprintTooltip.js';
import type { ValueAxis } from '../history/value-axis.js';

const MARGIN = { top: 14, right: 12, bottom: 22, left: 6 };
const AXIS_WIDTH = 52;
const TICK = { fill: 'var(--text-faint)', fontSize: 10 };
const AXIS_LABEL = { fill: 'var(--text-muted)', fontSize: 10 };

const MARKER_STYLE: Readonly<Record<ChartMarker['kind'], { color: string; r: number; label: string; dash?: string }>> =
  {
    current: { color: 'var(--fp-current)', r: 7, label: 'now' },
    best: { color: 'var(--fp-best)', r: 10, label: 'best', dash: '3 2' },
  };

/** A measured point: solid in its series' colour. recharts hands shapes possibly-undefined pixel positions. */
function solidDot(color: string) {
  return function SolidDot(props: { cx?: number | undefined; cy?: number | undefined }): ReactNode {
    if (props.cx === undefined || props.cy === undefined) return null;
    return <circle cx={props.cx} cy={props.cy} r={3.5} fill={color} />;
  };
}

/** A point the device could not hold: hollow and red, whatever its series. */
function HollowDot(props: { cx?: number | undefined; cy?: number | undefined }): ReactNode {
  if (props.cx === undefined || props.cy === undefined) return null;
  return <circle cx={props.cx} cy={props.cy} r={4} fill="var(--bg-raised)" stroke="var(--bad)" strokeWidth={1.5} />;
}

function Legend({ model }: { model: FingerprintChartModel }) {
  const markerKinds = new Set(model.markers.map((marker) => marker.kind));
  const hasUnstable = model.series.some((series) => series.unstable.length > 0);
  return (
    <ul className="fingerprint-legend" aria-label="Legend">
      {model.series.map((series) => (
        <li key={series.key}>
          <span className={`fp-swatch ${series.colorClass}`} aria-hidden="true" />
          {series.label}
          {model.rightLabel !== null && <span className="muted"> ({series.axis === 'left' ? 'left' : 'right'})</span>}
        </li>
      ))}
      {hasUnstable && (
        <li>
          <span className="fp-swatch fp-unstable" aria-hidden="true" />
          unstable
        </li>
      )}
      {markerKinds.has('current') && (
        <li>
          <span className="fp-ring fp-ring-current" aria-hidden="true" />
          now
        </li>
      )}
      {markerKinds.has('best') && (
        <li>
          <span className="fp-ring fp-ring-best" aria-hidden="true" />
          best for the objective
        </li>
      )}
    </ul>
  );
}

/** Round ticks over everything drawn (fingerprint-chart.ts); recharts' own domain when there is nothing to span. */
function axisProps(axis: ValueAxis | null) {
  return axis === null ? { domain: ['auto', 'auto'] as const } : { domain: axis.domain, ticks: axis.ticks };
}

function markerElement(marker: ChartMarker) {
  const style = MARKER_STYLE[marker.kind];
  const label = { value: style.label, position: 'top' as const, fill: style.color, fontSize: 10 };
  // Never measured at exactly this setting: there is no efficiency to put it at, so a line marks the clock or target.
  if (marker.y === null) {
    return (
      <ReferenceLine
        key={marker.kind}
        x={marker.x}
        yAxisId="left"
        stroke={style.color}
        strokeDasharray={style.dash ?? '4 3'}
        label={label}
      />
    );
  }
  return (
    <ReferenceDot
      key={marker.kind}
      x={marker.x}
      y={marker.y}
      yAxisId="left"
      r={style.r}
      fill="none"
      stroke={style.color}
      strokeWidth={2}
      strokeDasharray={style.dash}
      label={label}
    />
  );
}

interface FingerprintChartProps {
  fingerprint: Fingerprint;
  current: DeviceSetting | null;
  best: DeviceSetting | null;
  loading: boolean;
}

/**
 * A device's learned curve: efficiency against its knob (per voltage, or with hashrate for a power target), unstable
 * points hollow and red, the current and best settings ringed. Colours are CSS variables from tuning.css.
 */
export const FingerprintChart = memo(function FingerprintChart({
  fingerprint,
  current,
  best,
  loading,
}: FingerprintChartProps) {
  const model = useMemo(() => fingerprintChart(fingerprint, current, best), [fingerprint, current, best]);
  return (
    <figure
      className={`fingerprint-chart ${loading ? 'is-loading' : ''}`}
      data-testid="fingerprint-chart"
      data-state={loading ? 'loading' : 'ready'}
      data-knob={model.knob}
      data-version={fingerprint.version}
      data-points={model.pointCount}
    >
      <figcaption className="fingerprint-head">
        <span className="fingerprint-title">
          {model.knob === 'frequency-voltage'
            ? 'Efficiency by clock and voltage'
            : 'Efficiency and hashrate by power target'}
        </span>
        <Legend model={model} />
      </figcaption>
      <div className="fingerprint-plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 220 }}>
          <ScatterChart margin={MARGIN}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
            <XAxis
              type="number"
              dataKey="x"
              {...axisProps(model.xAxis)}
              tickFormatter={(value: number) => formatPlainNumber(value)}
              tick={TICK}
              stroke="var(--border-strong)"
              tickLine={false}
              label={{ ...AXIS_LABEL, value: model.xLabel, position: 'insideBottom', offset: -12 }}
            />
            <YAxis
              yAxisId="left"
              type="number"
              dataKey="y"
              {...axisProps(model.leftAxis)}
              width={AXIS_WIDTH}
              tickFormatter={(value: number) => formatPlainNumber(value)}
              tick={TICK}
              axisLine={false}
              tickLine={false}
              label={{ ...AXIS_LABEL, value: model.leftLabel, angle: -90, position: 'insideLeft' }}
            />
            {model.rightLabel !== null && (
              <YAxis
                yAxisId="right"
                orientation="right"
                type="number"
                dataKey="y"
                {...axisProps(model.rightAxis)}
                width={AXIS_WIDTH}
                tickFormatter={(value: number) => formatPlainNumber(value)}
                tick={TICK}
                axisLine={false}
                tickLine={false}
                label={{ ...AXIS_LABEL, value: model.rightLabel, angle: 90, position: 'insideRight' }}
              />
            )}
            <Tooltip
              isAnimationActive={false}
              cursor={{ stroke: 'var(--text-faint)', strokeDasharray: '3 3' }}
              content={(props) => {
                const datum: unknown = props.payload[0]?.payload;
                return props.active && isChartPoint(datum) ? <FingerprintTooltip datum={datum} /> : null;
              }}
            />
            {model.series.flatMap((series) => [
              <Scatter
                key={series.key}
                name={series.label}
                data={series.stable}
                yAxisId={series.axis}
                fill={series.color}
                line={{ stroke: series.color, strokeWidth: 1.5 }}
                shape={solidDot(series.color)}
                isAnimationActive={false}
              />,
              <Scatter
                key={`${series.key}-unstable`}
                name={`${series.label} (unstable)`}
                data={series.unstable}
                yAxisId={series.axis}
                fill="var(--bad)"
                shape={HollowDot}
                legendType="none"
                isAnimationActive={false}
              />,
            ])}
            {model.markers.map(markerElement)}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
