// A worker for worker-host's tests: echoes, fails on request, pushes an event, and can die.
import { parentPort } from 'node:worker_threads';
import { serveWorker } from './worker-rpc.js';

export interface EchoProtocol {
  methods: {
    echo: { params: { text: string }; result: string };
    fail: { params: null; result: null };
    shout: { params: { text: string }; result: null };
    die: { params: null; result: null };
  };
  events: { shouted: string };
}

if (parentPort) {
  serveWorker<EchoProtocol>(parentPort, (emit) => ({
    echo: ({ text }) => text,
    fail: () => {
      throw Object.assign(new Error('asked to fail'), { code: 'NOT_FOUND' });
    },
    shout: ({ text }) => {
      emit('shouted', text.toUpperCase());
      return null;
    },
    die: () => process.exit(3),
  }));
}
