// A child process for the crash test: writes history as fast as it can into the file given, 200 rigs per batch,
// 5 s of simulated time apart, and prints "committed <n>" after each batch is committed. It stops only when killed.
import { openTelemetryDatabase } from '../core/telemetry/open-database.js';
import { TelemetryDb, type IngestFrame } from '../core/telemetry/telemetry-db.js';

export const RIGS_PER_BATCH = 200;
export const BATCH_START = Date.UTC(2026, 0, 1);
const KEYS = ['hashrate', 'power', 'chipTemp'];

/** Batch n's frames: each value encodes the batch number, so the reader can check every batch is whole. */
export function batchFrames(n: number): IngestFrame[] {
  return Array.from({ length: RIGS_PER_BATCH }, (_, rig) => ({
    rigId: `127.0.9.${rig}:4028`,
    t: BATCH_START + n * 5000,
    keys: KEYS,
    values: Float32Array.of(n, 3000 + rig, 60),
  }));
}

const file = process.argv[2];
if (file) {
  const store = new TelemetryDb(openTelemetryDatabase(file).db);
  for (let n = 0; ; n++) {
    const frames = batchFrames(n);
    store.ingest(frames, frames[0]?.t ?? 0);
    process.stdout.write(`committed ${n}\n`);
  }
}
