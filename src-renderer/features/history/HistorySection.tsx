import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { MetricKey, RigId } from '../../../src-shared/model/index.js';
import { RIG_CHARTS, rigChartKey, rigEventsKey, rigHistoryKeys } from '../../store/history-charts.js';
import type { RigChartKind } from '../../store/history-charts.js';
import { presetWindow, windowBounds } from '../../store/history-windows.js';
import type { HistoryWindow, RangePreset, TimeBounds } from '../../store/history-windows.js';
import { useAppStore } from '../../store/store-context.js';
import { formatLogTime } from '../../ui/format-plain.js';
import { useNow } from '../../ui/use-now.js';
import { fallbackExportName } from './csv-download.js';
import { ExportButton } from './ExportButton.js';
import { HistoryChart } from './HistoryChart.js';
import { RangePicker } from './RangePicker.js';
import { ResolutionLabel } from './ResolutionLabel.js';
import { rigChartStyles } from './series-styles.js';
import type { SeriesStyle } from './series-styles.js';
import './history.css';

const CHART_TITLE: Readonly<Record<RigChartKind, string>> = {
  hashrate: 'Hashrate',
  temperature: 'Temperatures',
  power: 'Power',
  efficiency: 'Efficiency',
};

interface HistorySectionProps {
  rigId: RigId;
  /** The rig's board (or GPU) indices, joined: a string, so the section does not re-render with every reading. */
  boardKey: string;
  partLabel: string;
  powerIsEstimate: boolean;
}

/** The chart's legend; every series but the rig's own can be hidden (a dead board's flat line, say). */
function SeriesToggles({
  styles,
  hidden,
  onToggle,
  testIdPrefix,
}: {
  styles: readonly SeriesStyle[];
  hidden: ReadonlySet<MetricKey>;
  onToggle: (metric: MetricKey) => void;
  testIdPrefix: string;
}) {
  if (styles.length <= 1) return null;
  return (
    <div className="history-legend" role="group" aria-label="Series shown">
      {styles.map((style, index) =>
        index === 0 ? (
          <span key={style.metric} className="history-legend-item">
            <span className={`swatch ${style.colorClass}`} aria-hidden="true" />
            {style.label}
          </span>
        ) : (
          <button
            key={style.metric}
            type="button"
            className="history-legend-item is-toggle"
            aria-pressed={!hidden.has(style.metric)}
            data-testid={`${testIdPrefix}-${index - 1}`}
            title={hidden.has(style.metric) ? `Show ${style.label}` : `Hide ${style.label}`}
            onClick={() => onToggle(style.metric)}
          >
            <span className={`swatch ${style.colorClass}`} aria-hidden="true" />
            {style.label}
          </button>
        ),
      )}
    </div>
  );
}

/** Where the charts are zoomed to, with Back (the zoom before) and Reset (the preset's live window again). */
function ZoomBar({
  zoom,
  canGoBack,
  onBack,
  onReset,
}: {
  zoom: TimeBounds;
  canGoBack: boolean;
  onBack: () => void;
  onReset: () => void;
}) {
  // Its own clock, so the minute tick re-renders this line and not the four charts.
  const nowMs = useNow(60_000);
  return (
    <div className="history-zoom" role="status">
      <span>
        Zoomed to {formatLogTime(zoom.from, nowMs)} – {formatLogTime(zoom.to, nowMs)} (not live)
      </span>
      {canGoBack && (
        <button type="button" className="button small" data-testid="history-zoom-back" onClick={onBack}>
          Back
        </button>
      )}
      <button type="button" className="button small" data-testid="history-zoom-reset" onClick={onReset}>
        Reset zoom
      </button>
    </div>
  );
}

/**
 * A rig's History: range presets, four charts (hashrate with each board, temperatures, power, efficiency), event
 * markers, drag-to-zoom with Back and Reset, and CSV export. A preset's charts follow live readings; a zoom is a
 * fixed window in the past, fetched at whatever finer resolution the engine still keeps for it.
 */
