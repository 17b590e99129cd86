import type { Command } from '../../../src-shared/model/index.js';
import { isFinished } from '../../store/control-commands.js';
import { COMMAND_STATE_LABEL, describeChange } from '../../ui/describe-change.js';
import { formatAgo, formatClock } from '../../ui/format-plain.js';

/**
 * The last command of a kind beside the form that sends it: while it runs, what it asked for and which step it is at;
 * once it ended, its outcome and when, quietly (the timeline below has the details).
 */
export function CommandStatus({ command, nowMs }: { command: Command | null; nowMs: number }) {
  if (command === null) return null;
  const finished = isFinished(command.state);
  const endedAt = command.finishedAt ?? command.requestedAt;
  return (
    <span
      className={`command-chip command-${command.state} ${finished ? 'is-finished' : 'is-running'}`}
      role="status"
      title={[describeChange(command.change), command.message, formatClock(endedAt)].filter(Boolean).join('\n')}
    >
      {finished ? <span className="command-dot" aria-hidden="true" /> : <span className="spinner" aria-hidden="true" />}
      <span className="command-chip-state">{COMMAND_STATE_LABEL[command.state]}</span>
      <span className="command-chip-detail">
        {finished ? formatAgo(endedAt, nowMs) : describeChange(command.change)}
      </span>
    </span>
  );
}
