import { useMemo } from 'react';
import type { RigsById } from '../../store/fleet-changes.js';
import type { BulkRun } from '../../store/control-slice.js';
import { isFinished, summarizeBatch } from '../../store/control-commands.js';
import { useAppStore } from '../../store/store-context.js';
import { COMMAND_STATE_LABEL, describeChange } from '../../ui/describe-change.js';
import { formatCount } from '../../ui/format-plain.js';
import { CloseIcon } from '../../ui/icons.js';

const SHOWN_PROBLEMS = 8;

function share(count: number, total: number): string {
  return `${total === 0 ? 0 : (count / total) * 100}%`;
}

/** Where the last bulk change stands, from its commands' events: a segmented bar, counts, and what went wrong where. */
export function BulkProgress({ run, rigsById }: { run: BulkRun; rigsById: RigsById }) {
  const commandsById = useAppStore((state) => state.commandsById);
  const dismiss = useAppStore((state) => state.dismissBulkRun);
  const showPage = useAppStore((state) => state.showPage);
  const setActivityFilter = useAppStore((state) => state.setActivityFilter);
  const summary = useMemo(() => summarizeBatch(commandsById, run.commandIds), [commandsById, run.commandIds]);
  const problems = useMemo(
    () =>
      run.commandIds.flatMap((id) => {
        const command = commandsById[id];
        return command !== undefined && isFinished(command.state) && command.state !== 'applied' ? [command] : [];
      }),
    [commandsById, run.commandIds],
  );
  const done = summary.inProgress === 0;
  const segments = [
    { key: 'applied', count: summary.applied },
    { key: 'rolled-back', count: summary.rolledBack },
    { key: 'refused', count: summary.refused },
    { key: 'failed', count: summary.failed },
  ] as const;

  return (
    <section
      className={`bulk-progress ${done ? 'is-done' : 'is-running'}`}
      data-testid="bulk-progress"
      data-state={done ? 'done' : 'running'}
      aria-label="Bulk change progress"
    >
      <div className="bulk-progress-head">
        <span className="bulk-progress-title">
          {!done && <span className="spinner" aria-hidden="true" />}
          {describeChange(run.change)}
          <span className="muted"> · {formatCount(summary.total)} rigs</span>
        </span>
        <span className="bulk-counts" aria-live="polite">
          <span className="count-applied" data-testid="bulk-count-applied">
            {formatCount(summary.applied)} applied
          </span>
          <span className="count-refused" data-testid="bulk-count-refused">
            {formatCount(summary.refused)} refused
          </span>
          <span className="count-failed" data-testid="bulk-count-failed">
            {formatCount(summary.failed)} failed
          </span>
          <span className="count-rolled-back" data-testid="bulk-count-rolled-back">
            {formatCount(summary.rolledBack)} rolled back
          </span>
          {!done && <span className="count-running">{formatCount(summary.inProgress)} in progress</span>}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setActivityFilter({ rigId: null, result: 'all' });
            showPage('activity');
          }}
        >
          Activity
        </button>
        <button
          type="button"
          className="icon-button small"
          aria-label="Dismiss the summary"
          title={done ? 'Dismiss' : 'Hide (the change keeps running; see Activity)'}
          onClick={dismiss}
        >
          <CloseIcon size={14} />
        </button>
      </div>
      <div
        className="bulk-bar-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={summary.total}
        aria-valuenow={summary.total - summary.inProgress}
        aria-label="Rigs finished"
      >
        {segments.map((segment) => (
          <span
            key={segment.key}
            className={`bulk-segment bulk-seg-${segment.key}`}
            style={{ width: share(segment.count, summary.total) }}
          />
        ))}
      </div>
      {problems.length > 0 && (
        <ul className="bulk-problems">
          {problems.slice(0, SHOWN_PROBLEMS).map((command) => (
            <li key={command.id}>
              <span className={`command-badge badge-${command.state}`}>{COMMAND_STATE_LABEL[command.state]}</span>
              <span className="bulk-problem-rig">{rigsById[command.rigId]?.name ?? command.rigId}</span>
              <span className="bulk-problem-message">{command.message ?? command.code ?? ''}</span>
            </li>
          ))}
          {problems.length > SHOWN_PROBLEMS && (
            <li className="muted">…and {formatCount(problems.length - SHOWN_PROBLEMS)} more: see Activity.</li>
          )}
        </ul>
      )}
    </section>
  );
}
