// The main thread's side of history: turns every poll the fleet publishes into a frame, batches frames for a second
// and posts them to the telemetry worker (which owns SQLite), records chart events, and forwards the API's history
// queries. Nothing here touches the database, so a slow disk or a long query never delays a poll.
import path from 'node:path';
import { RigwiseError } from '../../../src-shared/api/errors.js';
import type { AuditEntry } from '../../../src-shared/model/control.js';
import type { Rig, RigId } from '../../../src-shared/model/rig.js';
import type {
  BreakdownResult,
  ExportResult,
  HistoryEvent,
  Resolution,
  RigMetric,
  SeriesResult,
  TelemetryStatus,
} from '../../../src-shared/model/telemetry.js';
import { WorkerHost, siblingModule } from '../engines/worker-host.js';
import type { EngineEventBus } from '../events.js';
import type { SettingsService } from '../settings/settings-service.js';
import { FrameEncoder, type EncodedFrame } from './frame-encoder.js';
import { packFrames } from './frame-batch.js';
import type { SeriesRequest } from './history-queries.js';
import { eventFromAudit, eventsFromUpdate, rememberRig, type RigMemory } from './history-events.js';
import type { HistoryEventInput, TelemetryConfig, TelemetryProtocol } from './telemetry-protocol.js';

export interface TelemetryOptions {
  /** Where telemetry.db lives; null keeps history in memory. */
  dataDir: string | null;
  /** How often frames are handed to the worker. */
  flushIntervalMs?: number;
  /** Tests only: cap the database's size to make a full disk. */
  maxPages?: number;
  /** How long the worker holds frames before writing them (default 10 s); tests shorten it. */
  writeIntervalMs?: number;
}

/** An export is a download, not a backup: past this, narrow the range or pick a coarser resolution. */
const MAX_EXPORT_ROWS = 250_000;
const FILE_NAME = 'telemetry.db';
/** Polls held while the worker restarts: a minute of a 1,000-rig farm at 1 s polls, a few MB. */
const MAX_HELD_FRAMES = 60_000;

