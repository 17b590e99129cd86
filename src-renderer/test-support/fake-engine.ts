import { createEngineClient } from '../../src-shared/api/index.js';
import type { ApiErrorValue } from '../../src-shared/api/index.js';
import type { ConnectionState } from '../api/connection.js';

type Reply = { result: unknown } | { error: ApiErrorValue };

/** An engine stand-in: records calls, answers them when the test says so, and pushes events on demand. */
export function fakeEngine() {
  const calls: Array<{ method: string; params: unknown; resolve: (reply: Reply) => void }> = [];
  let emit: (event: string, data: unknown) => void = () => undefined;
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  const client = createEngineClient({
    invoke: (method, params) => new Promise<Reply>((resolve) => calls.push({ method, params, resolve })),
    subscribe: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  const connection = {
    getState: () => state,
    onStateChange: (listener: (next: ConnectionState) => void) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
  return {
    client,
    connection,
    emit: (event: string, data: unknown) => emit(event, data),
    setState: (next: ConnectionState) => {
      state = next;
      for (const listener of stateListeners) listener(next);
    },
    answer: (method: string, result: unknown) => {
      const index = calls.findIndex((call) => call.method === method);
      const call = calls.splice(index, 1)[0];
      if (index < 0 || !call) throw new Error(`no pending ${method} call`);
      call.resolve({ result });
    },
    refuse: (method: string, error: ApiErrorValue) => {
      const index = calls.findIndex((call) => call.method === method);
      const call = calls.splice(index, 1)[0];
      if (index < 0 || !call) throw new Error(`no pending ${method} call`);
      call.resolve({ error });
    },
    /** Answers every pending call of a method, each from its params. */
    answerAll: (method: string, result: (params: unknown) => unknown) => {
      for (const call of calls.filter((pending) => pending.method === method)) {
        calls.splice(calls.indexOf(call), 1);
        call.resolve({ result: result(call.params) });
      }
    },
    pendingMethods: () => calls.map((call) => call.method),
    pendingParams: (method: string) => calls.filter((call) => call.method === method).map((call) => call.params),
  };
}

export function manualFrames() {
  const callbacks: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => {
      callbacks.push(callback);
      return () => undefined;
    },
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
  };
}

export const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
