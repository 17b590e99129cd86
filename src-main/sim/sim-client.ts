// A minimal raw client for the simulator's own tests: send bytes, collect everything until the rig closes. It
// deliberately does no parsing, so tests see exactly the bytes a driver would see.

import { connect } from 'node:net';

export interface RawExchange {
  bytes: Buffer;
  /** Number of 'data' events: more than one for a trickled reply. */
  chunks: number;
  elapsedMs: number;
}

export interface AskOptions {
  port?: number;
  /** Half-close after writing (some clients do; pyasic does not). */
  halfClose?: boolean;
  timeoutMs?: number;
}

/** Sends `payload` to host:port and resolves with everything received once the rig closes the connection. */
export function askRaw(host: string, payload: string, options: AskOptions = {}): Promise<RawExchange> {
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: options.port ?? 4028 }, () => {
      socket.write(payload);
      if (options.halfClose) socket.end();
    });
    const parts: Buffer[] = [];
    socket.setTimeout(options.timeoutMs ?? 10_000, () => {
      socket.destroy();
      reject(new Error(`no complete reply from ${host} within ${options.timeoutMs ?? 10_000} ms`));
    });
    socket.on('data', (chunk: Buffer) => parts.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      socket.end();
      resolve({ bytes: Buffer.concat(parts), chunks: parts.length, elapsedMs: Date.now() - startedAt });
    });
  });
}

/** Sends a JSON command the way pyasic does (no terminator, socket left open) and parses the reply. */
export async function askJson(host: string, command: string, port = 4028): Promise<Record<string, unknown>> {
  const { bytes } = await askRaw(host, JSON.stringify({ command }), { port });
  return JSON.parse(bytes.toString('utf8').replace(/\0$/, '')) as Record<string, unknown>;
}
