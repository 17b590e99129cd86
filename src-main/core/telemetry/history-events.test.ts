import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/model/control.js';
import { testRig as makeRig } from '../../testing/rig-fixture.js';
import { eventFromAudit, eventsFromUpdate, rememberRig } from './history-events.js';

describe('history events', () => {
  it('marks down, error and back-up transitions, not the first sighting', () => {
    const up = makeRig({ status: 'up' });
    expect(eventsFromUpdate(undefined, up, 1)).toEqual([]);
    const down = { ...up, status: 'down' as const, problem: { code: 'RIG_UNREACHABLE', message: 'no answer', at: 2 } };
    expect(eventsFromUpdate(rememberRig(up), down, 2)).toMatchObject([
      { kind: 'down', message: 'Stopped answering: no answer' },
    ]);
    expect(eventsFromUpdate(rememberRig(down), up, 3)).toMatchObject([{ kind: 'up' }]);
    expect(eventsFromUpdate(rememberRig(up), up, 4)).toEqual([]);
  });

  it('turns a finished audit entry into a config marker linked to it, and skips "started"', () => {
    const entry: AuditEntry = {
      id: 'a1',
      commandId: 'c1',
      at: 5,
      actor: 'operator',
      rigId: 'r',
      rigName: 'R',
      change: { kind: 'powerTarget', watts: 3000 },
      before: null,
      after: null,
      result: 'applied',
      message: null,
    };
    expect(eventFromAudit(entry)).toEqual({
      t: 5,
      rigId: 'r',
      kind: 'config',
      message: 'Applied: power target 3000 W (by operator)',
      auditId: 'a1',
    });
    expect(eventFromAudit({ ...entry, result: 'started' })).toBeNull();
  });
});
