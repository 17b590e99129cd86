import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessApp } from '../../headless/headless-app.js';
import { startTestServer } from '../../testing/headless.js';
import { connect } from '../../testing/ws-client.js';

let app: HeadlessApp;

/** Sends raw bytes and returns whatever comes back before the server closes (or 1 s passes). */
function rawHttp(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = net.createConnection({ host: '127.0.0.1', port }, () => socket.write(request));
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('error', () => resolve(reply));
    socket.on('close', () => resolve(reply));
    setTimeout(() => socket.destroy(), 1000);
  });
}

beforeAll(async () => {
  app = await startTestServer('test');
});
afterAll(() => app.close());

describe('WebSocket API of the headless server', () => {
  it('refuses a connection without the token', async () => {
    await expect(connect(app.baseUrl, null)).rejects.toThrow('HTTP 401');
  });

  it('refuses a connection with a wrong token', async () => {
    const wrong = `${app.token.slice(0, -1)}${app.token.endsWith('0') ? '1' : '0'}`;
    await expect(connect(app.baseUrl, wrong)).rejects.toThrow('HTTP 401');
  });

  it('refuses a browser page from another origin even with the token', async () => {
    await expect(connect(app.baseUrl, app.token, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('accepts the token from its own origin and answers a request', async () => {
    const client = await connect(app.baseUrl, app.token, { Origin: app.baseUrl });
    const reply = await client.request('app.info');
    expect(reply).toMatchObject({ id: 1, result: { shell: 'headless', version: 'test', demo: false } });
    client.close();
  });

  it('answers malformed messages with BAD_REQUEST and stays connected', async () => {
    const client = await connect(app.baseUrl, app.token);
    expect(await client.sendRaw('not json')).toMatchObject({ id: null, error: { code: 'BAD_REQUEST' } });
    expect(await client.sendRaw(JSON.stringify({ id: 7, verb: 'fleet.list' }))).toMatchObject({
      id: 7,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await client.request('nope.nothing')).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    expect(await client.request('discovery.start', { range: 42 })).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(await client.request('fleet.list')).toMatchObject({ result: [] });
    client.close();
  });

  it('pushes events to connected clients', async () => {
    const client = await connect(app.baseUrl, app.token);
    await client.request('settings.update', { pollIntervalMs: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const changed = client.events.find((message) => message.event === 'settings.changed');
    expect(changed?.data).toMatchObject({ pollIntervalMs: 4000 });
    client.close();
  });

  it('serves the page with a strict Content-Security-Policy and refuses paths outside the renderer', async () => {
    const page = await fetch(`${app.baseUrl}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // dist-renderer's parent is the project, where package.json does exist.
    const escape = await fetch(`${app.baseUrl}/..%2fpackage.json`);
    expect(escape.status).toBe(404);
    expect((await fetch(`${app.baseUrl}/%00`)).status).toBe(400);
  });

  it('refuses a page that reached it under another host name (DNS rebinding)', async () => {
    const { port } = new URL(app.baseUrl);
    const reply = await rawHttp(
      Number(port),
      `GET / HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1.1 403/);
    await expect(connect(app.baseUrl, app.token, { Host: `evil.example:${port}` })).rejects.toThrow('HTTP 403');
  });

  it('survives malformed upgrade requests and clients that reset mid-upgrade', async () => {
    const { port } = new URL(app.baseUrl);
    const malformed = 'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n';
    await rawHttp(Number(port), malformed);
    for (let i = 0; i < 20; i += 1) {
      const socket = net.createConnection({ host: '127.0.0.1', port: Number(port) });
      socket.on('error', () => undefined);
      socket.write(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`);
      socket.resetAndDestroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const client = await connect(app.baseUrl, app.token);
    expect(await client.request('fleet.list')).toMatchObject({ result: [] });
    client.close();
  });
});
