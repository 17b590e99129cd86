// Electron IPC transport, written against the few methods it needs so the engine never imports electron: the desktop
// shell passes in the real ipcMain and a way to reach the window. One channel for requests (invoke/handle), one for
// events; requests carry the same {method, params} shape as the WebSocket and go through the same dispatcher.
import { IPC_CHANNELS, RequestMessageSchema } from '../../../src-shared/api/wire.js';
import type { EngineEventBus } from '../events.js';
import type { DispatchOutcome, Dispatcher } from './dispatcher.js';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

export interface IpcTransportOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatcher;
  events: EngineEventBus;
  /** Sends an event to every window that shows the app. */
  broadcast: (channel: string, payload: unknown) => void;
  /** Only frames loaded from the app's own files may call the engine. */
  isTrustedSender: (url: string) => boolean;
}

export function attachIpc({ ipcMain, dispatch, events, broadcast, isTrustedSender }: IpcTransportOptions): () => void {
  ipcMain.handle(IPC_CHANNELS.request, async (event, payload): Promise<DispatchOutcome> => {
    if (!event.senderFrame || !isTrustedSender(event.senderFrame.url)) {
      return { error: { code: 'UNAUTHORIZED', message: 'This frame may not call the Rigwise engine.' } };
    }
    const request = RequestMessageSchema.safeParse(payload);
    if (!request.success) {
      return { error: { code: 'BAD_REQUEST', message: 'A request is {"id", "method", "params"}; this one is not.' } };
    }
    return dispatch(request.data.method, request.data.params);
  });
  const unsubscribe = events.subscribe((event, data) => broadcast(IPC_CHANNELS.event, { event, data }));
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.request);
  };
}
