// Entry of the optimizer worker thread: hands the parent port to the worker's logic. Nothing else lives here.
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker } from '../worker-rpc.js';
import type { OptimizerProtocol, OptimizerWorkerData } from './optimizer-protocol.js';
import { optimizerHandlers } from './optimizer-worker-main.js';

if (!parentPort) throw new Error('optimizer-worker.ts runs as a worker thread only.');
serveWorker<OptimizerProtocol>(parentPort, (emit) => optimizerHandlers(workerData as OptimizerWorkerData, emit));
