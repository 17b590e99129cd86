import { KEPT_DECISIONS } from '../../store/optimizer-status.js';
import { useAppStore } from '../../store/store-context.js';
import { formatCount } from '../../ui/format-plain.js';
import { useNow } from '../../ui/use-now.js';
import { DecisionRow } from './DecisionRow.js';

/** What the optimizer changed and why, newest first, each with how the command queue dealt with it. */
export function DecisionsList() {
  const decisions = useAppStore((state) => state.optimizerDecisions);
  const selectRig = useAppStore((state) => state.selectRig);
  const nowMs = useNow(30_000);
  return (
    <section className="optimizer-decisions" aria-labelledby="optimizer-decisions-title">
      <div className="optimizer-block-head">
        <h3 className="section-title" id="optimizer-decisions-title">
          Decisions <span className="section-count">{formatCount(decisions.length)}</span>
        </h3>
        <span className="hint">The newest {formatCount(KEPT_DECISIONS)}; every change is also in Activity.</span>
      </div>
      {decisions.length === 0 ? (
        <p className="placeholder" role="status">
          No decisions yet. Each change the optimizer makes shows here with its reason.
        </p>
      ) : (
        <div className="decisions-table-wrap">
          <table className="decisions-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Rig</th>
                <th scope="col">Cause</th>
                <th scope="col">From → to</th>
                <th scope="col">Reason</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {decisions.map((decision) => (
                <DecisionRow key={decision.id} decision={decision} nowMs={nowMs} onOpenRig={selectRig} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
