// Durability: a process writing history at full speed is killed with SIGKILL; the file must open clean, hold every
// batch it confirmed (at most the one in flight missing), no partial batch, and rollups that agree with the raw rows.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BATCH_START, RIGS_PER_BATCH, batchFrames } from '../../testing/telemetry-writer.js';
import { HistoryReader } from './history-queries.js';
import { openTelemetryDatabase } from './open-database.js';
import { TelemetryDb } from './telemetry-db.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('survives SIGKILL mid-write with every confirmed batch whole and rollups consistent', async () => {
  const file = path.join(dir, 'telemetry.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/testing/telemetry-writer.ts', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let confirmed = -1;
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) confirmed = Number(line.split(' ')[1]);
      // Past two simulated hours (1,440 batches): minutes and an hour have closed while writing.
      if (confirmed >= 1500) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`writer exited early (${code}): ${errors}`)));
  });
  await new Promise((resolve) => child.once('exit', resolve));

  const opened = openTelemetryDatabase(file);
  expect(opened.problem).toBeNull();
  expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
  const rows = opened.db.prepare('SELECT count(*) AS n FROM raw').get() as { n: number };
  expect(rows.n % RIGS_PER_BATCH).toBe(0);
  const batches = rows.n / RIGS_PER_BATCH;
  expect(batches).toBeGreaterThanOrEqual(confirmed + 1);
  expect(batches).toBeLessThanOrEqual(confirmed + 2);

  // Reopened, the store rebuilds its open buckets from the raw rows and goes on; every closed minute of a rig must
  // match what its raw rows say (a batch's value is its number, so a minute averages 12 consecutive numbers).
  const store = new TelemetryDb(opened.db);
  const next = batchFrames(batches);
  store.ingest(next, (next[0]?.t ?? 0) + 3_600_000);
  const reader = new HistoryReader(store);
  const context = {
    nowMs: BATCH_START + 86_400_000,
    rawIntervalMs: 5000,
    retention: { rawDays: 365, minuteDays: 365, hourDays: 0 },
  };
  const minutes = reader.series(
    {
      scope: { rigId: '127.0.9.7:4028' },
      metric: 'hashrate',
      from: BATCH_START,
      to: BATCH_START + batches * 5000,
      maxPoints: 5000,
      resolution: '1m',
    },
    context,
  );
  const complete = minutes.points.filter((point) => point.samples === 12);
  expect(complete.length).toBeGreaterThanOrEqual(Math.floor(batches / 12) - 1);
  for (const point of complete) {
    const first = (point.t - BATCH_START) / 5000;
    expect(point).toMatchObject({ min: first, max: first + 11, avg: first + 5.5, last: first + 11 });
  }
  const hours = reader.series(
    {
      scope: { fleet: true },
      metric: 'rigsUp',
      from: BATCH_START,
      to: BATCH_START + 7_200_000,
      maxPoints: 10,
      resolution: '1h',
    },
    context,
  );
  expect(hours.points[0]).toMatchObject({ avg: RIGS_PER_BATCH });
  opened.db.close();
}, 120_000);

it('keeps a polled farm’s history when the engine process is killed, and serves it after the restart', async () => {
  const dataDir = path.join(dir, 'engine');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/testing/history-engine.ts', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let written = 0;
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const counts = [...output.matchAll(/written (\d+)/g)].map((match) => Number(match[1]));
      written = counts.at(-1) ?? 0;
      if (written >= 20) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`engine exited early (${code}): ${output}`)));
  });
  await new Promise((resolve) => child.once('exit', resolve));

  const opened = openTelemetryDatabase(path.join(dataDir, 'telemetry.db'));
  expect(opened.problem).toBeNull();
  expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
  const reader = new HistoryReader(new TelemetryDb(opened.db));
  const now = Date.now();
  const context = { nowMs: now, rawIntervalMs: 1000, retention: { rawDays: 7, minuteDays: 90, hourDays: 0 } };
  let frames = 0;
  for (let i = 20; i <= 23; i++) {
    const series = reader.series(
      {
        scope: { rigId: `127.0.6.${i}:4028` },
        metric: 'hashrate',
        from: now - 120_000,
        to: now,
        maxPoints: 5000,
        resolution: 'raw',
      },
      context,
    );
    expect(series.points.every((point) => point.avg !== null && point.avg > 0)).toBe(true);
    frames += series.points.length;
  }
  // Rows are keyed to the second: a retry in the same second as a poll replaces it, hence the small allowance.
  expect(frames).toBeGreaterThanOrEqual(written - 4);
  opened.db.close();
}, 60_000);
