import type { Transport } from '../../src-shared/api/index.js';
import type { EngineConnection } from './connection.js';

/**
 * The desktop transport: the engine lives in Electron's main process, so the link cannot drop while this window
 * exists; if the main process dies the window dies with it. The state is therefore always 'open'.
 */
export function createIpcConnection(bridge: Transport): EngineConnection {
  return {
    kind: 'ipc',
    invoke: (method, params) => bridge.invoke(method, params),
    subscribe: (listener) => bridge.subscribe(listener),
    getState: () => 'open',
    onStateChange: () => () => undefined,
    connect: () => undefined,
  };
}
