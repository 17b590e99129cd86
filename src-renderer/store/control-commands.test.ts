import { describe, expect, it } from 'vitest';
import { makeCommand } from '../test-support/control-fixtures.js';
import {
  commandsForRig,
  countRunning,
  latestCommandOfKind,
  mergeCommands,
  replaceCommands,
  summarizeBatch,
} from './control-commands.js';

describe('command reducer', () => {
  it('adds a command it has not seen and moves it forward as its events arrive', () => {
    let byId = mergeCommands({}, [makeCommand({ state: 'queued' })]);
    byId = mergeCommands(byId, [makeCommand({ state: 'applying' })]);
    byId = mergeCommands(byId, [makeCommand({ state: 'verifying' })]);
    byId = mergeCommands(byId, [makeCommand({ state: 'applied', finishedAt: 5 })]);
    expect(byId['c1']?.state).toBe('applied');
  });

  it('never moves a command backwards when the apply reply arrives after its first events', () => {
    const applying = mergeCommands({}, [makeCommand({ state: 'applying' })]);
    expect(mergeCommands(applying, [makeCommand({ state: 'queued' })])).toBe(applying);
  });

  it('keeps the first outcome: an outcome is final', () => {
    const done = mergeCommands({}, [makeCommand({ state: 'rolled-back', message: 'chips too hot' })]);
    expect(mergeCommands(done, [makeCommand({ state: 'applied' })])).toBe(done);
  });

  it('takes a repeated in-progress state, which can carry a new message', () => {
    const rolling = mergeCommands({}, [makeCommand({ state: 'rolling-back', message: null })]);
    const next = mergeCommands(rolling, [makeCommand({ state: 'rolling-back', message: 'the rig stopped hashing' })]);
    expect(next['c1']?.message).toBe('the rig stopped hashing');
  });

  it('returns the same map when nothing moved, so components keyed on it do not re-render', () => {
    const byId = mergeCommands({}, [makeCommand()]);
    expect(mergeCommands(byId, [])).toBe(byId);
    expect(mergeCommands(byId, [makeCommand()])).not.toBe(byId);
  });

  it('drops the oldest finished commands beyond the cap, never running ones', () => {
    const commands = [
      makeCommand({ id: 'old-running', state: 'applying', requestedAt: 1 }),
      makeCommand({ id: 'old-done', state: 'applied', requestedAt: 2 }),
      makeCommand({ id: 'new-done', state: 'failed', requestedAt: 3 }),
    ];
    expect(Object.keys(mergeCommands({}, commands, 2)).sort()).toEqual(['new-done', 'old-running']);
  });

  it('a fresh list drops commands the engine forgot but keeps whichever copy is further along', () => {
    const byId = mergeCommands({}, [
      makeCommand({ id: 'forgotten', state: 'applying' }),
      makeCommand({ id: 'ahead', state: 'applied' }),
    ]);
    const next = replaceCommands(byId, [
      makeCommand({ id: 'ahead', state: 'verifying' }),
      makeCommand({ id: 'new', state: 'queued' }),
    ]);
    expect(Object.keys(next).sort()).toEqual(['ahead', 'new']);
    expect(next['ahead']?.state).toBe('applied');
  });
});

describe('command queries', () => {
  const byId = mergeCommands({}, [
    makeCommand({ id: 'a', rigId: 'r1', requestedAt: 1, state: 'applied', change: { kind: 'pools', pools: [] } }),
    makeCommand({ id: 'b', rigId: 'r1', requestedAt: 3, state: 'verifying' }),
    makeCommand({ id: 'c', rigId: 'r2', requestedAt: 2, state: 'refused' }),
    makeCommand({ id: 'd', rigId: 'r1', requestedAt: 2, state: 'rolled-back' }),
  ]);

  it("lists one rig's commands newest first", () => {
    expect(commandsForRig(byId, 'r1', 10).map((command) => command.id)).toEqual(['b', 'd', 'a']);
    expect(commandsForRig(byId, 'r1', 1).map((command) => command.id)).toEqual(['b']);
  });

  it('finds the latest command of a kind for a rig', () => {
    expect(latestCommandOfKind(byId, 'r1', 'powerTarget')?.id).toBe('b');
    expect(latestCommandOfKind(byId, 'r1', 'pools')?.id).toBe('a');
    expect(latestCommandOfKind(byId, 'r2', 'pools')).toBeNull();
  });

  it('counts the commands still running', () => {
    expect(countRunning(byId)).toBe(1);
  });

  it('summarizes a batch, counting commands not heard of yet as in progress', () => {
    expect(summarizeBatch(byId, ['a', 'b', 'c', 'd', 'missing'])).toEqual({
      total: 5,
      inProgress: 2,
      applied: 1,
      refused: 1,
      failed: 0,
      rolledBack: 1,
      unknown: 1,
    });
  });
});
