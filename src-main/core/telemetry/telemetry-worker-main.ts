// The telemetry worker's logic: owns the database, writes what the main thread posts in batches, retries when the
// disk is full, replaces a database found damaged (kept aside, never deleted), prunes by the retention, and answers
// the history queries. Kept apart from the entry file so it can run in-thread in tests.
import fs from 'node:fs';
import type { HistoryEvent, TelemetryStatus } from '../../../src-shared/model/telemetry.js';
import type { EmitEvent, WorkerHandlers } from '../engines/worker-rpc.js';
import { unpackFrames } from './frame-batch.js';
import { HistoryReader, type ReadContext } from './history-queries.js';
import {
  isDamage,
  isDiskFull,
  openTelemetryDatabase,
  setAside,
  type OpenedDatabase,
  type OpenOptions,
} from './open-database.js';
import { pruneHistory } from './retention.js';
import { TelemetryDb, type IngestFrame } from './telemetry-db.js';
import type { TelemetryConfig, TelemetryProtocol, TelemetryWorkerData } from './telemetry-protocol.js';

/** Frames kept for a retry while writes fail: about 20 minutes of a 1,000-rig farm at the default poll rate. */
export const MAX_PENDING_FRAMES = 250_000;
const RETRY_DELAY_MS = 5000;
/**
 * Frames are written every 10 s, not every second: a batch then holds two polls of each rig at the default 5 s
 * rate, and since a rig's rows share a page, each page is written half as often (the WAL writes whole pages).
 * A crash loses at most this interval; a query writes what is held first.
 */
export const DEFAULT_WRITE_INTERVAL_MS = 10_000;
const PRUNE_EVERY_MS = 10 * 60_000;

type Problem = NonNullable<TelemetryStatus['problem']>;

/**
 * Opens the file and builds the store on it. Building reads the keys and the rows after the closed marks, which the
 * open check does not touch: damage found there is handled like damage found at open (set aside, start fresh).
 */
function openStore(file: string | null, options: OpenOptions): { opened: OpenedDatabase; store: TelemetryDb } {
  const opened = openTelemetryDatabase(file, options);
  try {
    return { opened, store: new TelemetryDb(opened.db) };
  } catch (error) {
    if (!isDamage(error) || opened.path === null) throw error;
    opened.db.close();
    const keptAs = setAside(opened.path);
    const fresh = openTelemetryDatabase(opened.path, options);
    const reason = error instanceof Error ? error.message : String(error);
    const problem = fresh.problem ?? {
      code: 'CORRUPT' as const,
      message: `The history database was damaged (${reason}). It was kept as ${keptAs} and a fresh one was started.`,
      setAsidePath: keptAs,
    };
    return { opened: { ...fresh, problem }, store: new TelemetryDb(fresh.db) };
  }
}

