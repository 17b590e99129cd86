// A small WebSocket client for integration tests and benchmarks: the same wire protocol the renderer speaks.
import WebSocket from 'ws';
import { WS_PATH, WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../src-shared/api/wire.js';

export interface TestClient {
  socket: WebSocket;
  request(method: string, params?: unknown): Promise<Record<string, unknown>>;
  sendRaw(text: string): Promise<Record<string, unknown>>;
  events: Array<{ event: string; data: unknown }>;
  close(): void;
}

export function connect(
  baseUrl: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<TestClient> {
  const protocols = token === null ? [WS_PROTOCOL] : [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${token}`];
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${WS_PATH}`, protocols, { headers });
  const events: TestClient['events'] = [];
  const waiting = new Map<unknown, (message: Record<string, unknown>) => void>();
  const anyReply: Array<(message: Record<string, unknown>) => void> = [];
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    if ('event' in message) {
      events.push(message as { event: string; data: unknown });
      return;
    }
    const resolve = waiting.get(message['id']) ?? anyReply.shift();
    waiting.delete(message['id']);
    resolve?.(message);
  });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        events,
        request: (method, params = {}) =>
          new Promise((done) => {
            const id = nextId++;
            waiting.set(id, done);
            socket.send(JSON.stringify({ id, method, params }));
          }),
        sendRaw: (text) =>
          new Promise((done) => {
            anyReply.push(done);
            socket.send(text);
          }),
        close: () => socket.close(),
      }),
    );
  });
}
