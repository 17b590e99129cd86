// What the telemetry worker offers the main thread.
import type {
  BreakdownRow,
  HistoryEvent,
  MetricKey,
  Resolution,
  RigMetric,
  SeriesResult,
  TelemetryStatus,
} from '../../../src-shared/model/telemetry.js';
import type { FrameBatch } from './frame-batch.js';
import type { Retention, SeriesRequest } from './history-queries.js';
import type { FleetMinute } from './telemetry-db.js';

export interface TelemetryWorkerData {
  /** Null: in memory. */
  file: string | null;
  /** Tests only: cap the file's pages to make a full disk. */
  maxPages?: number;
  /** How long frames wait before being written together; tests shorten it. */
  writeIntervalMs?: number;
}

export interface TelemetryConfig {
  retention: Retention;
  rawIntervalMs: number;
}

export interface HistoryEventInput {
  t: number;
  rigId: string;
  kind: HistoryEvent['kind'];
  message: string;
  auditId: string | null;
}

export interface TelemetryProtocol {
  methods: {
    configure: { params: TelemetryConfig; result: null };
    /** Clock: the main thread's time, so minutes close on time even when no frame arrives. */
    ingest: { params: { batch: FrameBatch; nowMs: number }; result: null };
    recordEvents: { params: { events: HistoryEventInput[] }; result: null };
    /** Resolves once everything posted before it is written (or has failed and is waiting to be retried). */
    flush: { params: { nowMs: number }; result: TelemetryStatus };
    series: { params: { request: SeriesRequest; nowMs: number }; result: SeriesResult };
    breakdown: {
      params: {
        request: { metric: RigMetric; from: number; to: number; limit: number; order: 'asc' | 'desc' };
        nowMs: number;
      };
      result: { resolution: Resolution; rows: Omit<BreakdownRow, 'name'>[] };
    };
    events: {
      params: { rigId?: string | undefined; from: number; to: number; limit: number };
      result: HistoryEvent[];
    };
    exportCsv: {
      params: {
        request: { rigIds: string[] | undefined; from: number; to: number; resolution: Resolution };
        names: [string, string][];
        maxRows: number;
      };
      result: { csv: string; rows: number; truncated: boolean };
    };
    window: {
      params: { rigId: string; since: number; until: number };
      result: { t: number; values: Record<MetricKey, number | null> }[];
    };
    status: { params: null; result: TelemetryStatus };
    prune: { params: { nowMs: number }; result: { deleted: number } };
    close: { params: null; result: null };
  };
  events: {
    fleetMinute: FleetMinute;
    /** Markers as stored (with their ids), for live charts. */
    historyEvents: HistoryEvent[];
    status: TelemetryStatus;
  };
}
