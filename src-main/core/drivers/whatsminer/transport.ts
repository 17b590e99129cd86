// One raw request on the Whatsminer API v2 port (TCP 4028), for the requests cgminer/transport.ts cannot send: that
// one always writes {"command":...}, while a privileged command is {"enc":1,"data":"<base64>"} (PROTOCOLS.md A4;
// pyasic create_privileged_cmd). Same rules as the CGMiner transport it mirrors: one request per connection, no
// terminator (pyasic sends none), the reply ends at the first NUL or when the rig closes, and the whole exchange is
// bounded in time and size. Kept separate rather than edited into cgminer/transport.ts, which this folder must not
// change; see README.md ("Asks of the lead").
import net from 'node:net';
import { RigwiseError } from '../../../../src-shared/api/errors.js';

export interface RawRequestOptions {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  maxReplyBytes?: number;
  /** What the request is, for messages: "update_pools". Never the request itself, which may hold secrets. */
  label: string;
}

/** A privileged reply is one short status line; a reply this big is not one. */
const DEFAULT_MAX_REPLY_BYTES = 64 * 1024;

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
      return new RigwiseError('RIG_UNREACHABLE', `${host}:${port}: ${error.code ?? 'connection failed'}`);
  }
}

export function sendRawRequest(
  host: string,
  port: number,
  request: string,
  options: RawRequestOptions,
): Promise<string> {
  const maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
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
            `${host}:${port} did not answer "${options.label}" within ${options.timeoutMs} ms.`,
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
            `${host}:${port} sent more than ${maxReplyBytes} bytes for "${options.label}"; reply refused.`,
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
