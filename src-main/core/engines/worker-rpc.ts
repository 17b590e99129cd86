// The message shapes between the main thread and an engine worker, and the worker's half of the conversation: a
// request/response for calls, one-way posts for fire-and-forget work, and events the worker pushes. The same shapes
// over any `postMessage`/`on('message')` pair, so a worker's logic can be tested with a MessageChannel.
import type { TransferListItem } from 'node:worker_threads';

/** What a worker offers: methods (params -> result) and events (name -> data). */
export interface WorkerProtocol {
  methods: Record<string, { params: unknown; result: unknown }>;
  events: Record<string, unknown>;
}

export type ToWorker =
  { kind: 'call'; id: number; method: string; params: unknown } | { kind: 'post'; method: string; params: unknown };

export type FromWorker =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: { code: string; message: string } }
  | { kind: 'event'; event: string; data: unknown };

export interface MessagePortLike {
  postMessage(message: unknown, transfer?: readonly TransferListItem[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export type WorkerHandlers<P extends WorkerProtocol> = {
  [M in keyof P['methods']]: (
    params: P['methods'][M]['params'],
  ) => P['methods'][M]['result'] | Promise<P['methods'][M]['result']>;
};

export type EmitEvent<P extends WorkerProtocol> = <E extends keyof P['events'] & string>(
  event: E,
  data: P['events'][E],
  transfer?: readonly TransferListItem[],
) => void;

function errorValue(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown }).code;
  return {
    code: typeof code === 'string' ? code : 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The worker side: answers calls with its handlers, runs posts, and returns the function that pushes events. */
export function serveWorker<P extends WorkerProtocol>(
  port: MessagePortLike,
  makeHandlers: (emit: EmitEvent<P>) => WorkerHandlers<P>,
): void {
  const emit: EmitEvent<P> = (event, data, transfer) =>
    port.postMessage({ kind: 'event', event, data } satisfies FromWorker, transfer);
  const handlers = makeHandlers(emit) as Record<string, (params: unknown) => unknown>;
  port.on('message', (raw) => {
    const message = raw as ToWorker;
    const handler = handlers[message.method];
    // Through a promise either way, so a handler that throws and one that rejects are answered alike.
    const run = (): Promise<unknown> =>
      new Promise((resolve) => {
        if (!handler)
          throw Object.assign(new Error(`No method ${message.method} in this worker`), { code: 'UNKNOWN_METHOD' });
        resolve(handler(message.params));
      });
    run().then(
      (result) => {
        if (message.kind === 'call') port.postMessage({ kind: 'result', id: message.id, result } satisfies FromWorker);
      },
      (error: unknown) => {
        if (message.kind === 'call')
          port.postMessage({ kind: 'error', id: message.id, error: errorValue(error) } satisfies FromWorker);
        else console.error(`[worker] ${message.method} failed:`, error);
      },
    );
  });
}
