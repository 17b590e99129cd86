import { useEffect, useMemo, useState } from 'react';
import type { RigId } from '../../../src-shared/model/index.js';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import { useAppStore } from '../../store/store-context.js';
import { AUDIT_RESULT_LABEL } from '../../ui/describe-change.js';
import { formatCount } from '../../ui/format-plain.js';
import { ActivityIcon } from '../../ui/icons.js';
import { useNow } from '../../ui/use-now.js';
import { AuditRow } from './AuditRow.js';
import { RESULT_FILTERS, countByResult, filterAudit, rigOptions } from './audit-filter.js';
import './activity.css';

/** Rows rendered at once; more on request. The engine keeps up to 5,000 entries in memory. */
const PAGE = 100;

function AuditTable() {
  const entries = useAppStore((state) => state.auditEntries);
  const filter = useAppStore((state) => state.activityFilter);
  const rigsById = useAppStore((state) => state.rigsById);
  const selectRig = useAppStore((state) => state.selectRig);
  const setActivityFilter = useAppStore((state) => state.setActivityFilter);
  const nowMs = useNow(30_000);
  const [limit, setLimit] = useState(PAGE);
  // Entries already there when the table opened are not "new": only live arrivals get highlighted.
  const [initialIds] = useState(() => new Set(entries.map((entry) => entry.id)));
  const shown = useMemo(() => filterAudit(entries, filter), [entries, filter]);

  if (shown.length === 0) {
    return (
      <div className="activity-empty" role="status">
        {entries.length === 0 ? (
          <>
            <h2>No changes yet</h2>
            <p>
              Every change sent to a rig, from its Control section or from a bulk change in the fleet table, is written
              here: who asked, what the rig reported before and after, and how it ended.
            </p>
          </>
        ) : (
          <p>
            No entries match these filters.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setActivityFilter({ rigId: null, result: 'all' })}
            >
              Show all
            </button>
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="activity-table-wrap">
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Rig</th>
            <th scope="col">Change</th>
            <th scope="col">Before → after</th>
            <th scope="col">Result</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody aria-live="polite">
          {shown.slice(0, limit).map((entry) => (
            <AuditRow
              key={entry.id}
              entry={entry}
              rig={rigsById[entry.rigId]}
              nowMs={nowMs}
              isNew={!initialIds.has(entry.id)}
              onOpenRig={selectRig}
            />
          ))}
        </tbody>
      </table>
      {shown.length > limit && (
        <div className="activity-more">
          <span className="muted">
            Showing {formatCount(limit)} of {formatCount(shown.length)}
          </span>
          <button type="button" className="button" onClick={() => setLimit(limit + PAGE * 5)}>
            Show more
          </button>
        </div>
      )}
    </div>
  );
}

/** The audit log: every change to every rig, newest first, live, filtered by rig and by result. */
export function ActivityView() {
  const entries = useAppStore((state) => state.auditEntries);
  const loaded = useAppStore((state) => state.auditLoaded);
  const filter = useAppStore((state) => state.activityFilter);
  const rigsById = useAppStore((state) => state.rigsById);
  const setActivityFilter = useAppStore((state) => state.setActivityFilter);
  const loadRigAudit = useAppStore((state) => state.loadRigAudit);
  const [loadFailure, setLoadFailure] = useState<{ rigId: RigId; error: ApiErrorValue } | null>(null);
  const loadError = loadFailure !== null && loadFailure.rigId === filter.rigId ? loadFailure.error : null;
  const counts = useMemo(() => countByResult(entries, filter.rigId), [entries, filter.rigId]);
  const options = useMemo(() => rigOptions(entries, rigsById), [entries, rigsById]);

  // One rig's history may reach further back than the entries loaded on connect.
  useEffect(() => {
    const rigId = filter.rigId;
    if (rigId === null) return;
    void loadRigAudit(rigId).then((error) => setLoadFailure(error === null ? null : { rigId, error }));
  }, [filter.rigId, loadRigAudit]);

  return (
    <section className="activity" aria-labelledby="activity-title" data-testid="activity-view">
      <div className="activity-head">
        <div className="activity-titles">
          <h2 className="section-title" id="activity-title">
            <ActivityIcon /> Activity
          </h2>
          <p className="hint">
            Every change sent to a rig, newest first, with what the rig reported before and after. Kept in the audit log
            in Rigwise's data folder.
          </p>
        </div>
        <div className="activity-filters">
          <label className="activity-rig-filter">
            <span className="field-label">Rig</span>
            <select
              className="text-input"
              data-testid="audit-rig-filter"
              value={filter.rigId ?? ''}
              onChange={(event) => setActivityFilter({ rigId: event.target.value === '' ? null : event.target.value })}
            >
              <option value="">All rigs</option>
              {options.map((option) => (
                <option key={option.rigId} value={option.rigId}>
                  {option.name}
                  {option.removed ? ' (removed)' : ''}
                </option>
              ))}
            </select>
          </label>
          <div className="segmented" role="group" aria-label="Show entries by result">
            {RESULT_FILTERS.map((result) => (
              <button
                key={result}
                type="button"
                className={`segment result-filter-${result}`}
                aria-pressed={filter.result === result}
                data-testid={`audit-result-${result}`}
                onClick={() => setActivityFilter({ result })}
              >
                {result === 'all' ? 'All' : AUDIT_RESULT_LABEL[result]}
                <span className="segment-count">{formatCount(counts[result])}</span>
              </button>
            ))}
          </div>
        </div>
      </div>
      {loadError !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{loadError.code}</span>
          <span>Could not load this rig's older entries: {loadError.message}</span>
        </div>
      )}
      {loaded ? (
        // Keyed by filter so "show more" starts over when the filter changes.
        <AuditTable key={`${filter.rigId ?? ''}|${filter.result}`} />
      ) : (
        <div className="placeholder" role="status">
          Loading the audit log…
        </div>
      )}
    </section>
  );
}
