// Fetching one BOSminer reading over the cgminer-compatible API on TCP 4028: every read command joined into one
// multi-command where the firmware takes it (Braiins docs show "version+config"), one connection per command where
// it does not. Transport limits (size, time, NUL framing) are the shared cgminer transport's.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { parseLenientJson } from '../cgminer/parse.js';
import { sendCgminerCommand } from '../cgminer/transport.js';
import { isMultiReply, parseSection, READ_COMMANDS, sectionOutcome, splitMultiReply } from './parse.js';
import type { ReadCommand, SectionOutcome } from './parse.js';

export type BosReplies = Map<ReadCommand, SectionOutcome>;

export async function askSection(
  host: string,
  port: number,
  command: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<SectionOutcome> {
  try {
    return parseSection(await sendCgminerCommand(host, port, command, { timeoutMs, signal }));
  } catch (error) {
    if (error instanceof RigwiseError) return { kind: 'error', error };
    return { kind: 'error', error: new RigwiseError('RIG_UNREACHABLE', `${host}:${port} could not be asked.`) };
  }
}

async function askEach(host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<BosReplies> {
  const outcomes = await Promise.all(
    READ_COMMANDS.map(async (command) => [command, await askSection(host, port, command, timeoutMs, signal)] as const),
  );
  return new Map(outcomes);
}

/**
 * All read commands for one rig. `multi` is the caller's memory of whether this rig took a multi-command last time;
 * the result says what to remember. Throws RIG_UNREACHABLE / RIG_BAD_REPLY when the rig cannot be read at all.
 */
export async function fetchReplies(
  host: string,
  port: number,
  timeoutMs: number,
  signal: AbortSignal,
  multi: boolean,
): Promise<{ replies: BosReplies; multi: boolean }> {
  if (multi) {
    const raw = await sendCgminerCommand(host, port, READ_COMMANDS.join('+'), { timeoutMs, signal });
    const parsed = parseLenientJson(raw);
    if (!parsed.ok) throw parsed.error;
    if (isMultiReply(parsed.value, READ_COMMANDS)) {
      return { replies: splitMultiReply(parsed.value, READ_COMMANDS), multi: true };
    }
    // A firmware that does not join commands answers with one STATUS=E ("Invalid command"); anything else that is
    // not a multi-reply is not a BOSminer reply at all.
    if (sectionOutcome(parsed.value).kind !== 'error') {
      throw new RigwiseError('RIG_BAD_REPLY', `${host}:${port} sent something that is not a BOSminer reply.`);
    }
  }
  return { replies: await askEach(host, port, timeoutMs, signal), multi: false };
}
