// The main thread's half: spawns an engine worker, sends it calls and posts, hands its events on, and restarts it
// with a growing delay when it crashes (calls in flight fail with ENGINE_UNREACHABLE; the owner re-sends its
// configuration from onStart). Shared by every worker-thread engine.
import { Worker, type TransferListItem } from 'node:worker_threads';
import { RigwiseError } from '../../../src-shared/api/errors.js';
import type { FromWorker, ToWorker, WorkerProtocol } from './worker-rpc.js';

export interface WorkerHostOptions<P extends WorkerProtocol> {
  /** The worker's entry module (a .ts file under tsx or vitest, the compiled .js in the app). */
  entry: URL;
  name: string;
  workerData?: unknown;
  onEvent: <E extends keyof P['events'] & string>(event: E, data: P['events'][E]) => void;
  /** Runs after every (re)start, before queued calls: where the owner configures the worker. */
  onStart?: () => void;
  /** Told when the worker died unexpectedly and when it will be started again. */
  onCrash?: (error: Error, restartInMs: number) => void;
}

const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
const HEALTHY_RUN_MS = 60_000;

/** A sibling module of the caller, with the caller's own extension (.ts in development, .js when built). */
export function siblingModule(callerUrl: string, name: string): URL {
  const extension = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, callerUrl);
}

function spawn(entry: URL, name: string, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { name, workerData });
  // Source run (tests, `npm run dev` tools): let the worker load TypeScript through tsx, as the main thread does.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, name, workerData });
}

export class WorkerHost<P extends WorkerProtocol> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private stopping = false;
  private restartDelayMs = FIRST_RESTART_DELAY_MS;
  private restartTimer: NodeJS.Timeout | null = null;
  private startedAt = 0;

  constructor(private readonly options: WorkerHostOptions<P>) {}

  /** False between a crash and the restart: posts are refused then, so the owner can hold what it would send. */
  get running(): boolean {
    return this.worker !== null;
  }

  start(): void {
    this.stopping = false;
    this.startedAt = Date.now();
    const worker = spawn(this.options.entry, this.options.name, this.options.workerData);
    this.worker = worker;
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => {
      if (code !== 0 || !this.stopping)
        this.crashed(worker, new Error(`${this.options.name} worker exited with code ${code}`));
    });
    this.options.onStart?.();
  }

  call<M extends keyof P['methods'] & string>(
    method: M,
    params: P['methods'][M]['params'],
    transfer?: readonly TransferListItem[],
  ): Promise<P['methods'][M]['result']> {
    const worker = this.worker;
    if (!worker) return Promise.reject(this.unreachable());
    const id = this.nextId++;
    return new Promise<P['methods'][M]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value), reject });
      worker.postMessage({ kind: 'call', id, method, params } satisfies ToWorker, transfer);
    });
  }

  /** Fire and forget: no reply. Dropped (and said so by the return value) while the worker is down. */
  post<M extends keyof P['methods'] & string>(
    method: M,
    params: P['methods'][M]['params'],
    transfer?: readonly TransferListItem[],
  ): boolean {
    if (!this.worker) return false;
    this.worker.postMessage({ kind: 'post', method, params } satisfies ToWorker, transfer);
    return true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = null;
    this.failPending();
    if (worker) await worker.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.kind === 'event') {
      const event = message.event as keyof P['events'] & string;
      this.options.onEvent(event, message.data as P['events'][typeof event]);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.kind === 'result') waiting.resolve(message.result);
    else waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
  }

  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker || this.stopping) return;
    this.worker = null;
    this.failPending();
    void worker.terminate();
    // A worker that ran a good while before failing starts again soon; one that keeps failing waits longer each time.
    if (Date.now() - this.startedAt > HEALTHY_RUN_MS) this.restartDelayMs = FIRST_RESTART_DELAY_MS;
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, MAX_RESTART_DELAY_MS);
    this.options.onCrash?.(error, delay);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.start();
    }, delay);
    this.restartTimer.unref();
  }

  private failPending(): void {
    for (const waiting of this.pending.values()) waiting.reject(this.unreachable());
    this.pending.clear();
  }

  private unreachable(): RigwiseError {
    return new RigwiseError(
      'ENGINE_UNREACHABLE',
      `The ${this.options.name} worker is not running; it is being restarted.`,
    );
  }
}
