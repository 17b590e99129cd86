import { useEffect } from 'react';
import type { TelemetryStatus } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { formatAgo, formatBytes, formatClock, formatCount } from '../../ui/format-plain.js';
import { ChartIcon } from '../../ui/icons.js';
import { useNow } from '../../ui/use-now.js';
import { RETENTION_FIELDS, oldestKept, parseRetentionDraft } from './retention-form.js';
import { SettingsForm } from './SettingsForm.js';

/** The size on disk grows with every batch and no event reports it: refreshed this often while the block is open. */
const STATUS_REFRESH_MS = 30_000;

function KeptSince({ label, at, nowMs }: { label: string; at: number | null; nowMs: number }) {
  return (
    <li>
      <span className="muted">{label}</span>{' '}
      {at === null ? 'none yet' : <span title={formatClock(at)}>since {formatAgo(at, nowMs)}</span>}
    </li>
  );
}

function StorageStatus({ status }: { status: TelemetryStatus }) {
  const nowMs = useNow(STATUS_REFRESH_MS);
  const oldest = oldestKept(status);
  return (
    <dl className="storage-status" data-testid="storage-status">
      <div className="storage-row">
        <dt>File</dt>
        <dd className="mono storage-path" title={status.path ?? undefined}>
          {status.path ?? 'Kept in memory only: nothing is saved to disk.'}
        </dd>
      </div>
      <div className="storage-row">
        <dt>Size on disk</dt>
        <dd data-testid="storage-size">{status.path === null ? '—' : formatBytes(status.sizeBytes)}</dd>
      </div>
      <div className="storage-row">
        <dt>Oldest kept</dt>
        <dd>
          {oldest === null ? (
            'Nothing yet'
          ) : (
            <>
              {formatClock(oldest)} <span className="muted">({formatAgo(oldest, nowMs)})</span>
            </>
          )}
          <ul className="storage-kept">
            <KeptSince label="Every poll" at={status.oldest.raw} nowMs={nowMs} />
            <KeptSince label="1-minute" at={status.oldest['1m']} nowMs={nowMs} />
            <KeptSince label="Hourly" at={status.oldest['1h']} nowMs={nowMs} />
          </ul>
        </dd>
      </div>
      <div className="storage-row">
        <dt>Last write</dt>
        <dd>{status.lastWriteAt === null ? 'Not yet' : formatAgo(status.lastWriteAt, nowMs)}</dd>
      </div>
      {status.framesDropped > 0 && (
        <div className="storage-row">
          <dt>Polls not kept</dt>
          <dd className="text-warn">{formatCount(status.framesDropped)}</dd>
        </div>
      )}
    </dl>
  );
}

/** Settings → History: how long each resolution is kept, and where the history lives and how big it is. */
export function HistorySettings() {
  const settings = useAppStore((state) => state.settings);
  const status = useAppStore((state) => state.telemetryStatus);
  const statusError = useAppStore((state) => state.telemetryStatusError);
  const loadTelemetryStatus = useAppStore((state) => state.loadTelemetryStatus);

  useEffect(() => {
    void loadTelemetryStatus();
    const timer = setInterval(() => void loadTelemetryStatus(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadTelemetryStatus]);

  return (
    <section className="settings-section" aria-labelledby="settings-history" data-testid="history-settings">
      <h3 className="settings-section-title" id="settings-history">
        <ChartIcon size={14} /> History
      </h3>
      <p className="hint">
        Every poll is kept for a while, then only 1-minute and hourly averages (with their minimum and maximum), so
        charts over months stay quick and the file stays small. Hourly averages set to 0 days are kept forever.
      </p>
      {settings === null ? (
        <p className="muted">Waiting for the engine's settings…</p>
      ) : (
        <SettingsForm
          settings={settings}
          fields={RETENTION_FIELDS}
          parse={parseRetentionDraft}
          saveTestId="history-settings-save"
          errorTestId="history-settings-error"
        />
      )}
      <h4 className="settings-subtitle">Storage</h4>
      {statusError !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{statusError.code}</span>
          <span>{statusError.message}</span>
        </div>
      )}
      {status === null ? (
        statusError === null && <p className="muted">Asking the engine about its history…</p>
      ) : (
        <StorageStatus status={status} />
      )}
    </section>
  );
}
