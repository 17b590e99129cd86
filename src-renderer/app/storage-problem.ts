import type { ApiErrorValue } from '../../src-shared/api/index.js';
import type { TelemetryStatus } from '../../src-shared/model/index.js';
import { formatCount } from '../ui/format-plain.js';

export interface StorageNotice {
  /** bad: history is not being kept right now; warn: it is again, but something was lost or moved. */
  tone: 'warn' | 'bad';
  code: string;
  text: string;
  /** The `at` to remember when dismissed; null for a notice that lasts as long as the problem does. */
  dismissAt: number | null;
}

function droppedNote(status: TelemetryStatus): string {
  const dropped = status.framesDropped;
  if (dropped === 0) return '';
  return ` ${formatCount(dropped)} poll${dropped === 1 ? ' was' : 's were'} not kept so far.`;
}

function sentence(message: string): string {
  const trimmed = message.trim().replace(/[.\s]+$/, '');
  return trimmed === '' ? '' : `: ${trimmed}`;
}

/**
 * The storage banner's words for a history problem, in plain terms with what goes on working: polling never stops
 * because history cannot be written. A damaged database that was set aside is a one-off notice the operator may
 * dismiss; the other problems last until the engine reports them cleared.
 */
export function describeStorageProblem(
  status: TelemetryStatus | null,
  statusError: ApiErrorValue | null,
): StorageNotice | null {
  if (status === null || status.problem === null) {
    if (statusError === null || statusError.code !== 'STORAGE_ERROR') return null;
    return {
      tone: 'bad',
      code: statusError.code,
      text: `History is not available${sentence(statusError.message)}. Polling goes on; charts stay empty until it is back.`,
      dismissAt: null,
    };
  }
  const { problem } = status;
  switch (problem.code) {
    case 'DISK_FULL':
      return {
        tone: 'bad',
        code: problem.code,
        text: `History could not be written: the disk is full. Polling goes on; history resumes when space is freed.${droppedNote(status)}`,
        dismissAt: null,
      };
    case 'CORRUPT':
      return {
        tone: 'warn',
        code: problem.code,
        text:
          problem.setAsidePath === null
            ? 'The history database was damaged; a fresh one was started. Charts begin again from now.'
            : `The history database was damaged and set aside as ${problem.setAsidePath}; a fresh one was started. Charts begin again from now.`,
        dismissAt: problem.at,
      };
    case 'UNREADABLE':
      return {
        tone: 'bad',
        code: problem.code,
        text: `The history database could not be opened${sentence(problem.message)}. Polling goes on; history is kept in memory only until Rigwise restarts.`,
        dismissAt: null,
      };
    case 'WRITE_FAILED':
      return {
        tone: 'bad',
        code: problem.code,
        text: `History could not be written${sentence(problem.message)}. Polling goes on; Rigwise keeps trying.${droppedNote(status)}`,
        dismissAt: null,
      };
  }
}
