import { WS_PATH, createEngineClient } from '../../src-shared/api/index.js';
import type { EngineClient } from '../../src-shared/api/index.js';
import type { EngineConnection } from './connection.js';
import { createIpcConnection } from './ipc-transport.js';
import { validatingListener } from './validated-events.js';
import { forgetAccessToken, reloadOnNewToken, takeAccessToken } from './ws-token.js';
import { sameOriginSocketUrl } from './ws-socket.js';
import { WsConnection } from './ws-transport.js';

export type EngineSetup =
  { kind: 'ready'; connection: EngineConnection; client: EngineClient } | { kind: 'needs-token' };

/**
 * Picks the transport once, at startup: inside Electron the preload has put `window.rigwise` in place; anywhere else
 * we are a browser tab served by the headless server and talk WebSocket to the same origin.
 */
export function setUpEngine(win: Window): EngineSetup {
  const connection = win.rigwise ? createIpcConnection(win.rigwise) : openWsConnection(win);
  if (connection === null) return { kind: 'needs-token' };
  const client = createEngineClient({
    invoke: (method, params) => connection.invoke(method, params),
    subscribe: (listener) => connection.subscribe(validatingListener(listener)),
  });
  return { kind: 'ready', connection, client };
}

function openWsConnection(win: Window): EngineConnection | null {
  reloadOnNewToken(win);
  const token = takeAccessToken({ location: win.location, history: win.history, storage: win.sessionStorage });
  if (token === null) return null;
  const connection = new WsConnection({
    url: sameOriginSocketUrl(win.location, WS_PATH),
    token,
    probeServer: () => serverAnswers(win),
  });
  connection.onStateChange((state) => {
    // A refused token will be refused again after a reload; forget it so the tab shows how to get a fresh link.
    if (state === 'unauthorized') forgetAccessToken(win.sessionStorage);
  });
  return connection;
}

/** Whether the server that served this page still answers plain HTTP (see WsConnection's probeServer). */
async function serverAnswers(win: Window): Promise<boolean> {
  try {
    const response = await win.fetch(new URL('./', win.location.href), { method: 'HEAD', cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
