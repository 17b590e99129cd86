import { useCallback, useEffect, useMemo } from 'react';
import { FLEET_CHARTS, fleetChartKey, fleetHistoryKeys } from '../../store/history-charts.js';
import type { FleetChartKind } from '../../store/history-charts.js';
import { presetWindow, windowBounds } from '../../store/history-windows.js';
import type { RangePreset, TimeBounds } from '../../store/history-windows.js';
import { useAppStore } from '../../store/store-context.js';
import { ChartIcon, ChevronIcon } from '../../ui/icons.js';
import { fallbackExportName } from './csv-download.js';
import { ExportButton } from './ExportButton.js';
import { FleetBreakdown } from './FleetBreakdown.js';
import { HistoryChart } from './HistoryChart.js';
import { RangePicker } from './RangePicker.js';
import { ResolutionLabel } from './ResolutionLabel.js';
import { fleetChartStyles } from './series-styles.js';
import './history.css';

const CHART_TITLE: Readonly<Record<FleetChartKind, string>> = {
  hashrate: 'Total hashrate',
  power: 'Total power',
  efficiency: 'Efficiency',
  rigsUp: 'Rigs up',
};

const STYLES = Object.fromEntries(FLEET_CHARTS.map((kind) => [kind, fleetChartStyles(kind)])) as Record<
  FleetChartKind,
  ReturnType<typeof fleetChartStyles>
>;

function FleetChart({ kind }: { kind: FleetChartKind }) {
  const loadFleetBreakdown = useAppStore((state) => state.loadFleetBreakdown);
  const loadFleetHistory = useAppStore((state) => state.loadFleetHistory);
  const preset = useAppStore((state) => state.fleetHistoryRange);
  const breakdown = useAppStore((state) => state.fleetBreakdown);
  const highlight = useMemo(
    () => (breakdown?.chart === kind ? { from: breakdown.from, to: breakdown.to } : null),
    [breakdown, kind],
  );
  const onPointClick = useCallback(
    (bucket: TimeBounds) => void loadFleetBreakdown(kind, bucket),
    [loadFleetBreakdown, kind],
  );
  const retry = useCallback(() => void loadFleetHistory(presetWindow(preset)), [loadFleetHistory, preset]);
  return (
    <HistoryChart
      chartKey={fleetChartKey(kind)}
      testId={`fleet-history-chart-${kind}`}
      title={CHART_TITLE[kind]}
      styles={STYLES[kind]}
      onPointClick={onPointClick}
      highlight={highlight}
      onRetry={retry}
    />
  );
}

/** The charts and the breakdown: mounted only while the panel is open, so a closed panel fetches nothing. */
function FleetHistoryBody({ preset }: { preset: RangePreset }) {
  const loadFleetHistory = useAppStore((state) => state.loadFleetHistory);
  const releaseHistory = useAppStore((state) => state.releaseHistory);
  useEffect(() => {
    void loadFleetHistory(presetWindow(preset));
  }, [loadFleetHistory, preset]);
  useEffect(() => () => releaseHistory(fleetHistoryKeys()), [releaseHistory]);
  return (
    <>
      <div className="fleet-history-charts">
        {FLEET_CHARTS.map((kind) => (
          <FleetChart key={kind} kind={kind} />
        ))}
      </div>
      <p className="hint">Click a point to see which rigs drove it. The fleet is totalled per closed minute.</p>
      <FleetBreakdown />
    </>
  );
}

/**
 * Fleet history on the dashboard, below the tiles: total hashrate, power, efficiency and rigs up over a range, live
 * while open. Collapsed by default, so the fleet table stays where operators expect it.
 */
export function FleetHistoryPanel() {
  const open = useAppStore((state) => state.fleetHistoryOpen);
  const setOpen = useAppStore((state) => state.setFleetHistoryOpen);
  const preset = useAppStore((state) => state.fleetHistoryRange);
  const setPreset = useAppStore((state) => state.setFleetHistoryRange);
  const rigCount = useAppStore((state) => Object.keys(state.rigsById).length);

  const prepareExport = () => {
    const bounds = windowBounds(presetWindow(preset), Date.now());
    return { request: { bounds }, fallbackName: fallbackExportName({ fleet: true }, bounds) };
  };

  return (
    <section
      className={`fleet-history ${open ? 'is-open' : ''}`}
      data-testid="fleet-history"
      data-state={open ? 'open' : 'closed'}
      aria-labelledby="fleet-history-title"
    >
      <div className="fleet-history-head">
        <button
          type="button"
          className="fleet-history-toggle"
          data-testid="fleet-history-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span className="fleet-history-chevron">
            <ChevronIcon size={14} />
          </span>
          <ChartIcon size={15} />
          <span className="section-title" id="fleet-history-title">
            Fleet history
          </span>
        </button>
        {open ? (
          <div className="history-toolbar fleet-history-toolbar">
            <RangePicker value={preset} onChange={setPreset} testIdPrefix="fleet-history-range" />
            <ResolutionLabel chartKey={fleetChartKey('hashrate')} testId="fleet-history-resolution" />
            <span className="history-toolbar-end">
              <ExportButton testId="fleet-history-export" prepare={prepareExport} disabled={rigCount === 0} />
            </span>
          </div>
        ) : (
          <span className="hint">Total hashrate, power, efficiency and rigs up over time</span>
        )}
      </div>
      {open && <FleetHistoryBody preset={preset} />}
    </section>
  );
}
