// The driver's transports against hand-built servers over real sockets: a cgminer-API server replaying real BOSminer
// replies that refuses multi-commands, and HTTP/2 servers that are not quite gRPC.
// This file owns 127.0.23.200-127.0.23.209.
import http2 from 'node:http2';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { BosminerDriver } from './driver.js';
import {
  BOSMINER_PLUS_FANS,
  BOSMINER_PLUS_POOLS,
  BOSMINER_PLUS_SUMMARY,
  DOCS_DEVDETAILS,
  DOCS_TEMPS,
  DOCS_TUNERSTATUS,
  FOREMAN_S9_DEVS,
} from './fixtures/bos-replies.js';
import { GrpcSession } from './grpc-client.js';

const HOST = '127.0.23.200';
const signal = new AbortController().signal;
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Real replies (sources in fixtures/bos-replies.ts), one command per connection, NUL-terminated. */
const REPLIES: Record<string, object> = {
  summary: BOSMINER_PLUS_SUMMARY,
  pools: BOSMINER_PLUS_POOLS,
  devs: FOREMAN_S9_DEVS,
  devdetails: DOCS_DEVDETAILS,
  temps: DOCS_TEMPS,
  fans: BOSMINER_PLUS_FANS,
  tunerstatus: DOCS_TUNERSTATUS,
};

async function replayServer(commands: string[]): Promise<number> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => {
      const { command } = JSON.parse(chunk.toString('utf8')) as { command: string };
      commands.push(command);
      const reply = REPLIES[command] ?? {
        STATUS: [{ STATUS: 'E', When: 1, Code: 14, Msg: 'Invalid command', Description: 'BOSminer+ 0.2.0' }],
        id: 1,
      };
      socket.end(`${JSON.stringify(reply)}\0`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as net.AddressInfo).port;
}

async function http2Server(onStream: (stream: http2.ServerHttp2Stream) => void): Promise<number> {
  const server = http2.createServer();
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (session) => sessions.add(session));
  server.on('stream', (stream) => {
    stream.on('error', () => undefined);
    stream.resume();
    stream.on('end', () => onStream(stream));
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  closers.push(async () => {
    for (const session of sessions) session.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as net.AddressInfo).port;
}

describe('reading a firmware that does not take multi-commands', () => {
  it('falls back to one command per connection and reads the real replies, and remembers to', async () => {
    const commands: string[] = [];
    const port = await replayServer(commands);
    const identity: RigIdentity = {
      host: HOST,
      port,
      family: 'bosminer',
      make: 'Bitmain',
      model: 'Antminer S9',
      firmware: 'BOSminer+ 0.2.0-36c56a9363',
      apiVersion: '3.7',
      mac: null,
      serial: null,
    };
    const driver = new BosminerDriver();
    const snapshot = await driver.read({ identity, timeoutMs: 2000 }, signal);
    expect(snapshot.hashrateThs).toBeCloseTo(13.967277, 5);
    expect([snapshot.powerW, snapshot.uptimeS]).toEqual([1419, 3680]);
    expect(snapshot.boards).toHaveLength(3);
    expect(commands[0]).toBe('summary+pools+devs+devdetails+temps+fans+tunerstatus');
    commands.length = 0;
    await driver.read({ identity, timeoutMs: 2000 }, signal);
    expect(commands.some((command) => command.includes('+'))).toBe(false);
  });
});

describe('GrpcSession against servers that are not quite gRPC', () => {
  const call = async (port: number) => {
    const session = new GrpcSession({ host: HOST, port, timeoutMs: 2000 });
    try {
      return await session.call('/braiins.bos.v1.ActionsService/PauseMining', new Uint8Array(0));
    } finally {
      session.close();
    }
  };

  it('calls an HTTP/2 server that answers 404 with HTML "not a gRPC server"', async () => {
    const port = await http2Server((stream) => {
      stream.respond({ ':status': 404, 'content-type': 'text/html' });
      stream.end('<h1>Not found</h1>');
    });
    await expect(call(port)).resolves.toMatchObject({ ok: false, error: { code: 'RIG_BAD_REPLY' } });
  });

  it('reads a Trailers-Only PERMISSION_DENIED as UNAUTHORIZED, with its percent-encoded message decoded', async () => {
    const port = await http2Server((stream) => {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '7', 'grpc-message': 'No%20access' },
        { endStream: true },
      );
    });
    const outcome = await call(port);
    expect(outcome).toMatchObject({ ok: false, grpcStatus: 7, error: { code: 'UNAUTHORIZED' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('No access');
  });

  it('refuses a reply that ends without any grpc-status', async () => {
    const port = await http2Server((stream) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
      stream.end(Buffer.from([0, 0, 0, 0, 0]));
    });
    await expect(call(port)).resolves.toMatchObject({ ok: false, error: { code: 'RIG_BAD_REPLY' } });
  });

  it('reports a closed gRPC port as RIG_UNREACHABLE', async () => {
    const port = await http2Server(() => undefined);
    await Promise.all(closers.splice(0).map((close) => close()));
    await expect(call(port)).resolves.toMatchObject({ ok: false, error: { code: 'RIG_UNREACHABLE' } });
  });
});
