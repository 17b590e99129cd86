// History store benchmarks, on real SQLite files in a temporary folder:
// - ingest: frames of an S19-shaped rig (3 boards, 4 fans: 36 metrics) written in batches as the telemetry worker
//   writes them, rollups included; samples (metric values) per second (target >= 200,000/s). Baseline in the same
//   run: the same samples written the naive way, one row per sample (series, time, value), same batches.
// - query: 30 days of 1-minute history for 100 rigs, one metric: the fleet chart and the per-rig lines as the UI
//   asks for them (auto resolution: hourly rollups), the same at 1-minute rollups, and the same answered from raw
//   rows (baseline). The raw rows here are one a minute, so the baseline is 12x kinder than a real 5 s poll rate.
// - size: bytes on disk per rig per day at the default 5 s poll rate, per table, and at the default retention.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UNKNOWN_CONTROL_STATE } from '../src-shared/model/control.js';
import type { RigSnapshot } from '../src-shared/model/rig.js';
import { FrameEncoder } from '../src-main/core/telemetry/frame-encoder.js';
import { HistoryReader, type ReadContext } from '../src-main/core/telemetry/history-queries.js';
import { openTelemetryDatabase } from '../src-main/core/telemetry/open-database.js';
import { TelemetryDb, type IngestFrame } from '../src-main/core/telemetry/telemetry-db.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 1);

function s19Snapshot(t: number, seed: number): RigSnapshot {
  const wobble = (k: number) => Math.sin(seed * 7.1 + t / 37_000 + k) * 0.5 + 0.5;
  const boards = [0, 1, 2].map((index) => ({
    index,
    hashrateThs: 36 + wobble(index) * 2,
    chipTempC: 70 + wobble(index + 3) * 8,
    boardTempC: 60 + wobble(index + 6) * 6,
    frequencyMhz: 675,
    chipsOk: 114,
    chipsTotal: 114,
    hardwareErrors: Math.floor(t / 60_000) + index,
    powerW: null,
    fanPercent: null,
    status: 'ok' as const,
  }));
  const hashrate = boards.reduce((sum, board) => sum + board.hashrateThs, 0);
  return {
    takenAt: t,
    hashrateThs: hashrate,
    hashrateAvgThs: hashrate,
    powerW: hashrate * 29.5,
    powerIsEstimate: true,
    efficiencyJPerTh: 29.5,
    maxChipTempC: Math.max(...boards.map((board) => board.chipTempC)),
    maxBoardTempC: Math.max(...boards.map((board) => board.boardTempC)),
    boards,
    fans: [0, 1, 2, 3].map((index) => ({ index, rpm: 5400 + wobble(index) * 300 })),
    pools: [],
    uptimeS: t / 1000,
    accepted: Math.floor(t / 6000),
    rejected: Math.floor(t / 600_000),
    hardwareErrors: Math.floor(t / 60_000),
    control: UNKNOWN_CONTROL_STATE,
  };
}

/** Names only: nothing is contacted. */
const rigIdOf = (rig: number): string => `127.0.${200 + (rig >> 8)}.${rig & 255}:4028`;

/** Frames of `rigs` rigs polled every `stepMs` from `from` for `count` polls each, one batch per poll round. */
function* rounds(
  rigs: number,
  from: number,
  stepMs: number,
  count: number,
  encoder: FrameEncoder,
): Generator<IngestFrame[]> {
  for (let round = 0; round < count; round++) {
    const t = from + round * stepMs;
    const frames: IngestFrame[] = [];
    for (let rig = 0; rig < rigs; rig++) {
      frames.push(encoder.encode(rigIdOf(rig), s19Snapshot(t + rig, rig)));
    }
    yield frames;
  }
}

function tempStore(dir: string, name: string): TelemetryDb {
  return new TelemetryDb(openTelemetryDatabase(path.join(dir, name)).db);
}

