import {
  ApiErrorSchema,
  EventMessageSchema,
  WS_PROTOCOL,
  WS_TOKEN_PROTOCOL_PREFIX,
} from '../../src-shared/api/index.js';
import type { ApiErrorValue } from '../../src-shared/api/index.js';
import { reconnectDelayMs } from './backoff.js';
import type { ConnectionState, EngineConnection } from './connection.js';
import { openBrowserSocket } from './ws-socket.js';
import type { OpenSocket, SocketLike } from './ws-socket.js';

type Reply = { result: unknown } | { error: ApiErrorValue };
type EventListener = (event: string, data: unknown) => void;

interface PendingCall {
  method: string;
  text: string;
  sent: boolean;
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface WsConnectionOptions {
  url: string;
  token: string;
  openSocket?: OpenSocket;
  /** A call that gets no answer in this time fails, so a button never stays busy forever. */
  callTimeoutMs?: number;
  random?: () => number;
  warn?: (message: string, detail?: unknown) => void;
  /**
   * Asks whether the HTTP server behind the socket answers. Used after an upgrade that never opened: if the server is
   * up but refused the socket, retrying with the same token is pointless. Without it such refusals just keep retrying.
   */
  probeServer?: (() => Promise<boolean>) | null;
}

/**
 * Close codes that say "your token is wrong" after the socket opened: 4401 mirrors HTTP 401 in the private range,
 * 1008 is the standard policy violation.
 */
const UNAUTHORIZED_CLOSE_CODES: ReadonlySet<number> = new Set([4401, 1008]);
/**
 * The headless server checks the token at the HTTP upgrade and answers 401 before any socket exists; the browser
 * reports that only as close code 1006, the same as an engine that is down. So: if the upgrade fails this many times
 * in a row while the HTTP server itself answers, the token is what is refused. Two, not one, so an engine that has
 * started serving files a moment before attaching its socket is not mistaken for a refusal.
 */
const REFUSED_UPGRADES_BEFORE_UNAUTHORIZED = 2;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Errors from an engine newer than this renderer may carry codes we do not know; keep their message for the user. */
function toErrorValue(raw: unknown): ApiErrorValue {
  const parsed = ApiErrorSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const message =
    isRecord(raw) && typeof raw.message === 'string' ? raw.message : 'The engine sent an unreadable error.';
  return { code: 'INTERNAL', message };
}

/** The browser transport: JSON requests/replies and pushed events over one WebSocket, reconnecting with backoff. */
export class WsConnection implements EngineConnection {
  readonly kind = 'ws';
  readonly #options: Required<Omit<WsConnectionOptions, 'url' | 'token'>> & { url: string; token: string };
  #state: ConnectionState = 'connecting';
  #socket: SocketLike | null = null;
  #socketOpened = false;
  #refusedUpgrades = 0;
  #started = false;
  #disposed = false;
  #attempt = 0;
  #nextId = 1;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #pending = new Map<number, PendingCall>();
  readonly #eventListeners = new Set<EventListener>();
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(options: WsConnectionOptions) {
    this.#options = {
      openSocket: openBrowserSocket,
      callTimeoutMs: DEFAULT_CALL_TIMEOUT_MS,
      random: Math.random,
      probeServer: null,
      warn: (message, detail) => console.warn(message, detail),
      ...options,
    };
  }

