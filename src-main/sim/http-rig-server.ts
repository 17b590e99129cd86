// An HTTP API server for a virtual rig (AxeOS, XMRig, GPU miners, Antminer web CGI), on the rig's own loopback
// address, with the same network faults as the CGMiner server: unreachable (not listening), hang, slow, trickle,
// garbage and oversized replies. The family module supplies the routes; this file knows nothing of any firmware.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { assertLoopback } from './addresses.js';
import { garbage } from './connection.js';
import type { Fault } from './faults.js';

/** Request bodies a rig API would accept; anything larger is refused as a real embedded server would. */
const MAX_BODY_BYTES = 64 * 1024;

export interface HttpRigRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The body parsed as JSON when it is JSON, else the raw text ('' when empty). */
  body: unknown;
  rawBody: string;
}

export interface HttpRigReply {
  status: number;
  /** An object is sent as JSON; a string as it is. */
  body: unknown;
  headers?: Record<string, string>;
}

export interface HttpRigServerOptions {
  host: string;
  port: number;
  faults: () => readonly Fault[];
  handle: (request: HttpRigRequest) => HttpRigReply;
  random: () => () => number;
}

function findFault<K extends Fault['kind']>(
  faults: readonly Fault[],
  kind: K,
): Extract<Fault, { kind: K }> | undefined {
  return faults.find((fault): fault is Extract<Fault, { kind: K }> => fault.kind === kind);
}

function parseBody(text: string): unknown {
  if (text.length === 0) return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class HttpRigServer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private portNumber: number;

  constructor(private readonly options: HttpRigServerOptions) {
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
    const server = createServer((request, response) => this.onRequest(request, response));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
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

  /** Closes the server and every open connection (the "unreachable" fault and shutdown). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private onRequest(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        response.writeHead(413).end();
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (response.headersSent) return;
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://rig');
      const reply = this.options.handle({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: parseBody(rawBody),
        rawBody,
      });
      this.send(response, reply);
    });
  }

  private send(response: ServerResponse, reply: HttpRigReply): void {
    const faults = this.options.faults();
    if (findFault(faults, 'hang')) return;
    const isJson = typeof reply.body !== 'string';
    let text = isJson ? JSON.stringify(reply.body) : (reply.body as string);
    const oversized = findFault(faults, 'oversized');
    if (oversized && text.endsWith('}')) text = `${text.slice(0, -1)},"padding":"${'x'.repeat(oversized.sizeBytes)}"}`;
    let payload: Buffer = Buffer.from(text);
    if (findFault(faults, 'garbageReplies')) payload = garbage(text, this.options.random());
    const headers = { 'Content-Type': isJson ? 'application/json' : 'text/plain', ...reply.headers };
    const write = (): void => {
      if (response.destroyed) return;
      const trickle = findFault(faults, 'trickle');
      response.writeHead(reply.status, headers);
      if (!trickle) {
        response.end(payload);
        return;
      }
      let offset = 0;
      const chunk = (): void => {
        if (response.destroyed) return;
        response.write(payload.subarray(offset, offset + trickle.chunkBytes));
        offset += trickle.chunkBytes;
        if (offset < payload.length) this.later(trickle.intervalMs, chunk);
        else response.end();
      };
      chunk();
    };
    const delayMs = findFault(faults, 'slowReplies')?.delayMs ?? 0;
    if (delayMs > 0) this.later(delayMs, write);
    else write();
  }
}
