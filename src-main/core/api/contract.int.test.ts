// One contract, two transports: the same requests give the same answers over the WebSocket of the headless server and
// over Electron IPC. IPC runs through attachIpc with a stand-in for ipcMain (Electron cannot start here), the real
// dispatcher and the real engine behind it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineClient, type EngineClient, type Transport } from '../../../src-shared/api/client.js';
import { IPC_CHANNELS } from '../../../src-shared/api/wire.js';
import type { HeadlessApp } from '../../headless/headless-app.js';
import { startTestServer } from '../../testing/headless.js';
import { connect, type TestClient } from '../../testing/ws-client.js';
import { createEngine, type Engine } from '../engine.js';
import { attachIpc, type IpcMainLike } from './ipc.js';

const APP_URL = 'file:///opt/rigwise/dist-renderer/index.html';

function wsTransport(client: TestClient): Transport {
  let seen = 0;
  return {
    invoke: async (method, params) => {
      const reply = await client.request(method, params);
      return 'error' in reply
        ? { error: reply['error'] as { code: 'INTERNAL'; message: string } }
        : { result: reply['result'] };
    },
    subscribe: (listener) => {
      const timer = setInterval(() => {
        for (; seen < client.events.length; seen += 1)
          listener(client.events[seen]?.event ?? '', client.events[seen]?.data);
      }, 10);
      return () => clearInterval(timer);
    },
  };
}

function ipcTransport(engine: Engine, senderUrl: string): { transport: Transport; detach: () => void } {
  let handler: Parameters<IpcMainLike['handle']>[1] | null = null;
  const listeners = new Set<(event: string, data: unknown) => void>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (channel === IPC_CHANNELS.request) handler = listener;
    },
    removeHandler: () => {
      handler = null;
    },
  };
  const detach = attachIpc({
    ipcMain,
    dispatch: engine.dispatch,
    events: engine.events,
    broadcast: (channel, payload) => {
      const message = payload as { event: string; data: unknown };
      if (channel === IPC_CHANNELS.event) for (const listener of listeners) listener(message.event, message.data);
    },
    isTrustedSender: (url) => url === APP_URL,
  });
  let id = 0;
  const transport: Transport = {
    invoke: async (method, params) => {
      if (!handler) throw new Error('no handler');
      return (await handler({ senderFrame: { url: senderUrl } }, { id: ++id, method, params })) as Awaited<
        ReturnType<Transport['invoke']>
      >;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, detach };
}

let app: HeadlessApp;
let wsClient: TestClient;
let ipcEngine: Engine;
let detachIpc: () => void;
const clients: Array<[string, () => EngineClient]> = [];

beforeAll(async () => {
  app = await startTestServer('contract');
  wsClient = await connect(app.baseUrl, app.token);
  const wsEngineClient = createEngineClient(wsTransport(wsClient));
  ipcEngine = createEngine({
    dataDir: null,
    info: { version: 'contract', shell: 'headless', demo: false, demoRange: null },
  });
  const ipc = ipcTransport(ipcEngine, APP_URL);
  detachIpc = ipc.detach;
  const ipcEngineClient = createEngineClient(ipc.transport);
  clients.push(['WebSocket', () => wsEngineClient], ['IPC', () => ipcEngineClient]);
});

afterAll(async () => {
  detachIpc();
  wsClient.close();
  await ipcEngine.stop();
  await app.close();
});

describe.each([['WebSocket'], ['IPC']])('the contract over %s', (name) => {
  const client = (): EngineClient => {
    const found = clients.find(([label]) => label === name);
    if (!found) throw new Error(`no ${name} client`);
    return found[1]();
  };

  it('answers app.info with the shape of the contract', async () => {
    expect(await client().call('app.info', {})).toMatchObject({ data: { version: 'contract', demo: false } });
  });

  it('refuses invalid params with BAD_REQUEST', async () => {
    const outcome = await client().call('discovery.start', { range: '' });
    expect(outcome.error?.code).toBe('BAD_REQUEST');
  });

  it('refuses an unknown method with UNKNOWN_METHOD', async () => {
    const outcome = await client().call('fleet.explode' as 'fleet.list', {});
    expect(outcome.error?.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses fields the method does not take', async () => {
    const outcome = await client().call('fleet.list', { everything: true } as never);
    expect(outcome.error?.code).toBe('BAD_REQUEST');
  });

  it('passes engine errors through with their code', async () => {
    const outcome = await client().call('discovery.start', { range: '127.0.0.0/8' });
    expect(outcome.error).toMatchObject({ code: 'RANGE_TOO_LARGE' });
  });

  it('delivers events for changes it caused', async () => {
    const seen: number[] = [];
    const stop = client().on('settings.changed', (settings) => seen.push(settings.pollIntervalMs));
    await client().call('settings.update', { pollIntervalMs: 7000 });
    await expect.poll(() => seen, { timeout: 2000 }).toContain(7000);
    stop();
  });
});

describe('IPC sender check', () => {
  it('refuses a frame that is not the app itself', async () => {
    const { transport, detach } = ipcTransport(ipcEngine, 'https://evil.example/');
    expect(await transport.invoke('fleet.list', {})).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    detach();
  });
});
