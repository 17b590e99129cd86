// Control of cgminer builds whose API grants this host privileged access (`--api-allow W:<ip>`): generic cgminer and
// sgminer builds, Avalon. Commands and their replies are cgminer's (kanoi/cgminer and ckolivas/cgminer API-README,
// api.c message table): addpool|URL,USR,PASS ("Use '\\' to get a '\' and '\,' to include a comma inside URL, USR or
// PASS"), poolpriority|N,... (listed pools first, the rest after in their old order), switchpool|N, removepool|N (not
// the active pool, not the last one; later pools are renumbered down), restart (a bare "RESTART", no STATUS).
// Without W: access every one of them answers STATUS=E, Code 45 "Access denied to '<cmd>' command".
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { PoolConfig } from '../../../../src-shared/model/control.js';
import { entries, firstEntry, intField, stringField } from '../fields.js';
import { parseLenientJson } from './parse.js';
import { sendCgminerCommand } from './transport.js';

const ACCESS_DENIED_CODE = 45;

/** cgminer's parameter escaping: a backslash before every backslash and comma. */
export function escapeApiParameter(value: string): string {
  return value.replace(/[\\,]/g, (char) => `\\${char}`);
}

export function addpoolParameter(pool: PoolConfig): string {
  return [pool.url, pool.user, pool.password].map(escapeApiParameter).join(',');
}

export interface ApiTarget {
  host: string;
  port: number;
}

/** Every privileged command of one change shares this deadline. */
interface Budget {
  deadline: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

function remainingMs(target: ApiTarget, budget: Budget): number {
  const left = budget.deadline - Date.now();
  if (left <= 0) {
    throw new RigwiseError(
      'RIG_UNREACHABLE',
      `${target.host}:${target.port} did not finish within ${budget.timeoutMs} ms.`,
    );
  }
  return left;
}

/** What a STATUS=E/F reply means: no privileged access (UNAUTHORIZED) or a refusal (RIG_ERROR). */
function refusal(target: ApiTarget, command: string, code: number | null, message: string): RigwiseError {
  if (code === ACCESS_DENIED_CODE || /access denied/i.test(message)) {
    return new RigwiseError(
      'UNAUTHORIZED',
      `${target.host}:${target.port} denied "${command}": give Rigwise's address privileged API access ` +
        '(cgminer --api-allow W:<address>).',
    );
  }
  return new RigwiseError(
    'RIG_ERROR',
    `${target.host}:${target.port} refused "${command}": ${message || 'no message'}.`,
  );
}

/** Sends one privileged command; resolves with its STATUS Msg, or throws what the rig's STATUS says. */
async function privileged(
  target: ApiTarget,
  command: string,
  parameter: string | undefined,
  budget: Budget,
): Promise<string> {
  const raw = await sendCgminerCommand(
    target.host,
    target.port,
    command,
    { timeoutMs: remainingMs(target, budget), signal: budget.signal },
    parameter,
  );
  const parsed = parseLenientJson(raw);
  if (!parsed.ok) throw parsed.error;
  const status = firstEntry(parsed.value, 'STATUS');
  const severity = stringField(status?.['STATUS'], 4);
  const message = stringField(status?.['Msg'], 160) ?? '';
  if (severity === 'E' || severity === 'F') throw refusal(target, command, intField(status?.['Code']), message);
  if (severity !== 'S' && severity !== 'I' && severity !== 'W') {
    throw new RigwiseError('RIG_BAD_REPLY', `${target.host}:${target.port} sent no STATUS for "${command}".`);
  }
  return message;
}

/** The pool numbers the rig reports now, in order. */
async function poolNumbers(target: ApiTarget, budget: Budget): Promise<number[]> {
  const raw = await sendCgminerCommand(target.host, target.port, 'pools', {
    timeoutMs: remainingMs(target, budget),
    signal: budget.signal,
  });
  const parsed = parseLenientJson(raw);
  if (!parsed.ok) throw parsed.error;
  const status = stringField(firstEntry(parsed.value, 'STATUS')?.['STATUS'], 4);
  // cgminer answers "No pools" as an error; a rig with no pool has nothing to remove.
  if (status === 'E') return [];
  return entries(parsed.value, 'POOLS')
    .slice(0, 64)
    .map((row, position) => intField(row['POOL']) ?? position);
}

/**
 * The commands that make the pools added at `added` (in the wanted order) the only ones, given the rig had pools
 * numbered 0..existingCount-1 before: priority, then switch, then remove the old ones from the highest number down,
 * so every removal leaves the numbers of the old pools still to remove unchanged.
 */
export function poolReplacementCommands(existingCount: number, added: readonly number[]): Array<[string, string]> {
  const [first] = added;
  if (first === undefined) return [];
  const commands: Array<[string, string]> = [
    ['poolpriority', added.join(',')],
    ['switchpool', String(first)],
  ];
  for (let index = existingCount - 1; index >= 0; index -= 1) commands.push(['removepool', String(index)]);
  return commands;
}

/** "Added pool 3: 'url'" (newer cgminer) names the new number; older builds say "Added pool 'url'". */
function addedNumber(message: string, fallback: number): number {
  const match = /Added pool (\d{1,4})\b/i.exec(message);
  return match ? Number(match[1]) : fallback;
}

/** Replaces the rig's pools with `pools`, first one active. */
export async function replacePoolsViaApi(
  target: ApiTarget,
  pools: readonly PoolConfig[],
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const budget: Budget = { deadline: Date.now() + timeoutMs, timeoutMs, signal };
  const existing = await poolNumbers(target, budget);
  const existingCount = existing.length === 0 ? 0 : Math.max(...existing) + 1;
  const added: number[] = [];
  for (const [offset, pool] of pools.entries()) {
    const message = await privileged(target, 'addpool', addpoolParameter(pool), budget);
    added.push(addedNumber(message, existingCount + offset));
  }
  for (const [command, parameter] of poolReplacementCommands(existingCount, added)) {
    await privileged(target, command, parameter, budget);
  }
}

/** `restart`: cgminer answers a bare RESTART (`{"RESTART","id":1}` in JSON mode, not valid JSON) and restarts. */
export async function restartViaApi(target: ApiTarget, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const raw = await sendCgminerCommand(target.host, target.port, 'restart', { timeoutMs, signal });
  if (/^\s*(?:RESTART\b|\{\s*"RESTART"|\{\s*"STATUS"\s*:\s*"RESTART")/.test(raw.slice(0, 64))) return;
  // Not a RESTART: read it as a STATUS reply, so an access denial becomes UNAUTHORIZED.
  const parsed = parseLenientJson(raw);
  if (!parsed.ok) throw parsed.error;
  const status = firstEntry(parsed.value, 'STATUS');
  const message = stringField(status?.['Msg'], 160) ?? 'no RESTART in the reply';
  throw refusal(target, 'restart', intField(status?.['Code']), message);
}
