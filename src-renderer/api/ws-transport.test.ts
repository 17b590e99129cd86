import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WS_PROTOCOL, WS_TOKEN_PROTOCOL_PREFIX } from '../../src-shared/api/index.js';
import type { ConnectionState } from './connection.js';
import type { OpenSocket, SocketHandlers } from './ws-socket.js';
import { WsConnection } from './ws-transport.js';

interface FakeSocket {
  url: string;
  protocols: string[];
  handlers: SocketHandlers;
  sent: unknown[];
  closedWith: number | null;
}

function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const openSocket: OpenSocket = (url, protocols, handlers) => {
    const socket: FakeSocket = { url, protocols, handlers, sent: [], closedWith: null };
    sockets.push(socket);
    return {
      send: (text) => void socket.sent.push(JSON.parse(text)),
      close: (code) => void (socket.closedWith = code ?? null),
    };
  };
  const latest = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  };
  return { sockets, openSocket, latest };
}

function setup(probeServer: (() => Promise<boolean>) | null = null) {
  const fake = fakeSockets();
  const warnings: string[] = [];
  const connection = new WsConnection({
    url: 'ws://127.0.0.1:5555/api',
    token: 'tok123',
    openSocket: fake.openSocket,
    random: () => 0.5,
    callTimeoutMs: 5000,
    probeServer,
    warn: (message) => void warnings.push(message),
  });
  const states: ConnectionState[] = [];
  connection.onStateChange((state) => void states.push(state));
  return { ...fake, connection, states, warnings };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('WsConnection', () => {
  it('offers the protocol and the token as subprotocols to the given URL', () => {
    const { connection, latest } = setup();
    connection.connect();
    expect(latest().url).toBe('ws://127.0.0.1:5555/api');
    expect(latest().protocols).toEqual([WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}tok123`]);
  });

  it('holds calls made while connecting and sends them once the socket opens', () => {
    const { connection, latest } = setup();
    connection.connect();
    void connection.invoke('fleet.list', {});
    expect(latest().sent).toEqual([]);
    latest().handlers.onOpen();
    expect(latest().sent).toEqual([{ id: 1, method: 'fleet.list', params: {} }]);
  });

  it('resolves a call with the result that carries its id', async () => {
    const { connection, latest } = setup();
    connection.connect();
    latest().handlers.onOpen();
    const first = connection.invoke('app.info', {});
    const second = connection.invoke('fleet.list', {});
    latest().handlers.onMessage(JSON.stringify({ id: 2, result: ['rigs'] }));
    latest().handlers.onMessage(JSON.stringify({ id: 1, result: { version: '1' } }));
    await expect(first).resolves.toEqual({ result: { version: '1' } });
    await expect(second).resolves.toEqual({ result: ['rigs'] });
  });

  it('resolves a call with the error value the engine answered', async () => {
    const { connection, latest } = setup();
    connection.connect();
    latest().handlers.onOpen();
    const call = connection.invoke('discovery.start', { range: '127.0.0.0/8' });
    latest().handlers.onMessage(
      JSON.stringify({ id: 1, error: { code: 'RANGE_TOO_LARGE', message: 'Too many addresses' } }),
    );
    await expect(call).resolves.toEqual({ error: { code: 'RANGE_TOO_LARGE', message: 'Too many addresses' } });
  });

  it('keeps the message of an error whose code this renderer does not know', async () => {
    const { connection, latest } = setup();
    connection.connect();
    latest().handlers.onOpen();
    const call = connection.invoke('fleet.list', {});
    latest().handlers.onMessage(JSON.stringify({ id: 1, error: { code: 'SOMETHING_NEW', message: 'Try later' } }));
    await expect(call).resolves.toEqual({ error: { code: 'INTERNAL', message: 'Try later' } });
  });

  it('passes events to subscribers', () => {
    const { connection, latest } = setup();
    const received: Array<[string, unknown]> = [];
    connection.subscribe((event, data) => void received.push([event, data]));
    connection.connect();
    latest().handlers.onOpen();
    latest().handlers.onMessage(JSON.stringify({ event: 'fleet.rigRemoved', data: { rigId: '127.0.9.1:4028' } }));
    expect(received).toEqual([['fleet.rigRemoved', { rigId: '127.0.9.1:4028' }]]);
  });

  it('drops messages that are not JSON with a warning instead of throwing', () => {
    const { connection, latest, warnings } = setup();
    connection.connect();
    latest().handlers.onOpen();
    expect(() => latest().handlers.onMessage('<html>')).not.toThrow();
    expect(warnings).toHaveLength(1);
  });

  it('rejects pending calls when the socket closes and reconnects after a backoff', async () => {
    const { connection, latest, sockets, states } = setup();
    connection.connect();
    latest().handlers.onOpen();
    const call = connection.invoke('fleet.list', {});
    latest().handlers.onClose(1006, '');
    await expect(call).rejects.toThrow(/closed/);
    expect(connection.getState()).toBe('closed');

    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    latest().handlers.onOpen();
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
  });

  it('waits longer after each failed attempt and starts over once connected', () => {
    const { connection, latest, sockets } = setup();
    connection.connect();
    latest().handlers.onClose(1006, '');
    vi.advanceTimersByTime(500);
    latest().handlers.onClose(1006, '');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    latest().handlers.onOpen();
    latest().handlers.onClose(1006, '');
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('fails calls at once while waiting to reconnect', async () => {
    const { connection, latest } = setup();
    connection.connect();
    latest().handlers.onClose(1006, '');
    await expect(connection.invoke('fleet.list', {})).rejects.toThrow(/not connected/);
  });

  it('stops retrying and reports unauthorized when the server closes with 4401', () => {
    const { connection, latest, sockets } = setup();
    connection.connect();
    latest().handlers.onClose(4401, 'bad token');
    expect(connection.getState()).toBe('unauthorized');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('fails a call that gets no answer within the call timeout', async () => {
    const { connection, latest } = setup();
    connection.connect();
    latest().handlers.onOpen();
    const call = connection.invoke('fleet.pollNow', { rigId: 'x:1' });
    vi.advanceTimersByTime(5000);
    await expect(call).rejects.toThrow(/no answer to fleet.pollNow/);
  });

  it('ignores a late close from a socket it has already replaced', () => {
    const { connection, latest, sockets } = setup();
    connection.connect();
    const first = latest();
    first.handlers.onClose(1006, '');
    vi.advanceTimersByTime(500);
    latest().handlers.onOpen();
    first.handlers.onClose(1006, '');
    expect(connection.getState()).toBe('open');
    expect(sockets).toHaveLength(2);
  });

  it('closes the socket and stops reconnecting when disposed', async () => {
    const { connection, latest, sockets } = setup();
    connection.connect();
    latest().handlers.onOpen();
    const call = connection.invoke('fleet.list', {});
    connection.dispose();
    await expect(call).rejects.toThrow();
    expect(latest().closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('reports unauthorized when upgrades keep failing while the HTTP server answers (a 401 at the upgrade)', async () => {
    const { connection, latest, sockets } = setup(() => Promise.resolve(true));
    connection.connect();
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(500);
    expect(sockets).toHaveLength(2);
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connection.getState()).toBe('unauthorized');
    expect(sockets).toHaveLength(2);
  });

  it('keeps retrying when the HTTP server does not answer either (the engine is down)', async () => {
    const { connection, latest, sockets } = setup(() => Promise.resolve(false));
    connection.connect();
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(500);
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(1000);
    expect(connection.getState()).toBe('connecting');
    expect(sockets).toHaveLength(3);
  });

  it('does not count a socket that opened and later dropped as a refusal', async () => {
    const { connection, latest } = setup(() => Promise.resolve(true));
    connection.connect();
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(500);
    latest().handlers.onOpen();
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(500);
    latest().handlers.onClose(1006, '');
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.getState()).toBe('closed');
  });
});