  getState(): ConnectionState {
    return this.#state;
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  subscribe(listener: EventListener): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  connect(): void {
    if (this.#started || this.#disposed) return;
    this.#started = true;
    this.#openSocket();
  }

  invoke(method: string, params: unknown): Promise<Reply> {
    // While a socket is being opened, calls wait for it; while we are between attempts they fail at once, so a
    // button press during an outage says so instead of hanging until the engine returns.
    if (this.#state !== 'open' && this.#state !== 'connecting') {
      return Promise.reject(new Error(this.#state === 'unauthorized' ? 'not authorized' : 'not connected'));
    }
    const id = this.#nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer to ${method} within ${Math.round(this.#options.callTimeoutMs / 1000)} s`));
      }, this.#options.callTimeoutMs);
      const call: PendingCall = {
        method,
        text: JSON.stringify({ id, method, params }),
        sent: false,
        resolve,
        reject,
        timer,
      };
      this.#pending.set(id, call);
      if (this.#state === 'open') this.#send(call);
    });
  }

  /** Stops for good: closes the socket, cancels the retry timer and fails every waiting call. */
  dispose(): void {
    this.#disposed = true;
    if (this.#reconnectTimer !== null) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'closed by the app');
    this.#rejectAll('the connection was closed');
    this.#setState('closed');
  }

  #openSocket(): void {
    this.#setState('connecting');
    this.#socketOpened = false;
    const protocols = [WS_PROTOCOL, `${WS_TOKEN_PROTOCOL_PREFIX}${this.#options.token}`];
    try {
      const socket = this.#options.openSocket(this.#options.url, protocols, {
        onOpen: () => this.#handleOpen(socket),
        onMessage: (text) => this.#handleMessage(text),
        onClose: (code) => this.#handleClose(socket, code),
      });
      this.#socket = socket;
    } catch (error) {
      // The WebSocket constructor throws a SyntaxError for a malformed subprotocol: the token itself is unusable.
      this.#options.warn('Rigwise: could not open the engine connection', error);
      this.#rejectAll('not authorized');
      this.#setState('unauthorized');
    }
  }

  #handleOpen(socket: SocketLike): void {
    if (socket !== this.#socket) return;
    this.#attempt = 0;
    this.#socketOpened = true;
    this.#refusedUpgrades = 0;
    this.#setState('open');
    for (const call of this.#pending.values()) if (!call.sent) this.#send(call);
  }

  #handleClose(socket: SocketLike, code: number): void {
    if (socket !== this.#socket) return;
    this.#socket = null;
    this.#rejectAll('the connection to the engine closed');
    if (UNAUTHORIZED_CLOSE_CODES.has(code)) {
      this.#setState('unauthorized');
      return;
    }
    this.#setState('closed');
    if (this.#disposed) return;
    const { probeServer } = this.#options;
    if (!this.#socketOpened && probeServer !== null) {
      void this.#checkForRefusal(probeServer);
      return;
    }
    this.#refusedUpgrades = 0;
    this.#scheduleReconnect();
  }

  async #checkForRefusal(probeServer: () => Promise<boolean>): Promise<void> {
    const serverAnswers = await probeServer().catch(() => false);
    if (this.#disposed || this.#state !== 'closed') return;
    this.#refusedUpgrades = serverAnswers ? this.#refusedUpgrades + 1 : 0;
    if (this.#refusedUpgrades >= REFUSED_UPGRADES_BEFORE_UNAUTHORIZED) {
      this.#setState('unauthorized');
      return;
    }
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const delayMs = reconnectDelayMs(this.#attempt, this.#options.random);
    this.#attempt += 1;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      this.#openSocket();
    }, delayMs);
  }

  #handleMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.#options.warn('Rigwise: dropped a message from the engine that is not JSON', text.slice(0, 200));
      return;
    }
    if (isRecord(message) && 'event' in message) {
      this.#emitEvent(message);
    } else if (isRecord(message) && 'id' in message) {
      this.#settleCall(message);
    } else {
      this.#options.warn('Rigwise: dropped a message from the engine that is neither a reply nor an event', message);
    }
  }

  #emitEvent(message: Record<string, unknown>): void {
    const parsed = EventMessageSchema.safeParse(message);
    if (!parsed.success) {
      this.#options.warn('Rigwise: dropped a malformed event', message);
      return;
    }
    for (const listener of this.#eventListeners) {
      try {
        listener(parsed.data.event, parsed.data.data);
      } catch (error) {
        // One failing listener must not starve the others of the event stream.
        console.error('Rigwise: an event listener failed', error);
      }
    }
  }

  #settleCall(message: Record<string, unknown>): void {
    const call = typeof message.id === 'number' ? this.#pending.get(message.id) : undefined;
    if (call === undefined) {
      // A reply after its call timed out, or a null id for a request the engine could not read.
      this.#options.warn('Rigwise: dropped a reply that matches no waiting call', message);
      return;
    }
    this.#pending.delete(message.id as number);
    clearTimeout(call.timer);
    if ('error' in message) call.resolve({ error: toErrorValue(message.error) });
    else call.resolve({ result: message.result });
  }

  #send(call: PendingCall): void {
    call.sent = true;
    this.#socket?.send(call.text);
  }

  #rejectAll(reason: string): void {
    const calls = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of calls) {
      clearTimeout(call.timer);
      call.reject(new Error(reason));
    }
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }
}