export const HistorySection = memo(function HistorySection({
  rigId,
  boardKey,
  partLabel,
  powerIsEstimate,
}: HistorySectionProps) {
  const preset = useAppStore((state) => state.rigHistoryRange);
  const setPreset = useAppStore((state) => state.setRigHistoryRange);
  const loadRigHistory = useAppStore((state) => state.loadRigHistory);
  const releaseHistory = useAppStore((state) => state.releaseHistory);
  const showRigActivity = useAppStore((state) => state.showRigActivity);
  const events = useAppStore((state) => state.historyEvents[rigEventsKey(rigId)]?.events);
  const [zooms, setZooms] = useState<readonly TimeBounds[]>([]);
  const [hidden, setHidden] = useState<ReadonlySet<MetricKey>>(() => new Set());
  const zoom = zooms.at(-1) ?? null;
  const boardIndices = useMemo(() => (boardKey === '' ? [] : boardKey.split(',').map(Number)), [boardKey]);
  const historyWindow = useMemo<HistoryWindow>(
    () => (zoom === null ? presetWindow(preset) : { kind: 'fixed', ...zoom }),
    [zoom, preset],
  );
  const styles = useMemo(
    () =>
      Object.fromEntries(RIG_CHARTS.map((kind) => [kind, rigChartStyles(kind, boardIndices, partLabel)])) as Record<
        RigChartKind,
        SeriesStyle[]
      >,
    [boardIndices, partLabel],
  );

  useEffect(() => {
    void loadRigHistory(rigId, historyWindow, boardIndices);
  }, [rigId, historyWindow, boardIndices, loadRigHistory]);
  // Charts nobody shows are dropped, so live readings and reconnects stop fetching for them.
  useEffect(() => () => releaseHistory(rigHistoryKeys(rigId)), [rigId, releaseHistory]);

  const choosePreset = useCallback(
    (next: RangePreset) => {
      setZooms([]);
      setPreset(next);
    },
    [setPreset],
  );
  const zoomInto = useCallback((next: TimeBounds) => setZooms((stack) => [...stack, next]), []);
  const retry = useCallback(
    () => void loadRigHistory(rigId, historyWindow, boardIndices),
    [loadRigHistory, rigId, historyWindow, boardIndices],
  );
  const openAudit = useCallback(() => showRigActivity(rigId), [showRigActivity, rigId]);
  const toggle = useCallback(
    (metric: MetricKey) =>
      setHidden((current) => {
        const next = new Set(current);
        if (!next.delete(metric)) next.add(metric);
        return next;
      }),
    [],
  );
  const prepareExport = () => {
    const bounds = windowBounds(historyWindow, Date.now());
    return { request: { rigIds: [rigId], bounds }, fallbackName: fallbackExportName({ rigId }, bounds) };
  };

  return (
    <div className="history" data-testid="history-section">
      <div className="history-toolbar">
        <RangePicker value={zoom === null ? preset : null} onChange={choosePreset} testIdPrefix="history-range" />
        <ResolutionLabel chartKey={rigChartKey(rigId, 'hashrate')} testId="history-resolution" />
        <span className="history-toolbar-end">
          <ExportButton testId="history-export" prepare={prepareExport} />
        </span>
      </div>
      {zoom !== null && (
        <ZoomBar
          zoom={zoom}
          canGoBack={zooms.length > 1}
          onBack={() => setZooms((stack) => stack.slice(0, -1))}
          onReset={() => setZooms([])}
        />
      )}
      {RIG_CHARTS.map((kind) => (
        <HistoryChart
          key={kind}
          chartKey={rigChartKey(rigId, kind)}
          testId={`history-chart-${kind}`}
          title={kind === 'power' && powerIsEstimate ? 'Power (estimated)' : CHART_TITLE[kind]}
          styles={styles[kind]}
          hidden={hidden}
          {...(events === undefined ? {} : { events })}
          onMarkerClick={openAudit}
          onZoom={zoomInto}
          onRetry={retry}
          legend={
            kind === 'hashrate' || kind === 'temperature' ? (
              <SeriesToggles
                styles={styles[kind]}
                hidden={hidden}
                onToggle={toggle}
                testIdPrefix={kind === 'hashrate' ? 'history-board-toggle' : 'history-temperature-toggle'}
              />
            ) : undefined
          }
        />
      ))}
      <p className="hint">
        Drag across a chart to zoom in; markers show config changes, pool switches and the rig going down or up.
      </p>
    </div>
  );
});
