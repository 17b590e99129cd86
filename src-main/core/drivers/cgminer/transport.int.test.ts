// Misbehaving rigs over real sockets: each must cost no more than the timeout and end as a typed error.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendCgminerCommand } from './transport.js';

const HOST = '127.0.70.1';
let server: net.Server | null = null;
const sockets = new Set<net.Socket>();

function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  return new Promise((resolve) => server?.listen(0, HOST, () => resolve((server?.address() as net.AddressInfo).port)));
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function timed(promise: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await promise;
    return { ms: Date.now() - started, error: null };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('sendCgminerCommand', () => {
  it('returns the reply up to the NUL byte even if the rig keeps the socket open', async () => {
    const port = await serve((socket) => socket.write('{"STATUS":[{"STATUS":"S"}],"id":1}\u0000'));
    await expect(sendCgminerCommand(HOST, port, 'version', { timeoutMs: 1000 })).resolves.toBe(
      '{"STATUS":[{"STATUS":"S"}],"id":1}',
    );
  });

  it('gives up on a rig that accepts but never answers, within the timeout', async () => {
    const port = await serve(() => undefined);
    const { ms, error } = await timed(sendCgminerCommand(HOST, port, 'summary', { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(ms).toBeLessThan(1000);
  });

  it('gives up on a rig that trickles bytes forever, within the timeout', async () => {
    const port = await serve((socket) => {
      const timer = setInterval(() => socket.write('{'), 20);
      socket.on('close', () => clearInterval(timer));
      socket.on('error', () => clearInterval(timer));
    });
    const { ms, error } = await timed(sendCgminerCommand(HOST, port, 'summary', { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a reply larger than the limit instead of buffering it', async () => {
    const port = await serve((socket) => {
      socket.on('error', () => undefined);
      socket.write(Buffer.alloc(3 * 1024 * 1024, 0x41));
    });
    const { error } = await timed(
      sendCgminerCommand(HOST, port, 'stats', { timeoutMs: 2000, maxReplyBytes: 1024 * 1024 }),
    );
    expect(error).toMatchObject({ code: 'RIG_BAD_REPLY' });
  });

  it('reports a closed port as unreachable', async () => {
    const port = await serve(() => undefined);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = null;
    await expect(sendCgminerCommand(HOST, port, 'version', { timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'RIG_UNREACHABLE',
    });
  });

  it('stops at once when the caller cancels', async () => {
    const port = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { ms, error } = await timed(
      sendCgminerCommand(HOST, port, 'summary', { timeoutMs: 5000, signal: controller.signal }),
    );
    expect(error).toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(ms).toBeLessThan(1000);
  });
});
