import type { ScanProgress, ScanState } from '../../../src-shared/model/index.js';
import { formatDuration, formatPercent } from '../../../src-shared/units.js';
import { formatCount } from '../../ui/format-plain.js';
import { useNow } from '../../ui/use-now.js';

const STATE_LABEL: Readonly<Record<ScanState, string>> = {
  running: 'Scanning',
  done: 'Finished',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** Ticks once a second, so it is only mounted while a scan runs. */
function Elapsed({ startedAt }: { startedAt: number }) {
  const nowMs = useNow(1000);
  return <>{formatDuration((nowMs - startedAt) / 1000)}</>;
}

export function ScanProgressView({ scan }: { scan: ScanProgress }) {
  const share = scan.total > 0 ? Math.min(1, scan.probed / scan.total) : scan.state === 'running' ? 0 : 1;
  return (
    <div className="scan-progress">
      <div className="scan-progress-head">
        <span className={`scan-state scan-state-${scan.state}`}>{STATE_LABEL[scan.state]}</span>
        <span className="scan-range-label">{scan.range}</span>
        <span className="scan-elapsed">
          {scan.finishedAt === null ? (
            <Elapsed startedAt={scan.startedAt} />
          ) : (
            formatDuration((scan.finishedAt - scan.startedAt) / 1000)
          )}
        </span>
      </div>
      <div
        className={`progress progress-${scan.state}`}
        role="progressbar"
        data-testid="scan-progress"
        data-state={scan.state}
        aria-label={`Scan of ${scan.range}`}
        aria-valuemin={0}
        aria-valuemax={scan.total}
        aria-valuenow={scan.probed}
        aria-valuetext={`${formatCount(scan.probed)} of ${formatCount(scan.total)} addresses probed, ${formatCount(scan.found)} rigs found`}
      >
        {/* A style prop is set through the CSSOM, which the strict CSP allows (unlike an inline style attribute). */}
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="scan-stats">
        <span>
          {formatCount(scan.probed)} / {formatCount(scan.total)} probed
          <span className="muted"> · {formatPercent(share)}</span>
        </span>
        <span className="scan-found-stat">
          <strong data-testid="scan-found">{scan.found}</strong> found
        </span>
      </div>
    </div>
  );
}
