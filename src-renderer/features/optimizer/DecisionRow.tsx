import { memo } from 'react';
import type { RigId } from '../../../src-shared/model/index.js';
import type { OptimizerDecision } from '../../../src-shared/model/optimizer.js';
import { CAUSE_LABEL, describeDecisionChange } from '../../ui/describe-tuning.js';
import { formatClock, formatLogTime } from '../../ui/format-plain.js';

/** The command queue's word on a decision, in the audit log's badge colours (pending is still running). */
const OUTCOME_BADGE: Readonly<Record<OptimizerDecision['outcome'], string>> = {
  pending: 'result-started',
  applied: 'result-applied',
  failed: 'result-failed',
};

interface DecisionRowProps {
  decision: OptimizerDecision;
  nowMs: number;
  onOpenRig: (rigId: RigId) => void;
}

/** One decision. Memoized: only a decision whose outcome arrived (a new object under the same id) re-renders. */
export const DecisionRow = memo(function DecisionRow({ decision, nowMs, onOpenRig }: DecisionRowProps) {
  const change = describeDecisionChange(decision);
  return (
    <tr
      className={`decision-row outcome-row-${decision.outcome}`}
      data-testid="optimizer-decision"
      data-decision-id={decision.id}
      data-cause={decision.cause}
      data-outcome={decision.outcome}
      data-rig-id={decision.rigId}
    >
      <td className="decision-time" title={formatClock(decision.at)}>
        {formatLogTime(decision.at, nowMs)}
      </td>
      <td className="decision-rig">
        <button
          type="button"
          className="device-name-button"
          title={decision.rigId}
          onClick={() => onOpenRig(decision.rigId)}
        >
          {decision.rigName}
        </button>
      </td>
      <td>
        <span className={`cause-badge cause-${decision.cause}`}>{CAUSE_LABEL[decision.cause]}</span>
      </td>
      <td className="decision-change">
        <span className="diff-before">{change.from}</span>
        <span className="decision-arrow" aria-label="to">
          →
        </span>
        <span className="diff-after">{change.to}</span>
      </td>
      <td className="decision-reason">{decision.reason}</td>
      <td>
        {/* A wrapper, not the cell, is the flex box: a flex <td> loses its table-cell borders. */}
        <div className="decision-outcome">
          <span className={`result-badge ${OUTCOME_BADGE[decision.outcome]}`}>{decision.outcome}</span>
          {decision.outcomeMessage !== null && (
            <span className="decision-outcome-message">{decision.outcomeMessage}</span>
          )}
        </div>
      </td>
    </tr>
  );
});
