// One scan at a time, started and cancelled through the API, reported as throttled `discovery.progress` events. Each
// rig found goes straight into the fleet so the table fills while the scan runs.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { RigwiseError } from '../../../src-shared/api/errors.js';
import type { ScanProgress } from '../../../src-shared/model/discovery.js';
import type { EngineEventBus } from '../events.js';
import type { DriverRegistry } from '../drivers/registry.js';
import type { FleetService } from '../fleet/fleet-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import { parseRange } from './range.js';
import { scanRange, type ProbeCredential } from './scanner.js';

const PROGRESS_EVERY_MS = 100;

export interface StartScanRequest {
  range: string;
  timeoutMs?: number | undefined;
  concurrency?: number | undefined;
}

export class DiscoveryService {
  private progress: ScanProgress | null = null;
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;
  private lastEmitAt = 0;
  private trailingEmit: NodeJS.Timeout | null = null;

  constructor(
    private readonly drivers: DriverRegistry,
    private readonly fleet: FleetService,
    private readonly settings: SettingsService,
    private readonly events: EngineEventBus,
    private readonly probeCredential: ProbeCredential = () => null,
  ) {}

  status(): ScanProgress | null {
    return this.progress;
  }

  start(request: StartScanRequest): ScanProgress {
    if (this.progress?.state === 'running') {
      throw new RigwiseError('SCAN_IN_PROGRESS', 'A scan is already running; cancel it or wait for it to finish.');
    }
    const range = parseRange(request.range);
    const settings = this.settings.get();
    this.settings.update({ lastScanRange: request.range.trim() });
    const controller = new AbortController();
    // Every host being probed listens on the scan's signal: up to `concurrency` listeners at once.
    setMaxListeners(0, controller.signal);
    this.controller = controller;
    this.progress = {
      scanId: randomUUID(),
      range: range.label,
      state: 'running',
      probed: 0,
      total: range.size,
      found: 0,
      startedAt: Date.now(),
      finishedAt: null,
      error: null,
    };
    this.emit(true);
    const scanId = this.progress.scanId;
    this.running = scanRange({
      range,
      drivers: this.drivers,
      probeCredential: this.probeCredential,
      perHostTimeoutMs: request.timeoutMs ?? settings.scanTimeoutMs,
      concurrency: request.concurrency ?? settings.scanConcurrency,
      signal: controller.signal,
      onFound: (identity) => {
        this.fleet.addOrRefresh(identity);
        this.update(scanId, (p) => ({ ...p, found: p.found + 1 }));
      },
      onProbed: () => this.update(scanId, (p) => ({ ...p, probed: p.probed + 1 })),
    }).then(
      () => this.finish(scanId, controller.signal.aborted ? 'cancelled' : 'done', null),
      (error: unknown) => this.finish(scanId, 'failed', error instanceof Error ? error.message : String(error)),
    );
    return this.progress;
  }

  cancel(scanId: string): ScanProgress {
    if (!this.progress || this.progress.scanId !== scanId) {
      throw new RigwiseError('NOT_FOUND', `No scan ${scanId}.`);
    }
    this.controller?.abort();
    if (this.progress.state === 'running') this.finish(scanId, 'cancelled', null);
    return this.progress;
  }

  /** Resolves when the current scan (if any) has ended: for shutdown and tests. */
  async settled(): Promise<void> {
    await this.running;
  }

  stop(): void {
    this.controller?.abort();
    if (this.trailingEmit) clearTimeout(this.trailingEmit);
  }

  private update(scanId: string, change: (progress: ScanProgress) => ScanProgress): void {
    if (!this.progress || this.progress.scanId !== scanId || this.progress.state !== 'running') return;
    this.progress = change(this.progress);
    this.emit(false);
  }

  private finish(scanId: string, state: ScanProgress['state'], error: string | null): void {
    if (!this.progress || this.progress.scanId !== scanId || this.progress.state !== 'running') return;
    this.progress = { ...this.progress, state, finishedAt: Date.now(), error };
    this.emit(true);
  }

  /** Throttled, with a trailing emit so the last count before a quiet stretch is not lost. */
  private emit(force: boolean): void {
    const waitMs = PROGRESS_EVERY_MS - (Date.now() - this.lastEmitAt);
    if (!force && waitMs > 0) {
      this.trailingEmit ??= setTimeout(() => this.emit(true), waitMs);
      return;
    }
    if (this.trailingEmit) clearTimeout(this.trailingEmit);
    this.trailingEmit = null;
    this.lastEmitAt = Date.now();
    if (this.progress) this.events.emit('discovery.progress', this.progress);
  }
}
