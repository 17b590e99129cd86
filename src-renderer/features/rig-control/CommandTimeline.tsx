import { useMemo } from 'react';
import type { Command, Rig } from '../../../src-shared/model/index.js';
import { formatDuration } from '../../../src-shared/units.js';
import { commandsForRig, isFinished } from '../../store/control-commands.js';
import { useAppStore } from '../../store/store-context.js';
import { COMMAND_STATE_LABEL, describeChange } from '../../ui/describe-change.js';
import { formatAgo, formatClock } from '../../ui/format-plain.js';
import { timelineSteps } from './timeline.js';

const SHOWN_COMMANDS = 6;

function CommandItem({ command, nowMs }: { command: Command; nowMs: number }) {
  const finished = isFinished(command.state);
  const tookS = command.finishedAt === null ? null : (command.finishedAt - command.requestedAt) / 1000;
  return (
    <li
      className={`timeline-item command-${command.state}`}
      data-testid="command-state"
      data-state={command.state}
      data-command-id={command.id}
    >
      <div className="timeline-head">
        <span className="timeline-change">{describeChange(command.change)}</span>
        <span className={`command-badge badge-${command.state}`}>{COMMAND_STATE_LABEL[command.state]}</span>
      </div>
      <ol className="timeline-steps" aria-label="Progress">
        {timelineSteps(command.state).map((step) => (
          <li key={step.label} className={`timeline-step step-${step.status}`}>
            <span className="step-dot" aria-hidden="true" />
            {step.label}
          </li>
        ))}
      </ol>
      {command.message !== null && (
        <p className="timeline-message">
          {command.code !== null && <span className="error-code">{command.code}</span>}
          {command.message}
        </p>
      )}
      <div className="timeline-meta" title={formatClock(command.requestedAt)}>
        {formatAgo(command.requestedAt, nowMs)} by {command.actor}
        {finished && tookS !== null && ` · took ${formatDuration(tookS)}`}
      </div>
    </li>
  );
}

/** The rig's recent commands with their live state, newest first, and the way to its full history. */
export function CommandTimeline({ rig, nowMs }: { rig: Rig; nowMs: number }) {
  const commandsById = useAppStore((state) => state.commandsById);
  const showRigActivity = useAppStore((state) => state.showRigActivity);
  const recent = useMemo(() => commandsForRig(commandsById, rig.id, SHOWN_COMMANDS), [commandsById, rig.id]);

  return (
    <div className="control-block">
      <div className="control-block-head">
        <h4 className="control-block-title">Recent changes</h4>
        <button
          type="button"
          className="link-button"
          data-testid="rig-audit-link"
          onClick={() => showRigActivity(rig.id)}
        >
          Audit log for this rig
        </button>
      </div>
      {recent.length === 0 ? (
        <p className="muted">No changes sent to this rig since the engine started.</p>
      ) : (
        <ol className="timeline" aria-live="polite">
          {recent.map((command) => (
            <CommandItem key={command.id} command={command} nowMs={nowMs} />
          ))}
        </ol>
      )}
    </div>
  );
}
