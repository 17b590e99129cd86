// The only bridge between the sandboxed renderer and the engine: `invoke` and `subscribe`, nothing else. A sandboxed
// preload cannot load project modules, so the channel names are written here and checked against the shared constants
// by their literal types: if src-shared changes them, this file stops compiling.
// A sandboxed preload is CommonJS, where this is how TypeScript spells an import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { Transport } from '../../src-shared/api/client.js';
import type { IPC_CHANNELS } from '../../src-shared/api/wire.js';

const { contextBridge, ipcRenderer } = electron;

const REQUEST_CHANNEL: (typeof IPC_CHANNELS)['request'] = 'rigwise:invoke';
const EVENT_CHANNEL: (typeof IPC_CHANNELS)['event'] = 'rigwise:event';

let nextId = 1;

const bridge = {
  invoke: (method: string, params: unknown) => {
    const id = nextId++;
    return ipcRenderer.invoke(REQUEST_CHANNEL, { id, method, params }) as ReturnType<Transport['invoke']>;
  },
  subscribe: (listener: (event: string, data: unknown) => void) => {
    const onEvent = (_event: electron.IpcRendererEvent, message: { event: string; data: unknown }): void =>
      listener(message.event, message.data);
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
} satisfies Transport;

contextBridge.exposeInMainWorld('rigwise', bridge);
