// One CGMiner-API command as a value: the parsed reply or the RigwiseError that explains why there is none. Shared by
// every family that speaks this API on TCP 4028 (cgminer/bmminer, BOSminer, btminer, TeamRedMiner).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { parseCgminerReply, type ParseOutcome } from './parse.js';
import { sendCgminerCommand } from './transport.js';

export async function askCgminer(
  host: string,
  port: number,
  command: string,
  timeoutMs: number,
  signal: AbortSignal,
  parameter?: string,
): Promise<ParseOutcome> {
  try {
    return parseCgminerReply(await sendCgminerCommand(host, port, command, { timeoutMs, signal }, parameter));
  } catch (error) {
    if (error instanceof RigwiseError) return { ok: false, error };
    throw error;
  }
}
