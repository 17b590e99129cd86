import type { CommandState } from '../../../src-shared/model/index.js';

export type StepStatus = 'done' | 'current' | 'todo' | 'ok' | 'warn' | 'bad';

export interface TimelineStep {
  label: string;
  status: StepStatus;
}

const PATH = ['Queued', 'Applying', 'Verifying'] as const;

function progress(reached: number, last: TimelineStep): TimelineStep[] {
  const steps = PATH.map((label, index): TimelineStep => ({
    label,
    status: index < reached ? 'done' : index === reached ? 'current' : 'todo',
  }));
  return [...steps, last];
}

const SENT: readonly TimelineStep[] = [
  { label: 'Queued', status: 'done' },
  { label: 'Applying', status: 'done' },
  { label: 'Verifying', status: 'bad' },
];

/**
 * The steps a command went through, for the rig's timeline: queued → applying → verifying → applied, or where it
 * stopped. A refusal happens before anything is sent; a failure may come at any step (the engine does not say which),
 * so both show as the request and its outcome; a rollback shows that verification failed and the rig was restored.
 */
export function timelineSteps(state: CommandState): TimelineStep[] {
  switch (state) {
    case 'queued':
      return progress(0, { label: 'Applied', status: 'todo' });
    case 'applying':
      return progress(1, { label: 'Applied', status: 'todo' });
    case 'verifying':
      return progress(2, { label: 'Applied', status: 'todo' });
    case 'applied':
      return progress(3, { label: 'Applied', status: 'ok' });
    case 'rolling-back':
      return [...SENT, { label: 'Rolling back', status: 'current' }];
    case 'rolled-back':
      return [...SENT, { label: 'Rolled back', status: 'warn' }];
    case 'refused':
      return [
        { label: 'Queued', status: 'done' },
        { label: 'Refused', status: 'bad' },
      ];
    case 'failed':
      return [
        { label: 'Queued', status: 'done' },
        { label: 'Failed', status: 'bad' },
      ];
  }
}
