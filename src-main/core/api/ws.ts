// WebSocket transport for the headless server. Checks happen at the HTTP upgrade, before a WebSocket exists: the path,
// the Origin (a page from another site must not drive the farm through the operator's browser), and the token, which
// travels as a subprotocol so it never lands in a URL or a log and is compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  MAX_MESSAGE_BYTES,
  RequestMessageSchema,
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
  type ResponseMessage,
} from '../../../src-shared/api/wire.js';
import type { EngineEventBus } from '../events.js';
import type { Dispatcher } from './dispatcher.js';

/**
 * A client this far behind is disconnected with CLOSE_TOO_SLOW rather than silently missing events: the renderer
 * reconnects and refetches the whole state.
 */
const MAX_BUFFERED_EVENT_BYTES = 8 * 1024 * 1024;
const CLOSE_TOO_SLOW = 4008;

export interface WsTransportOptions {
  server: Server;
  token: string;
  dispatch: Dispatcher;
  events: EngineEventBus;
  /** Host headers this server answers to (DNS-rebinding guard); the shell knows its own addresses. */
  isAllowedHost: (request: IncomingMessage) => boolean;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function tokenMatches(offered: string | null, expected: string): boolean {
  if (offered === null) return false;
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the expected length.
  return timingSafeEqual(digest(offered), digest(expected));
}

function offeredToken(request: IncomingMessage): string | null {
  const header = request.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return null;
  const entry = header
    .split(',')
    .map((part) => part.trim())
    .find((part) => part.startsWith(WS_TOKEN_PROTOCOL_PREFIX));
  return entry ? entry.slice(WS_TOKEN_PROTOCOL_PREFIX.length) : null;
}

/** Browsers always send Origin; it must be this server itself. Non-browser clients (CLI, tests) send none. */
function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`, () =>
    socket.destroy(),
  );
}

function upgradePath(request: IncomingMessage): string | null {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

function send(ws: WebSocket, message: ResponseMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

async function handleMessage(ws: WebSocket, data: RawData, isBinary: boolean, dispatch: Dispatcher): Promise<void> {
  if (isBinary) {
    send(ws, { id: null, error: { code: 'BAD_REQUEST', message: 'Messages must be JSON text.' } });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(
      Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'),
    );
  } catch {
    send(ws, { id: null, error: { code: 'BAD_REQUEST', message: 'The message is not valid JSON.' } });
    return;
  }
  const request = RequestMessageSchema.safeParse(json);
  if (!request.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : null;
    send(ws, {
      id: typeof id === 'number' || typeof id === 'string' ? id : null,
      error: { code: 'BAD_REQUEST', message: 'A request is {"id", "method", "params"}; this one is not.' },
    });
    return;
  }
  const outcome = await dispatch(request.data.method, request.data.params);
  send(ws, { id: request.data.id, ...outcome });
}

export function attachWebSocket({ server, token, dispatch, events, isAllowedHost }: WsTransportOptions): {
  close: () => Promise<void>;
} {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node removes its own error handler before 'upgrade': without this a client reset would crash the process.
    socket.on('error', () => socket.destroy());
    if (upgradePath(request) !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!isAllowedHost(request)) return refuse(socket, 403, 'Forbidden host');
    if (!originAllowed(request)) return refuse(socket, 403, 'Forbidden origin');
    if (!tokenMatches(offeredToken(request), token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      handleMessage(ws, data, isBinary, dispatch).catch((error: unknown) =>
        console.error('[ws] message failed', error),
      );
    });
    ws.on('error', (error) => console.warn('[ws] client error:', error.message));
  });

  const unsubscribe = events.subscribe((event, data) => {
    if (wss.clients.size === 0) return;
    const message = JSON.stringify({ event, data });
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_EVENT_BYTES) client.close(CLOSE_TOO_SLOW, 'Too far behind; reconnect');
      else client.send(message);
    }
  });

  return {
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
