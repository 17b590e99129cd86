import type { RigStatus } from '../../src-shared/model/index.js';

const STATUS_HINT: Readonly<Record<RigStatus, string>> = {
  up: 'Answered its last poll',
  down: 'Missed several polls in a row: unreachable',
  error: 'Answers, but with a reply Rigwise cannot read',
  pending: 'Just added, not polled yet',
};

/** The status word stays lower-case in the DOM (what tests and screen readers get); CSS sets its case. */
export function StatusBadge({ status, testId }: { status: RigStatus; testId?: string }) {
  return (
    <span className={`status-badge status-${status}`} title={STATUS_HINT[status]} data-testid={testId}>
      {status}
    </span>
  );
}