function fileSize(file: string): number {
  return ['', '-wal'].reduce(
    (sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0),
    0,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeIt(runs: number, task: () => unknown): number {
  task(); // warm the page cache and the statement cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    task();
    times.push(performance.now() - started);
  }
  return median(times);
}

function ingestFigures(dir: string): Record<string, number | string> {
  const RIGS = 1000;
  const ROUNDS = 120; // 10 minutes of a 1,000-rig farm at 5 s
  const batches = [...rounds(RIGS, START, 5000, ROUNDS, new FrameEncoder())];
  const samples = batches.reduce((sum, batch) => sum + batch.reduce((n, frame) => n + frame.values.length, 0), 0);

  const store = tempStore(dir, 'ingest.db');
  const started = performance.now();
  for (const batch of batches) store.ingest(batch, (batch[0]?.t ?? 0) + 5000);
  const ours = (performance.now() - started) / 1000;
  store.db.close();

  // Baseline: one row per sample, clustered by series and time, written in the same batches.
  const naive = openTelemetryDatabase(path.join(dir, 'naive.db')).db;
  naive.exec('CREATE TABLE sample (series INTEGER, t INTEGER, v REAL, PRIMARY KEY (series, t)) WITHOUT ROWID');
  const insert = naive.prepare('INSERT OR REPLACE INTO sample (series, t, v) VALUES (?, ?, ?)');
  const write = naive.transaction((batch: IngestFrame[]) => {
    batch.forEach((frame, rig) => {
      const t = Math.floor(frame.t / 1000);
      frame.values.forEach((value, metric) => {
        if (!Number.isNaN(value)) insert.run(rig * 64 + metric, t, value);
      });
    });
  });
  const baselineStarted = performance.now();
  for (const batch of batches) write(batch);
  const baseline = (performance.now() - baselineStarted) / 1000;
  naive.close();

  return {
    'frames (rig polls) written': batches.length * RIGS,
    'samples (metric values) written': samples,
    'samples per second, Rigwise store (target >= 200,000)': Math.round(samples / ours),
    'samples per second, baseline row per sample': Math.round(samples / baseline),
    'ratio (Rigwise / baseline)': (baseline / ours).toFixed(1),
  };
}

function queryFigures(dir: string): Record<string, number | string> {
  const RIGS = 100;
  const DAYS = Number(process.env.RIGWISE_BENCH_DAYS ?? 30);
  const store = tempStore(dir, 'query.db');
  const encoder = new FrameEncoder();
  // One frame a minute per rig, so 30 days of 1-minute rollups exist without writing 52 million raw rows.
  let round = 0;
  const perRound = 60 * 24; // a day per transaction
  for (let day = 0; day < DAYS; day++) {
    const batch: IngestFrame[] = [];
    for (const frames of rounds(RIGS, START + day * DAY_MS, 60_000, perRound, encoder)) batch.push(...frames);
    store.ingest(batch, START + (day + 1) * DAY_MS);
    round += perRound;
  }
  store.advance(START + DAYS * DAY_MS + 3_600_000);
  const reader = new HistoryReader(store);
  const to = START + DAYS * DAY_MS;
  const context: ReadContext = {
    nowMs: to,
    rawIntervalMs: 5000,
    retention: { rawDays: 3650, minuteDays: 3650, hourDays: 0 },
  };
  const fleetChart = (resolution: 'auto' | 'raw' | '1m') =>
    reader.series({ scope: { fleet: true }, metric: 'hashrate', from: START, to, maxPoints: 720, resolution }, context);
  const rigLines = (resolution: 'auto' | 'raw' | '1m') => {
    let points = 0;
    for (let rig = 0; rig < RIGS; rig++) {
      const rigId = rigIdOf(rig);
      points += reader.series(
        { scope: { rigId }, metric: 'hashrate', from: START, to, maxPoints: 720, resolution },
        context,
      ).points.length;
    }
    return points;
  };
  /** The fleet's total from raw rows: what a store without rollups must do for the same chart. */
  const fleetFromRaw = () => {
    const totals = new Map<number, number>();
    for (let rig = 0; rig < RIGS; rig++) {
      const key = store.rigKeyOf(rigIdOf(rig)) ?? -1;
      for (const reading of reader.read(key, 'hashrate', 'raw', START, to)) {
        const bucket = Math.floor((reading.t - START) / 3_600_000);
        totals.set(bucket, (totals.get(bucket) ?? 0) + reading.avg);
      }
    }
    return totals.size;
  };
  const fleetAuto = timeIt(5, () => fleetChart('auto'));
  const fleetMinute = timeIt(3, () => fleetChart('1m'));
  const linesAuto = timeIt(3, () => rigLines('auto'));
  const linesMinute = timeIt(1, () => rigLines('1m'));
  const linesRaw = timeIt(1, () => rigLines('raw'));
  const fleetRaw = timeIt(1, fleetFromRaw);
  store.db.close();
  return {
    'rows: raw / 1-minute rollups (100 rigs, 30 days)': `${round * RIGS} / ${round * RIGS}`,
    'fleet hashrate chart, 30 d, auto (1 h rollups), ms (target < 100)': fleetAuto.toFixed(1),
    'fleet hashrate chart, 30 d, from 1-minute rollups, ms': fleetMinute.toFixed(1),
    'fleet hashrate chart, 30 d, from raw rows (baseline), ms': fleetRaw.toFixed(1),
    'ratio fleet chart raw / auto': (fleetRaw / fleetAuto).toFixed(0),
    '100 rig lines, 30 d, auto (1 h rollups), ms (target < 100)': linesAuto.toFixed(1),
    '100 rig lines, 30 d, from 1-minute rollups, ms': linesMinute.toFixed(1),
    '100 rig lines, 30 d, from raw rows (baseline), ms': linesRaw.toFixed(1),
    'ratio rig lines raw / auto': (linesRaw / linesAuto).toFixed(0),
  };
}

function sizeFigures(dir: string): Record<string, number | string> {
  const RIGS = 20;
  const file = path.join(dir, 'size.db');
  const store = tempStore(dir, 'size.db');
  const polls = DAY_MS / 5000;
  let batch: IngestFrame[] = [];
  for (const frames of rounds(RIGS, START, 5000, polls, new FrameEncoder())) {
    batch.push(...frames);
    if (batch.length >= 5000) {
      store.ingest(batch, (batch.at(-1)?.t ?? 0) + 1);
      batch = [];
    }
  }
  store.ingest(batch, START + DAY_MS + 3_600_000);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const tables = store.db
    .prepare(
      "SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN ('raw', 'rollup_1m', 'rollup_1h') GROUP BY name",
    )
    .all() as { name: string; bytes: number }[];
  const perRigDay = (name: string) => (tables.find((row) => row.name === name)?.bytes ?? 0) / RIGS;
  store.db.close();
  const raw = perRigDay('raw');
  const minute = perRigDay('rollup_1m');
  const hour = perRigDay('rollup_1h');
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  return {
    'file bytes per rig per day, 5 s polls, S19 (36 metrics)': Math.round(fileSize(file) / RIGS),
    'raw frames, KiB per rig per day': (raw / 1024).toFixed(0),
    '1-minute rollups, KiB per rig per day': (minute / 1024).toFixed(0),
    '1-hour rollups, KiB per rig per day': (hour / 1024).toFixed(1),
    'per rig at default retention (7 d raw, 90 d 1-min), MiB': mib(7 * raw + 90 * minute),
    'each further year of hourly history per rig, MiB': mib(365 * hour),
  };
}

export function telemetryBenchmark(): Record<string, Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-bench-history-'));
  try {
    return {
      'History ingest: 1,000 S19-shaped rigs, 10 minutes at 5 s, batches of one poll round': ingestFigures(dir),
      'History query: 100 rigs, 30 days of 1-minute history, hashrate': queryFigures(dir),
      'History size: 20 rigs, one day at 5 s': sizeFigures(dir),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
