import { describe, expect, it } from 'vitest';
import { timelineSteps } from './timeline.js';

const describeSteps = (state: Parameters<typeof timelineSteps>[0]) =>
  timelineSteps(state)
    .map((step) => `${step.label}:${step.status}`)
    .join(' ');

describe('command timeline', () => {
  it('marks the step a running command is at', () => {
    expect(describeSteps('applying')).toBe('Queued:done Applying:current Verifying:todo Applied:todo');
    expect(describeSteps('verifying')).toBe('Queued:done Applying:done Verifying:current Applied:todo');
  });

  it('ends an applied command on a good step', () => {
    expect(describeSteps('applied')).toBe('Queued:done Applying:done Verifying:done Applied:ok');
  });

  it('shows a rollback as a failed verification followed by the restore', () => {
    expect(describeSteps('rolling-back')).toBe('Queued:done Applying:done Verifying:bad Rolling back:current');
    expect(describeSteps('rolled-back')).toBe('Queued:done Applying:done Verifying:bad Rolled back:warn');
  });

  it('shows a refusal or failure as the request and its outcome', () => {
    expect(describeSteps('refused')).toBe('Queued:done Refused:bad');
    expect(describeSteps('failed')).toBe('Queued:done Failed:bad');
  });
});
