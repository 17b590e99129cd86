// CGMiner API transport: one request per TCP connection, the miner replies and closes (kanoi/cgminer API-README:
// "reply with a string and then close the socket each time"). Most firmwares end the JSON with a NUL byte, so a reply
// is complete at the first NUL or at EOF, whichever comes first. pyasic sends no newline after the request; neither do
// we, because some firmwares treat a trailing newline as part of the command.
import net from 'node:net';
import { RigwiseError } from '../../../../src-shared/api/errors.js';

export interface CgminerRequestOptions {
  signal?: AbortSignal | undefined;
  /** Whole-exchange deadline: connect, send and receive. A rig that trickles bytes still ends here. */
  timeoutMs: number;
  /** Replies longer than this are cut off and refused; real replies are a few KiB. */
  maxReplyBytes?: number;
}

export const DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;

export function sendCgminerCommand(
  host: string,
  port: number,
  command: string,
  options: CgminerRequestOptions,
  parameter?: string,
): Promise<string> {
  const request = JSON.stringify(parameter === undefined ? { command } : { command, parameter });
  return sendRawRequest(host, port, request, { ...options, label: command });
}

export interface RawRequestOptions extends CgminerRequestOptions {
  /** What the request is, for messages ("summary", "update_pools"); never the request, which may hold secrets. */
  label: string;
}

/**
 * Any one request on a CGMiner-API port: `{"command":...}` from sendCgminerCommand, or a Whatsminer privileged
 * `{"enc":1,"data":...}` (PROTOCOLS.md A4).
 */
export function sendRawRequest(
  host: string,
  port: number,
  request: string,
  options: RawRequestOptions,
): Promise<string> {
  const maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  const command = options.label;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const socket = net.createConnection({ host, port });

    const finish = (error: RigwiseError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onAbort = (): void =>
      finish(new RigwiseError('RIG_UNREACHABLE', `Request to ${host}:${port} was cancelled.`));
    const timer = setTimeout(
      () =>
        finish(
          new RigwiseError(
            'RIG_UNREACHABLE',
            `${host}:${port} did not answer "${command}" within ${options.timeoutMs} ms.`,
          ),
        ),
      options.timeoutMs,
    );

    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });

    socket.setNoDelay(true);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxReplyBytes) {
        finish(
          new RigwiseError(
            'RIG_BAD_REPLY',
            `${host}:${port} sent more than ${maxReplyBytes} bytes for "${command}"; reply refused.`,
          ),
        );
        return;
      }
      const nul = chunk.indexOf(0);
      if (nul === -1) {
        chunks.push(chunk);
        return;
      }
      chunks.push(chunk.subarray(0, nul));
      finish(null);
    });
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (error: NodeJS.ErrnoException) => finish(socketError(host, port, error)));
  });
}

function socketError(host: string, port: number, error: NodeJS.ErrnoException): RigwiseError {
  switch (error.code ?? '') {
    case 'ECONNREFUSED':
      return new RigwiseError('RIG_UNREACHABLE', `${host}:${port} refused the connection: is the miner API enabled?`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new RigwiseError('RIG_UNREACHABLE', `${host} cannot be reached on the network.`);
    case 'ECONNRESET':
      return new RigwiseError('RIG_UNREACHABLE', `${host}:${port} reset the connection.`);
    default:
      return new RigwiseError('RIG_UNREACHABLE', `${host}:${port}: ${error.code ?? error.message}`);
  }
}
