import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { HistoryChart } from '../../store/history-series.js';
import type { EventMarker } from './event-markers.js';

/**
 * An event marker's head, drawn by recharts as the ReferenceLine's label at the top of the line. Its SVG <title> is
 * the tooltip (no inline script or style needed); a config change's marker opens its audit entry.
 */
export function markerGlyph(marker: EventMarker, onClick: ((marker: EventMarker) => void) | undefined) {
  return function MarkerGlyph(props: { viewBox?: { x?: number; y?: number } }) {
    const x = props.viewBox?.x ?? 0;
    const y = props.viewBox?.y ?? 0;
    const clickable = onClick !== undefined && marker.auditId !== null;
    return (
      <g
        className={`history-marker marker-${marker.kind} ${clickable ? 'is-clickable' : ''}`}
        transform={`translate(${x}, ${y})`}
        onClick={clickable ? () => onClick(marker) : undefined}
        data-testid="history-marker"
        data-kind={marker.kind}
      >
        <title>{marker.title}</title>
        <rect x={-6} y={-2} width={12} height={12} fill="transparent" />
        <path d="M-4 0 H4 L0 6 Z" />
      </g>
    );
  };
}

interface ChartOverlayProps {
  chart: Pick<HistoryChart, 'state' | 'error'> | undefined;
  /** The first series has no point with a value. */
  empty: boolean;
  /** Rows are on screen (the previous window's, while the next one loads). */
  hasRows: boolean;
  onRetry: () => void;
}

function FailedOverlay({ error, onRetry }: { error: ApiErrorValue; onRetry: () => void }) {
  // A refused query is not something the operator can retry or fix: said quietly, without an error code.
  if (error.code === 'BAD_REQUEST') return <div className="history-chart-overlay is-empty">{error.message}</div>;
  return (
    <div className="history-chart-overlay is-failed" role="alert">
      <span className="error-code">{error.code}</span>
      <span className="history-chart-error">{error.message}</span>
      <button type="button" className="button small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/** What the plot says instead of (or over) lines: loading, the engine's error with Retry, or an empty range. */
export function ChartOverlay({ chart, empty, hasRows, onRetry }: ChartOverlayProps) {
  if (chart === undefined || (chart.state === 'loading' && !hasRows)) {
    return (
      <div className="history-chart-overlay" role="status">
        <span className="spinner" aria-hidden="true" /> Loading…
      </div>
    );
  }
  if (chart.state === 'failed' && chart.error !== null) return <FailedOverlay error={chart.error} onRetry={onRetry} />;
  if (chart.state === 'ready' && empty) {
    return <div className="history-chart-overlay is-empty">Nothing recorded in this range.</div>;
  }
  return null;
}
