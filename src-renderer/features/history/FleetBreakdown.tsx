import { metricUnit } from '../../../src-shared/model/index.js';
import { formatPercent } from '../../../src-shared/units.js';
import type { FleetChartKind } from '../../store/history-charts.js';
import { useAppStore } from '../../store/store-context.js';
import { formatLogTime } from '../../ui/format-plain.js';
import { CloseIcon } from '../../ui/icons.js';
import { useNow } from '../../ui/use-now.js';
import { formatMetricValue } from './history-format.js';

const HEADING: Readonly<Record<FleetChartKind, string>> = {
  hashrate: 'Rigs with the most hashrate',
  power: 'Rigs drawing the most power',
  efficiency: 'Least efficient rigs',
  rigsUp: 'Rigs with the least hashrate',
};

/** "Which rigs drove this point": the rigs behind the clicked bucket, each opening its detail panel. */
export function FleetBreakdown() {
  const breakdown = useAppStore((state) => state.fleetBreakdown);
  const rigsById = useAppStore((state) => state.rigsById);
  const selectRig = useAppStore((state) => state.selectRig);
  const close = useAppStore((state) => state.closeFleetBreakdown);
  const nowMs = useNow(60_000);
  if (breakdown === null) return null;
  const unit = metricUnit(breakdown.metric);

  return (
    <div className="fleet-breakdown" data-testid="fleet-breakdown" data-state={breakdown.state}>
      <div className="fleet-breakdown-head">
        <h3 className="fleet-breakdown-title">
          {HEADING[breakdown.chart]}
          <span className="muted">
            {' '}
            · {formatLogTime(breakdown.from, nowMs)} – {formatLogTime(breakdown.to, nowMs)}
          </span>
        </h3>
        <button
          type="button"
          className="icon-button small"
          aria-label="Close the breakdown"
          title="Close"
          onClick={close}
        >
          <CloseIcon size={14} />
        </button>
      </div>
      {breakdown.state === 'loading' && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Asking the history…
        </p>
      )}
      {breakdown.state === 'failed' && breakdown.error !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{breakdown.error.code}</span>
          <span>{breakdown.error.message}</span>
        </div>
      )}
      {breakdown.state === 'ready' && breakdown.rows.length === 0 && (
        <p className="muted">No rig reported this figure in that bucket.</p>
      )}
      {breakdown.state === 'ready' && breakdown.rows.length > 0 && (
        <ol className="fleet-breakdown-list">
          {breakdown.rows.map((row) => {
            const rig = rigsById[row.rigId];
            return (
              <li
                key={row.rigId}
                className="fleet-breakdown-row"
                data-testid="fleet-breakdown-row"
                data-rig-id={row.rigId}
              >
                {rig === undefined ? (
                  <span className="fleet-breakdown-name" title="No longer in the fleet">
                    {row.name} <span className="muted">(removed)</span>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="link-button fleet-breakdown-name"
                    title={`Open ${rig.name}`}
                    onClick={() => selectRig(row.rigId)}
                  >
                    {rig.name}
                  </button>
                )}
                <span className="num">{formatMetricValue(unit, row.value)}</span>
                <span className="fleet-breakdown-share">
                  {row.share !== null && (
                    <>
                      <span className="share-track" aria-hidden="true">
                        <span
                          className="share-bar"
                          style={{ width: `${Math.min(100, Math.max(0, row.share * 100))}%` }}
                        />
                      </span>
                      <span className="num">{formatPercent(row.share, 1)}</span>
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
