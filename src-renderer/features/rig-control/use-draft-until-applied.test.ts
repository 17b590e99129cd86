import { describe, expect, it } from 'vitest';
import { makeCommand } from '../../test-support/control-fixtures.js';
import { draftSettled } from './use-draft-until-applied.js';

describe('a form draft after Apply', () => {
  const sent = { value: '3200', afterId: 'old' };

  it('gives way to what the rig reports once the change it sent is applied', () => {
    expect(draftSettled('3200', sent, makeCommand({ id: 'new', state: 'applied' }))).toBe(true);
  });

  it('stays while the change runs, and after it is refused, fails or is rolled back', () => {
    for (const state of ['queued', 'verifying', 'refused', 'failed', 'rolled-back'] as const) {
      expect(draftSettled('3200', sent, makeCommand({ id: 'new', state }))).toBe(false);
    }
  });

  it('is not settled by the command that was latest before it was sent, nor once edited again', () => {
    expect(draftSettled('3200', sent, makeCommand({ id: 'old', state: 'applied' }))).toBe(false);
    expect(draftSettled('3300', sent, makeCommand({ id: 'new', state: 'applied' }))).toBe(false);
    expect(draftSettled('3200', null, makeCommand({ id: 'new', state: 'applied' }))).toBe(false);
  });
});
