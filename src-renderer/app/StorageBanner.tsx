import { useAppStore } from '../store/store-context.js';
import { describeStorageProblem } from './storage-problem.js';

/**
 * Says when history cannot be kept (disk full, a database that cannot be opened or written) or was started afresh
 * after damage. Polling and control are unaffected; only charts and exports are.
 */
export function StorageBanner() {
  const status = useAppStore((state) => state.telemetryStatus);
  const statusError = useAppStore((state) => state.telemetryStatusError);
  const dismissedAt = useAppStore((state) => state.dismissedStorageProblemAt);
  const dismiss = useAppStore((state) => state.dismissStorageProblem);
  const notice = describeStorageProblem(status, statusError);
  if (notice === null || (notice.dismissAt !== null && notice.dismissAt === dismissedAt)) return null;
  const { dismissAt } = notice;
  return (
    <div
      className={`banner ${notice.tone === 'bad' ? 'banner-bad' : 'banner-warn'} storage-banner`}
      role={notice.tone === 'bad' ? 'alert' : 'status'}
      data-testid="storage-banner"
      data-code={notice.code}
    >
      <span className="error-code">{notice.code}</span>
      <span className="storage-banner-text">{notice.text}</span>
      {dismissAt !== null && (
        <button type="button" className="button small button-ghost" onClick={() => dismiss(dismissAt)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
