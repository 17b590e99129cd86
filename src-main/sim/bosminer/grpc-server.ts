// A plaintext HTTP/2 gRPC server for unary calls, on a virtual rig's loopback address, with the simulator's network
// faults. Wire format as grpc/grpc doc/PROTOCOL-HTTP2.md: a request is HEADERS (:method POST, :path
// /<service>/<method>, content-type application/grpc, custom metadata) and one Length-Prefixed-Message; a reply is
// HEADERS (:status 200, content-type, metadata), one Length-Prefixed-Message and trailers with grpc-status, or, for
// an immediate error, a single "Trailers-Only" HEADERS frame. This file knows nothing of Braiins OS.
import http2 from 'node:http2';
import { assertLoopback } from '../addresses.js';
import { garbage } from '../connection.js';
import type { Fault } from '../faults.js';
import { ProtoWriter } from '../../core/drivers/bosminer/protobuf.js';

/** No BOS+ request we serve is anywhere near this; larger ones are refused like a real server's limit would. */
const MAX_REQUEST_BYTES = 64 * 1024;
/** gRPC status 13 INTERNAL, for requests that cannot be decoded. */
const INTERNAL = 13;

export interface GrpcRequest {
  path: string;
  /** Lower-case custom metadata (authorization, ...). */
  metadata: Readonly<Record<string, string>>;
  message: Uint8Array;
}

export type GrpcResult =
  | { ok: true; message: Uint8Array; headers?: Record<string, string> }
  | { ok: false; status: number; statusMessage: string };

export interface GrpcServerOptions {
  host: string;
  port: number;
  faults: () => readonly Fault[];
  /** Throwing is allowed: the caller's decode errors become INTERNAL, as real servers answer undecodable requests. */
  handle: (request: GrpcRequest) => GrpcResult;
  random: () => () => number;
}

function findFault<K extends Fault['kind']>(
  faults: readonly Fault[],
  kind: K,
): Extract<Fault, { kind: K }> | undefined {
  return faults.find((fault): fault is Extract<Fault, { kind: K }> => fault.kind === kind);
}

function framed(message: Uint8Array): Buffer {
  const buffer = Buffer.alloc(5 + message.length);
  buffer.writeUInt32BE(message.length, 1);
  buffer.set(message, 5);
  return buffer;
}

function unframed(body: Buffer): Uint8Array | null {
  if (body.length < 5 || body.readUInt8(0) !== 0) return null;
  const length = body.readUInt32BE(1);
  return body.length === 5 + length ? body.subarray(5) : null;
}

export class GrpcRigServer {
  private server: http2.Http2Server | null = null;
  private readonly sessions = new Set<http2.ServerHttp2Session>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private portNumber: number;

  constructor(private readonly options: GrpcServerOptions) {
    assertLoopback(options.host);
    this.portNumber = options.port;
  }

  get port(): number {
    return this.portNumber;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = http2.createServer();
    server.on('session', (session) => {
      this.sessions.add(session);
      session.on('error', () => undefined);
      session.on('close', () => this.sessions.delete(session));
    });
    server.on('stream', (stream, headers) => this.onStream(stream, headers));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: this.options.host, port: this.portNumber, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', () => undefined);
    const bound = server.address();
    if (bound && typeof bound === 'object') this.portNumber = bound.port;
    this.server = server;
  }

  /** Closes the server and every session (the "unreachable" fault and shutdown). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    this.server = null;
    for (const session of this.sessions) session.destroy();
    this.sessions.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on('error', () => undefined);
    const contentType = String(headers['content-type'] ?? '');
    if (headers[':method'] !== 'POST' || !contentType.startsWith('application/grpc')) {
      stream.respond({ ':status': 415 }, { endStream: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        stream.close(http2.constants.NGHTTP2_REFUSED_STREAM);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (stream.destroyed || stream.headersSent) return;
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (!name.startsWith(':') && typeof value === 'string') metadata[name] = value;
      }
      const message = unframed(Buffer.concat(chunks));
      let result: GrpcResult;
      if (!message) result = { ok: false, status: INTERNAL, statusMessage: 'Malformed request message' };
      else {
        try {
          result = this.options.handle({ path: String(headers[':path'] ?? ''), metadata, message });
        } catch {
          result = { ok: false, status: INTERNAL, statusMessage: 'Failed to decode request' };
        }
      }
      this.reply(stream, result);
    });
  }

  private reply(stream: http2.ServerHttp2Stream, result: GrpcResult): void {
    const faults = this.options.faults();
    if (findFault(faults, 'hang')) return;
    const send = (): void => {
      if (stream.destroyed) return;
      if (!result.ok) {
        stream.respond(
          {
            ':status': 200,
            'content-type': 'application/grpc',
            'grpc-status': String(result.status),
            'grpc-message': encodeURIComponent(result.statusMessage),
          },
          { endStream: true },
        );
        return;
      }
      let message = result.message;
      const oversized = findFault(faults, 'oversized');
      if (oversized)
        message = Buffer.concat([message, new ProtoWriter().string(15, 'x'.repeat(oversized.sizeBytes)).finish()]);
      let payload = framed(message);
      if (findFault(faults, 'garbageReplies')) payload = garbage(payload.toString('latin1'), this.options.random());
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', ...result.headers },
        { waitForTrailers: true },
      );
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      this.write(stream, payload, findFault(faults, 'trickle'));
    };
    const delayMs = findFault(faults, 'slowReplies')?.delayMs ?? 0;
    if (delayMs > 0) this.later(delayMs, send);
    else send();
  }

  private write(
    stream: http2.ServerHttp2Stream,
    payload: Buffer,
    trickle: Extract<Fault, { kind: 'trickle' }> | undefined,
  ) {
    if (!trickle) {
      stream.end(payload);
      return;
    }
    let offset = 0;
    const chunk = (): void => {
      if (stream.destroyed) return;
      stream.write(payload.subarray(offset, offset + trickle.chunkBytes));
      offset += trickle.chunkBytes;
      if (offset < payload.length) this.later(trickle.intervalMs, chunk);
      else stream.end();
    };
    chunk();
  }
}
