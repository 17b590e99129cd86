import type { Command, CommandState } from '../../src-shared/model/index.js';

export type CommandsById = Readonly<Record<string, Command>>;

/**
 * How far along a command is. A command only ever moves forward (queued → applying → verifying → rolling-back → an
 * outcome), but its events and the `control.apply` reply that carries its first state travel separately: the engine
 * may announce 'applying' before the reply saying 'queued' arrives. Ranking states lets the reducer ignore anything
 * that would move a command backwards.
 */
const PROGRESS: Readonly<Record<CommandState, number>> = {
  queued: 0,
  applying: 1,
  verifying: 2,
  'rolling-back': 3,
  applied: 4,
  refused: 4,
  failed: 4,
  'rolled-back': 4,
};

export function isFinished(state: CommandState): boolean {
  return PROGRESS[state] === 4;
}

/** The engine keeps 500 commands; a few more here lets a long session keep a bulk run's whole history. */
export const KEPT_COMMANDS = 1000;

function isNewer(current: Command | undefined, incoming: Command): boolean {
  if (current === undefined) return true;
  const was = PROGRESS[current.state];
  const now = PROGRESS[incoming.state];
  // Same non-final step again (e.g. 'rolling-back' with a new message): take it. A second outcome: keep the first.
  return now > was || (now === was && now < 4);
}

/** Drops the oldest finished commands beyond the cap; running ones are never dropped, whatever their age. */
function pruned(byId: Record<string, Command>, cap: number): Record<string, Command> {
  const all = Object.values(byId);
  if (all.length <= cap) return byId;
  const finished = all.filter((command) => isFinished(command.state)).sort((a, b) => a.requestedAt - b.requestedAt);
  for (const command of finished.slice(0, all.length - cap)) delete byId[command.id];
  return byId;
}

/**
 * Applies command updates (events or a `control.apply` reply) and returns a new map, or the same map when none of them
 * moved a command forward, so components keyed on identity do not re-render for nothing.
 */
export function mergeCommands(byId: CommandsById, incoming: Iterable<Command>, cap = KEPT_COMMANDS): CommandsById {
  let next: Record<string, Command> | null = null;
  for (const command of incoming) {
    const current = (next ?? byId)[command.id];
    if (!isNewer(current, command)) continue;
    next ??= { ...byId };
    next[command.id] = command;
  }
  return next === null ? byId : pruned(next, cap);
}

/**
 * A fresh `control.list` (after a (re)connect) says which commands the engine still knows; commands it has forgotten
 * (an engine restart) go, since nothing will ever finish them. For the ones it lists, whichever copy is further along
 * wins: an event may have overtaken the list on its way here.
 */
export function replaceCommands(byId: CommandsById, listed: readonly Command[], cap = KEPT_COMMANDS): CommandsById {
  const next: Record<string, Command> = {};
  for (const command of listed) {
    const current = byId[command.id];
    next[command.id] = current !== undefined && !isNewer(current, command) ? current : command;
  }
  return pruned(next, cap);
}

/** One rig's commands, newest first. */
export function commandsForRig(byId: CommandsById, rigId: string, limit: number): Command[] {
  return Object.values(byId)
    .filter((command) => command.rigId === rigId)
    .sort((a, b) => b.requestedAt - a.requestedAt)
    .slice(0, limit);
}

/** The most recent command of one kind ('powerTarget', 'pools', ...) for a rig, for the form that sent it. */
export function latestCommandOfKind(byId: CommandsById, rigId: string, kind: string): Command | null {
  let latest: Command | null = null;
  for (const command of Object.values(byId)) {
    if (command.rigId !== rigId || command.change['kind'] !== kind) continue;
    if (latest === null || command.requestedAt > latest.requestedAt) latest = command;
  }
  return latest;
}

export function countRunning(byId: CommandsById): number {
  let count = 0;
  for (const command of Object.values(byId)) if (!isFinished(command.state)) count += 1;
  return count;
}

export interface BatchSummary {
  total: number;
  /** Not finished yet: queued, applying, verifying or rolling back. */
  inProgress: number;
  applied: number;
  refused: number;
  failed: number;
  rolledBack: number;
  /** Commands of the batch this renderer has not heard of (yet): counted as in progress. */
  unknown: number;
}

/** Where a batch of commands (one bulk change) stands, from their latest known states. */
export function summarizeBatch(byId: CommandsById, commandIds: readonly string[]): BatchSummary {
  const summary: BatchSummary = {
    total: commandIds.length,
    inProgress: 0,
    applied: 0,
    refused: 0,
    failed: 0,
    rolledBack: 0,
    unknown: 0,
  };
  for (const id of commandIds) {
    const command = byId[id];
    if (command === undefined) {
      summary.unknown += 1;
      summary.inProgress += 1;
      continue;
    }
    switch (command.state) {
      case 'queued':
      case 'applying':
      case 'verifying':
      case 'rolling-back':
        summary.inProgress += 1;
        break;
      case 'applied':
        summary.applied += 1;
        break;
      case 'refused':
        summary.refused += 1;
        break;
      case 'failed':
        summary.failed += 1;
        break;
      case 'rolled-back':
        summary.rolledBack += 1;
        break;
    }
  }
  return summary;
}
