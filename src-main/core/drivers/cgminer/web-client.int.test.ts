// The Digest client against small hand-written HTTP servers that misbehave in the ways an embedded web server can.
// Loopback block 127.0.24.0/24, address .60.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { digestRequest } from './web-client.js';

const HOST = '127.0.24.60';
const CREDENTIALS = { username: 'root', password: 's3cret-root' };
let server: Server | null = null;

function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  return new Promise((resolve) =>
    server?.listen(0, HOST, () => resolve(`http://${HOST}:${(server?.address() as AddressInfo).port}/cgi-bin/x.cgi`)),
  );
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const challenge = (response: ServerResponse): void => {
  response.writeHead(401, { 'WWW-Authenticate': 'Digest realm="antMiner Configuration", nonce="abc123", qop="auth"' });
  response.end('401');
};

describe('digestRequest', () => {
  it('answers the challenge once, with an Authorization that names the user but never carries the password', async () => {
    const seen: string[] = [];
    const url = await serve((request, response) => {
      const authorization = request.headers.authorization;
      if (!authorization) return challenge(response);
      seen.push(authorization);
      response.end('ok');
    });
    const reply = await digestRequest({ method: 'GET', url, credentials: CREDENTIALS, timeoutMs: 2000 });
    expect(reply).toMatchObject({ status: 200, text: 'ok', authenticated: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(
      /^Digest username="root", realm="antMiner Configuration", nonce="abc123", uri="\/cgi-bin\/x\.cgi"/,
    );
    expect(seen[0]).not.toContain('s3cret');
  });

  it('turns a second 401 into UNAUTHORIZED without the password in the message', async () => {
    const url = await serve((_request, response) => challenge(response));
    const error = await digestRequest({ method: 'GET', url, credentials: CREDENTIALS, timeoutMs: 2000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String((error as Error).message)).not.toContain('s3cret');
  });

  it('refuses a Basic-only login as UNAUTHORIZED: Rigwise only answers Digest', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end();
    });
    await expect(
      digestRequest({ method: 'GET', url, credentials: CREDENTIALS, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('accepts a connection dropped after the login only when asked to (a rebooting rig)', async () => {
    const url = await serve((request, response) => {
      if (!request.headers.authorization) return challenge(response);
      request.socket.destroy();
    });
    const request = { method: 'GET' as const, url, credentials: CREDENTIALS, timeoutMs: 2000 };
    await expect(digestRequest(request)).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    await expect(digestRequest({ ...request, acceptDropAfterLogin: true })).resolves.toMatchObject({ status: 0 });
  });

  it('keeps both requests within one timeout when the server stalls after the challenge', async () => {
    const url = await serve((request, response) => {
      if (!request.headers.authorization) return challenge(response);
      // never answers the authenticated request
    });
    const started = Date.now();
    await expect(digestRequest({ method: 'GET', url, credentials: CREDENTIALS, timeoutMs: 400 })).rejects.toMatchObject(
      {
        code: 'RIG_UNREACHABLE',
      },
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses an endless body as RIG_BAD_REPLY', async () => {
    const url = await serve((request, response) => {
      if (!request.headers.authorization) return challenge(response);
      response.writeHead(200);
      response.end(Buffer.alloc(1024 * 1024, 0x61));
    });
    await expect(
      digestRequest({ method: 'GET', url, credentials: CREDENTIALS, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: 'RIG_BAD_REPLY',
    });
  });
});
