// Entry of the telemetry worker thread: hands the parent port to the worker's logic. Nothing else lives here.
import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker } from '../engines/worker-rpc.js';
import type { TelemetryProtocol, TelemetryWorkerData } from './telemetry-protocol.js';
import { telemetryHandlers } from './telemetry-worker-main.js';

if (!parentPort) throw new Error('telemetry-worker.ts runs as a worker thread only.');
serveWorker<TelemetryProtocol>(parentPort, (emit) => telemetryHandlers(workerData as TelemetryWorkerData, emit));
