/**
 * The slice of a WebSocket the transport uses, behind a factory so unit tests can hand in a fake socket and drive
 * open/message/close by hand, without a server or a DOM.
 */
export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  onClose(code: number, reason: string): void;
}

export interface SocketLike {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export type OpenSocket = (url: string, protocols: string[], handlers: SocketHandlers) => SocketLike;

export const openBrowserSocket: OpenSocket = (url, protocols, handlers) => {
  const socket = new WebSocket(url, protocols);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event: MessageEvent<unknown>) => {
    // The engine only sends text frames; a binary frame would be a bug or a stranger, so it is ignored.
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  };
  socket.onclose = (event) => handlers.onClose(event.code, event.reason);
  return socket;
};

/** ws:// for http pages, wss:// for https ones, always to the page's own origin. */
export function sameOriginSocketUrl(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