function storageError(error: unknown): RigwiseError {
  if (error instanceof RigwiseError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RigwiseError('STORAGE_ERROR', `History could not be read: ${message}`);
}

export class TelemetryService {
  private readonly host: WorkerHost<TelemetryProtocol>;
  private readonly encoder = new FrameEncoder();
  private frames: EncodedFrame[] = [];
  private historyEvents: HistoryEventInput[] = [];
  private readonly memory = new Map<RigId, RigMemory>();
  private readonly lastTakenAt = new Map<RigId, number>();
  private unsubscribe: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastStatus: TelemetryStatus | null = null;

  constructor(
    private readonly options: TelemetryOptions,
    private readonly events: EngineEventBus,
    private readonly settings: SettingsService,
    /** The fleet's current names, for breakdowns and exports (history keeps ids only). */
    private readonly rigNames: () => ReadonlyMap<RigId, string>,
  ) {
    const file = options.dataDir === null ? null : path.join(options.dataDir, FILE_NAME);
    this.host = new WorkerHost<TelemetryProtocol>({
      entry: siblingModule(import.meta.url, 'telemetry-worker'),
      name: 'telemetry',
      workerData: {
        file,
        ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
        ...(options.writeIntervalMs === undefined ? {} : { writeIntervalMs: options.writeIntervalMs }),
      },
      onEvent: (event, data) => {
        if (event === 'fleetMinute') {
          const minute = data as TelemetryProtocol['events']['fleetMinute'];
          this.events.emit('telemetry.fleetPoint', { t: minute.t, values: minute.values });
        } else if (event === 'historyEvents') {
          this.events.emit('telemetry.historyEvents', data as HistoryEvent[]);
        } else {
          this.publishStatus(data as TelemetryStatus);
        }
      },
      onStart: () => {
        this.host.post('configure', this.config());
        void this.host.call('status', null).then(
          (status) => this.publishStatus(status),
          () => undefined,
        );
      },
      onCrash: (error, restartInMs) =>
        console.error(`[telemetry] worker stopped (${error.message}); restarting in ${restartInMs} ms`),
    });
  }

  start(): void {
    this.host.start();
    this.unsubscribe.push(
      this.events.subscribe((event, data) => {
        if (event === 'fleet.rigUpdated') this.onRig(data as Rig);
        else if (event === 'fleet.rigRemoved') this.onRemoved((data as { rigId: RigId }).rigId);
        else if (event === 'audit.recorded') this.onAudit(data as AuditEntry);
      }),
      this.settings.onChange(() => this.host.post('configure', this.config())),
    );
    this.timer = setInterval(() => this.flush(), this.options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    if (this.timer) clearInterval(this.timer);
    this.flush();
    if (!this.host.running) return this.host.stop(); // never started, or between a crash and its restart
    try {
      await this.host.call('close', null);
    } catch (error) {
      console.error('[telemetry] closing history failed:', (error as Error).message);
    }
    await this.host.stop();
  }

  /** Hands everything buffered to the worker and waits until it is written (tests, shutdown, the CLI). */
  async flushed(): Promise<TelemetryStatus> {
    this.flush();
    return this.host.call('flush', { nowMs: Date.now() });
  }

  /** The latest problem seen, for the shell to show at start-up. */
  get status(): TelemetryStatus | null {
    return this.lastStatus;
  }

  async series(request: SeriesRequest): Promise<SeriesResult> {
    return this.ask(() => this.host.call('series', { request, nowMs: Date.now() }));
  }

  async breakdown(request: {
    metric: RigMetric;
    from: number;
    to: number;
    limit: number;
    order: 'asc' | 'desc';
  }): Promise<BreakdownResult> {
    const result = await this.ask(() => this.host.call('breakdown', { request, nowMs: Date.now() }));
    return {
      metric: request.metric,
      resolution: result.resolution,
      from: request.from,
      to: request.to,
      rows: result.rows.map((row) => ({ ...row, name: this.rigNames().get(row.rigId) ?? row.rigId })),
    };
  }

  async historyEventsIn(request: {
    rigId?: string | undefined;
    from: number;
    to: number;
    limit: number;
  }): Promise<HistoryEvent[]> {
    this.flushEvents();
    return this.ask(() => this.host.call('events', request));
  }

  async exportCsv(request: {
    rigIds?: string[] | undefined;
    from: number;
    to: number;
    resolution: Resolution;
  }): Promise<ExportResult> {
    const rigIds = request.rigIds;
    const result = await this.ask(() =>
      this.host.call('exportCsv', {
        request: { rigIds, from: request.from, to: request.to, resolution: request.resolution },
        names: [...this.rigNames()],
        maxRows: MAX_EXPORT_ROWS,
      }),
    );
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const who = rigIds?.length === 1 ? (rigIds[0] ?? 'rig').replace(/[^a-zA-Z0-9.-]+/g, '-') : 'fleet';
    return {
      ...result,
      filename: `rigwise-${who}-${request.resolution}-${day(request.from)}-to-${day(request.to)}.csv`,
    };
  }

  /** Raw frames of a rig for the engines (the optimizer's and forecaster's input window). */
  async window(rigId: RigId, since: number, until = Date.now()) {
    return this.ask(() => this.host.call('window', { rigId, since, until }));
  }

  async currentStatus(): Promise<TelemetryStatus> {
    return this.ask(() => this.host.call('status', null));
  }

  private async ask<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw storageError(error);
    }
  }

  private config(): TelemetryConfig {
    const settings = this.settings.get();
    // Coarser history is kept at least as long as finer history, whatever a client set: otherwise a range would fall
    // between what was pruned at one resolution and not yet summarised at the next.
    const minuteDays = Math.max(settings.historyMinuteDays, settings.historyRawDays);
    const hourDays = settings.historyHourDays === 0 ? 0 : Math.max(settings.historyHourDays, minuteDays);
    return {
      retention: { rawDays: settings.historyRawDays, minuteDays, hourDays },
      rawIntervalMs: settings.pollIntervalMs,
    };
  }

  private onRig(rig: Rig): void {
    const before = this.memory.get(rig.id);
    this.historyEvents.push(...eventsFromUpdate(before, rig, Date.now()));
    this.memory.set(rig.id, rememberRig(rig));
    const snapshot = rig.snapshot;
    // A rename or a failed poll republishes the last snapshot: only a new reading is a new frame.
    if (rig.status !== 'up' || !snapshot || snapshot.takenAt <= (this.lastTakenAt.get(rig.id) ?? 0)) return;
    this.lastTakenAt.set(rig.id, snapshot.takenAt);
    this.frames.push(this.encoder.encode(rig.id, snapshot));
  }

  private onRemoved(rigId: RigId): void {
    this.encoder.forget(rigId);
    this.memory.delete(rigId);
    this.lastTakenAt.delete(rigId);
  }

  private onAudit(entry: AuditEntry): void {
    const event = eventFromAudit(entry);
    if (event) this.historyEvents.push(event);
  }

  private flushEvents(): void {
    if (this.historyEvents.length === 0) return;
    this.host.post('recordEvents', { events: this.historyEvents });
    this.historyEvents = [];
  }

  /** Posts the buffered frames (or just the clock, so minutes close while every rig is down). */
  private flush(): void {
    if (!this.host.running) {
      // The worker is restarting: hold the polls (bounded, oldest given up first) and send them when it is back.
      if (this.frames.length > MAX_HELD_FRAMES) this.frames.splice(0, this.frames.length - MAX_HELD_FRAMES);
      return;
    }
    this.flushEvents();
    const { batch, transfer } = packFrames(this.frames);
    this.frames = [];
    this.host.post('ingest', { batch, nowMs: Date.now() }, transfer);
  }

  private publishStatus(status: TelemetryStatus): void {
    const previous = this.lastStatus?.problem ?? null;
    this.lastStatus = status;
    if (status.problem && status.problem.message !== previous?.message) {
      console.error(`[telemetry] ${status.problem.message}`);
    }
    this.events.emit('telemetry.status', status);
  }
}