export function telemetryHandlers(
  data: TelemetryWorkerData,
  emit: EmitEvent<TelemetryProtocol>,
): WorkerHandlers<TelemetryProtocol> {
  const openOptions = data.maxPages === undefined ? {} : { maxPages: data.maxPages };
  let { opened, store } = openStore(data.file, openOptions);
  let reader = new HistoryReader(store);
  let problem: Problem | null = opened.problem ? { ...opened.problem, at: Date.now() } : null;
  let config: TelemetryConfig = { retention: { rawDays: 7, minuteDays: 90, hourDays: 0 }, rawIntervalMs: 5000 };
  let clock = 0;
  let queue: IngestFrame[][] = [];
  let queued = 0;
  let written = 0;
  let dropped = 0;
  let lastWriteAt: number | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let writeTimer: NodeJS.Timeout | null = null;
  const writeIntervalMs = data.writeIntervalMs ?? DEFAULT_WRITE_INTERVAL_MS;
  let pruning = false;
  let closed = false;

  const context = (nowMs: number): ReadContext => ({
    nowMs,
    rawIntervalMs: config.rawIntervalMs,
    retention: config.retention,
  });

  function sizeOnDisk(): number {
    if (opened.path === null) {
      const pages = Number(store.db.pragma('page_count', { simple: true }));
      return pages * Number(store.db.pragma('page_size', { simple: true }));
    }
    let size = 0;
    for (const suffix of ['', '-wal']) {
      try {
        size += fs.statSync(opened.path + suffix).size;
      } catch {
        // No WAL yet.
      }
    }
    return size;
  }

  function status(): TelemetryStatus {
    return {
      path: opened.path,
      sizeBytes: sizeOnDisk(),
      framesWritten: written,
      framesPending: queued,
      framesDropped: dropped,
      lastWriteAt,
      oldest: reader.oldest(),
      problem,
    };
  }

  function setProblem(next: Problem | null): void {
    const changed = next?.code !== problem?.code || next?.message !== problem?.message;
    problem = next;
    if (changed) emit('status', status());
  }

  /** A damaged file found while running: set it aside and carry on with a fresh one. */
  function replaceDamaged(error: unknown): void {
    const file = opened.path;
    try {
      store.db.close();
    } catch {
      // Already unusable; the rename below is what matters.
    }
    const keptAs = file === null ? null : setAside(file);
    ({ opened, store } = openStore(file, openOptions));
    reader = new HistoryReader(store);
    const reason = error instanceof Error ? error.message : String(error);
    setProblem(
      opened.problem
        ? { ...opened.problem, at: Date.now() }
        : {
            code: 'CORRUPT',
            message: `The history database was damaged (${reason}). It was kept as ${keptAs ?? 'memory'} and a fresh one was started.`,
            at: Date.now(),
            setAsidePath: keptAs,
          },
    );
  }

  function trimQueue(): void {
    while (queued > MAX_PENDING_FRAMES && queue.length > 1) {
      const oldest = queue.shift() ?? [];
      queued -= oldest.length;
      dropped += oldest.length;
    }
  }

  function drain(): void {
    if (writeTimer) clearTimeout(writeTimer);
    writeTimer = null;
    if (retryTimer || closed) return;
    const frames = queue.flat();
    try {
      const result = store.ingest(frames, clock);
      queue = [];
      queued = 0;
      written += result.written;
      if (result.written > 0) lastWriteAt = clock;
      for (const minute of result.closedMinutes) emit('fleetMinute', minute);
      if (problem && problem.code !== 'CORRUPT' && problem.code !== 'UNREADABLE') setProblem(null);
    } catch (error) {
      if (isDamage(error)) {
        replaceDamaged(error);
        setImmediate(drain);
        return;
      }
      const full = isDiskFull(error);
      const reason = error instanceof Error ? error.message : String(error);
      setProblem({
        code: full ? 'DISK_FULL' : 'WRITE_FAILED',
        message: full
          ? 'History could not be written: the disk is full. Polling goes on; the last polls are held and written when space is freed.'
          : `History could not be written (${reason}). Polling goes on; Rigwise retries every few seconds.`,
        at: Date.now(),
        setAsidePath: null,
      });
      trimQueue();
      retryTimer = setTimeout(() => {
        retryTimer = null;
        drain();
      }, RETRY_DELAY_MS);
      retryTimer.unref();
    }
  }

  /** The next write, a write interval from now unless one is already due. */
  function scheduleDrain(): void {
    if (writeTimer || closed) return;
    writeTimer = setTimeout(drain, writeIntervalMs);
    writeTimer.unref();
  }

  /** A query first writes what is held, so an answer always holds every poll the worker has been given. */
  function current<T>(read: () => T): T {
    drain();
    return guarded(read);
  }

  async function prune(): Promise<{ deleted: number }> {
    if (pruning || closed) return { deleted: 0 };
    pruning = true;
    try {
      // Between steps other messages run, close among them: a prune cut short by it simply stops.
      const pause = () =>
        new Promise<void>((resolve, reject) =>
          setImmediate(() => (closed ? reject(Object.assign(new Error('closed'), { code: 'CLOSED' })) : resolve())),
        );
      return await pruneHistory(store, config.retention, clock || Date.now(), pause);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'CLOSED') return { deleted: 0 };
      throw error;
    } finally {
      pruning = false;
    }
  }

  function guarded<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!isDamage(error)) throw error;
      replaceDamaged(error);
      throw Object.assign(
        new Error('The history database was damaged and has been set aside; history starts afresh.'),
        {
          code: 'STORAGE_ERROR',
        },
      );
    }
  }

  const pruneTimer = setInterval(
    () => void prune().catch((error: unknown) => console.error('[telemetry] prune failed:', error)),
    PRUNE_EVERY_MS,
  );
  pruneTimer.unref();

  return {
    configure: (next) => {
      config = next;
      void prune().catch((error: unknown) => console.error('[telemetry] prune failed:', error));
      return null;
    },
    ingest: ({ batch, nowMs }) => {
      clock = Math.max(clock, nowMs);
      const frames = unpackFrames(batch);
      if (frames.length > 0) {
        queue.push(frames);
        queued += frames.length;
        trimQueue();
      }
      scheduleDrain();
      return null;
    },
    recordEvents: ({ events }) => {
      const recorded: HistoryEvent[] = [];
      for (const event of events) {
        try {
          recorded.push({ ...event, id: store.recordEvent(event) });
        } catch (error) {
          // An event is a chart marker: losing one to a full disk must not stop the frames behind it.
          if (isDamage(error)) replaceDamaged(error);
          else console.error('[telemetry] could not record an event:', (error as Error).message);
        }
      }
      if (recorded.length > 0) emit('historyEvents', recorded);
      return null;
    },
    flush: ({ nowMs }) => {
      clock = Math.max(clock, nowMs);
      drain();
      return status();
    },
    series: ({ request, nowMs }) => current(() => reader.series(request, context(nowMs))),
    breakdown: ({ request, nowMs }) => current(() => reader.breakdown(request, context(nowMs))),
    events: (request) => current(() => reader.events(request)),
    exportCsv: ({ request, names, maxRows }) =>
      current(() => {
        const lines: string[] = [];
        let truncated = false;
        for (const line of reader.exportLines(request, new Map(names))) {
          if (lines.length > maxRows) {
            truncated = true;
            break;
          }
          lines.push(line);
        }
        return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1, truncated };
      }),
    window: ({ rigId, since, until }) => current(() => reader.window(rigId, since, until)),
    status: () => status(),
    prune: async ({ nowMs }) => {
      clock = Math.max(clock, nowMs);
      return prune();
    },
    close: () => {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      clearInterval(pruneTimer);
      drain(); // clears the write timer too
      closed = true;
      if (retryTimer) clearTimeout(retryTimer); // the last drain may have failed and armed a retry
      store.db.close();
      return null;
    },
  };
}
