// The virtual XMRig rig's HTTP behaviour against XMRig's Httpd rules, over real sockets. Loopback block: 127.0.21.90-99.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXmrigRigs, type XmrigRigs } from './farm.js';

let rigs: XmrigRigs;
const TOKEN = 'rigwise-sim-token';
const url = (path: string) => `http://127.0.21.90:8080${path}`;
const bearer = { Authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  rigs = await startXmrigRigs({ count: 1, firstHost: '127.0.21.90', seed: 90, kinds: ['cpu'] });
});

afterAll(async () => {
  await rigs.stop();
});

describe('VirtualXmrig over HTTP', () => {
  it('answers 401 without a header and 403 with a wrong token, in XMRig error bodies with its CORS headers', async () => {
    const missing = await fetch(url('/2/summary'));
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ status: 401, error: 'Unauthorized' });
    expect(missing.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    const wrong = await fetch(url('/2/summary'), { headers: { Authorization: `Bearer ${TOKEN.replace('s', 'x')}` } });
    expect(wrong.status).toBe(403);
    const noScheme = await fetch(url('/2/summary'), { headers: { Authorization: `Basic ${TOKEN}` } });
    expect(noScheme.status).toBe(403);
  });

  it('refuses a PUT whose Content-Type is not exactly application/json with 415', async () => {
    const reply = await fetch(url('/2/config'), {
      method: 'PUT',
      headers: { ...bearer, 'Content-Type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(reply.status).toBe(415);
  });

  it('answers 400 to a config that does not load and 204 to one that does', async () => {
    const put = (body: string) =>
      fetch(url('/2/config'), { method: 'PUT', headers: { ...bearer, 'Content-Type': 'application/json' }, body });
    expect((await put('{"pools":[]}')).status).toBe(400);
    expect((await put('not json')).status).toBe(400);
    const config = await (await fetch(url('/2/config'), { headers: bearer })).text();
    const accepted = await put(config);
    expect(accepted.status).toBe(204);
    expect(await accepted.text()).toBe('');
  });

  it('answers JSON-RPC with a result or a JSON-RPC error, always HTTP 200', async () => {
    const rpc = (body: object) =>
      fetch(url('/json_rpc'), {
        method: 'POST',
        headers: { ...bearer, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const known = await rpc({ method: 'pause', id: 7 });
    expect(await known.json()).toEqual({ result: { status: 'OK' }, jsonrpc: '2.0', id: 7 });
    expect(rigs.rigs[0]?.readState().paused).toBe(true);
    const unknown = await rpc({ method: 'explode', id: 8 });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({
      error: { code: -32601, message: 'Method not found' },
      jsonrpc: '2.0',
      id: 8,
    });
    await rpc({ method: 'resume', id: 9 });
    expect(rigs.rigs[0]?.readState().paused).toBe(false);
  });

  it('answers methods XMRig does not route with 405', async () => {
    const reply = await fetch(url('/2/config'), { method: 'PATCH', headers: bearer, body: '{}' });
    expect(reply.status).toBe(405);
  });

  it('refuses physical faults on a CPU-only rig', async () => {
    await expect(rigs.rigs[0]?.injectFault({ kind: 'deadBoard', board: 0 })).rejects.toThrow(RangeError);
  });
});
