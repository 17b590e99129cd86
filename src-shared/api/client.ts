import type { ApiErrorValue } from './errors.js';
import type { EventData, EventName } from './events.js';
import type { MethodName, MethodParams, MethodResult } from './methods.js';

/** What a transport must offer: the Electron preload bridge and the WebSocket client both satisfy it. */
export interface Transport {
  invoke(method: string, params: unknown): Promise<{ result: unknown } | { error: ApiErrorValue }>;
  subscribe(listener: (event: string, data: unknown) => void): () => void;
}

export type CallOutcome<T> = { data: T; error?: undefined } | { data?: undefined; error: ApiErrorValue };

/** One typed client over any transport. `call` never throws: failures come back as `{ error }` values. */
export interface EngineClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<CallOutcome<MethodResult<M>>>;
  on<E extends EventName>(event: E, listener: (data: EventData<E>) => void): () => void;
}

export function createEngineClient(transport: Transport): EngineClient {
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  transport.subscribe((event, data) => {
    for (const listener of listeners.get(event) ?? []) listener(data);
  });
  return {
    async call(method, params) {
      try {
        const reply = await transport.invoke(method, params);
        if ('error' in reply) return { error: reply.error };
        // The main side validated the result against the same schema before sending it.
        return { data: reply.result as MethodResult<typeof method> };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { error: { code: 'ENGINE_UNREACHABLE', message: `Lost contact with the Rigwise engine: ${message}` } };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (data: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
}
