import { memo } from 'react';
import type { AuditEntry, Rig, RigId } from '../../../src-shared/model/index.js';
import { AUDIT_RESULT_LABEL, describeChange, healthFigures, settingChanges } from '../../ui/describe-change.js';
import { formatClock, formatLogTime } from '../../ui/format-plain.js';

interface AuditRowProps {
  entry: AuditEntry;
  /** The rig as it is now (its current name), or undefined when it has left the fleet. */
  rig: Rig | undefined;
  nowMs: number;
  /** Arrived while the view was open: briefly highlighted. */
  isNew: boolean;
  onOpenRig: (rigId: RigId) => void;
}

/** One audit entry. Memoized: entries never change, so a live entry added on top re-renders only itself. */
export const AuditRow = memo(function AuditRow({ entry, rig, nowMs, isNew, onOpenRig }: AuditRowProps) {
  const changes = settingChanges(entry);
  const health = healthFigures(entry);
  const renamed = rig !== undefined && rig.name !== entry.rigName;
  return (
    <tr
      className={`audit-row result-row-${entry.result} ${isNew ? 'is-new' : ''}`}
      data-testid="audit-row"
      data-result={entry.result}
      data-rig-id={entry.rigId}
    >
      <td className="audit-time" title={formatClock(entry.at)}>
        {formatLogTime(entry.at, nowMs)}
      </td>
      <td className="audit-actor">{entry.actor}</td>
      <td className="audit-rig">
        {rig === undefined ? (
          <span className="muted" title={`${entry.rigId} (no longer in the fleet)`}>
            {entry.rigName}
          </span>
        ) : (
          <button
            type="button"
            className="audit-rig-button"
            title={renamed ? `${entry.rigId}, called ${entry.rigName} at the time` : entry.rigId}
            onClick={() => onOpenRig(entry.rigId)}
          >
            {rig.name}
          </button>
        )}
      </td>
      <td className="audit-change">{describeChange(entry.change)}</td>
      <td className="audit-diff">
        {changes.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <dl className="diff-list">
            {changes.map((change) => (
              <div key={change.key} className="diff-row">
                <dt>{change.label}</dt>
                <dd>
                  <span className="diff-before">{change.before}</span>
                  {change.after !== '' && (
                    <>
                      <span className="diff-arrow" aria-label="to">
                        →
                      </span>
                      <span className={change.after === change.before ? 'diff-same' : 'diff-after'}>
                        {change.after}
                      </span>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {health !== null && <div className="diff-health">{health}</div>}
      </td>
      <td className="audit-result">
        <span className={`result-badge result-${entry.result}`}>{AUDIT_RESULT_LABEL[entry.result]}</span>
      </td>
      <td className="audit-message">{entry.message ?? <span className="muted">—</span>}</td>
    </tr>
  );
});
