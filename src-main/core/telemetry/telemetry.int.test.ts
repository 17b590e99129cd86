// History end to end: simulated rigs on 127.0.6.x polled over real sockets, frames written by the telemetry worker
// into a real SQLite file, read back through the engine's API; restarts, a full disk and a damaged file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventData } from '../../../src-shared/api/events.js';
import type { MethodName, MethodParams, MethodResult } from '../../../src-shared/api/methods.js';
import { startFarm, type Farm } from '../../sim/farm.js';
import { createEngine, type Engine } from '../engine.js';

const INFO = { version: 'test', shell: 'headless', demo: false, demoRange: null } as const;
const RANGE = '127.0.6.10-127.0.6.13';

let farm: Farm;
const engines: Engine[] = [];
const dirs: string[] = [];

async function waitFor<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-history-'));
  dirs.push(dir);
  return dir;
}

/** An engine polling the farm every second, with history batches handed over every 200 ms. */
async function startEngine(dir: string | null, maxPages?: number): Promise<Engine> {
  const engine = createEngine({
    dataDir: dir,
    info: INFO,
    telemetry: {
      flushIntervalMs: 200,
      writeIntervalMs: 200,
      ...(maxPages === undefined ? {} : { maxPages }),
    },
  });
  engines.push(engine);
  engine.settings.update({ pollIntervalMs: 1000, pollTimeoutMs: 500, missedPollsBeforeDown: 1, scanTimeoutMs: 800 });
  engine.start();
  engine.discovery.start({ range: RANGE });
  await engine.discovery.settled();
  return engine;
}

async function stopEngine(engine: Engine): Promise<void> {
  engines.splice(engines.indexOf(engine), 1);
  await engine.stop();
}

/** Through the dispatcher, as a client would; an error value fails the test with its message. */
async function call<M extends MethodName>(
  engine: Engine,
  method: M,
  params: MethodParams<M>,
): Promise<MethodResult<M>> {
  const outcome = await engine.dispatch(method, params);
  if ('error' in outcome) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as MethodResult<M>;
}

const hashrateOf = async (engine: Engine, rigId: string, from: number) =>
  call(engine, 'telemetry.series', {
    scope: { rigId },
    metric: 'hashrate',
    from,
    to: Date.now() + 1000,
    resolution: 'raw',
  });

beforeAll(async () => {
  farm = await startFarm({ count: 4, firstHost: '127.0.6.10', seed: 5 });
});

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await farm.stop();
});

describe('history of a live farm', () => {
  it('records every poll, answers series queries with the polled values, and keeps them across a restart', async () => {
    const dir = dataDir();
    const started = Date.now() - 1000;
    const engine = await startEngine(dir);
    const rigId = '127.0.6.10:4028';
    await waitFor('four polls of each rig', () =>
      engine.fleet.list().every((rig) => (rig.lastSeenAt ?? 0) > started + 3500),
    );
    const status = await engine.telemetry.flushed();
    expect(status.framesWritten).toBeGreaterThanOrEqual(12);
    expect(status.problem).toBeNull();
    expect(status.path).toBe(path.join(dir, 'telemetry.db'));

    const series = await hashrateOf(engine, rigId, started);
    expect(series.resolution).toBe('raw');
    expect(series.points.length).toBeGreaterThanOrEqual(3);
    const snapshot = engine.fleet.get(rigId).snapshot;
    const last = series.points.at(-1);
    expect(last?.t).toBe(Math.floor((snapshot?.takenAt ?? 0) / 1000) * 1000);
    expect(last?.avg).toBeCloseTo(snapshot?.hashrateThs ?? -1, 3);

    // The fleet's own figures are asked for by name, rigsUp among them.
    const rigsUp = await call(engine, 'telemetry.series', {
      scope: { fleet: true },
      metric: 'rigsUp',
      from: started - 3_600_000,
      to: Date.now(),
    });
    expect(rigsUp.resolution).toBe('1m');
    const refused = await engine.dispatch('telemetry.series', {
      scope: { fleet: true },
      metric: 'board.0.hashrate',
      from: started,
      to: Date.now(),
    });
    expect(refused).toMatchObject({ error: { code: 'BAD_REQUEST' } });

    const before = series.points.length;
    await stopEngine(engine);
    const again = await startEngine(dir);
    const kept = await hashrateOf(again, rigId, started);
    expect(kept.points.length).toBeGreaterThanOrEqual(before);
    expect(kept.points.slice(0, before)).toEqual(series.points);
  }, 30_000);

  it('marks a rig going down and coming back as history events', async () => {
    const engine = await startEngine(null);
    const pushed: EventData<'telemetry.historyEvents'>[] = [];
    engine.events.subscribe((event, data) => {
      if (event === 'telemetry.historyEvents') pushed.push(data as EventData<'telemetry.historyEvents'>);
    });
    const rig = farm.rigs[1];
    if (!rig) throw new Error('farm too small');
    const rigId = `${rig.host}:4028`;
    await waitFor('the rig up', () => engine.fleet.get(rigId).status === 'up');
    const from = Date.now();
    await rig.injectFault({ kind: 'unreachable' });
    await waitFor('the rig down', () => engine.fleet.get(rigId).status === 'down');
    await rig.clearFault('unreachable');
    await waitFor('the rig up again', () => engine.fleet.get(rigId).status === 'up');
    await engine.telemetry.flushed();
    const events = await call(engine, 'telemetry.events', { rigId, from, to: Date.now() + 1000 });
    expect(events.map((event) => event.kind)).toEqual(['up', 'down']);
    // The same markers went out live, with the ids they were stored under.
    const live = pushed.flat().filter((event) => event.rigId === rigId);
    expect(live.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
  }, 30_000);

  it('says the disk is full, keeps polling, holds the polls for a retry and still answers queries', async () => {
    const statuses: EventData<'telemetry.status'>[] = [];
    // The empty schema takes 13 pages; one more 4 KiB page holds ~20 frames, about five seconds of four rigs.
    const engine = await startEngine(dataDir(), 14);
    engine.events.subscribe((event, data) => {
      if (event === 'telemetry.status') statuses.push(data as EventData<'telemetry.status'>);
    });
    await waitFor('a disk-full status', () => statuses.find((s) => s.problem?.code === 'DISK_FULL'), 25_000);
    const seen = engine.fleet.list().map((rig) => rig.lastSeenAt ?? 0);
    await waitFor('polling to go on', () =>
      engine.fleet.list().every((rig, i) => (rig.lastSeenAt ?? 0) > (seen[i] ?? 0)),
    );
    const status = await engine.telemetry.currentStatus();
    expect(status.problem?.message).toMatch(/disk is full/);
    expect(status.framesPending).toBeGreaterThan(0);
    // Queries still answer from what was written.
    const series = await hashrateOf(engine, '127.0.6.10:4028', Date.now() - 60_000);
    expect(series.points.length).toBeGreaterThan(0);
  }, 40_000);

  it('sets a damaged database aside, says so, and starts a fresh one', async () => {
    const dir = dataDir();
    const file = path.join(dir, 'telemetry.db');
    const garbage = Buffer.alloc(64 * 1024, 0x5a);
    fs.writeFileSync(file, garbage);
    const engine = await startEngine(dir);
    const status = await waitFor('a status', () => engine.telemetry.status, 10_000);
    expect(status.problem).toMatchObject({ code: 'CORRUPT' });
    const keptAs = status.problem?.setAsidePath ?? '';
    expect(keptAs).toMatch(/telemetry\.db\.corrupt-/);
    expect(fs.readFileSync(keptAs).equals(garbage)).toBe(true);
    await waitFor('a poll', () => engine.fleet.list().every((rig) => rig.status === 'up'));
    const written = await engine.telemetry.flushed();
    expect(written.framesWritten).toBeGreaterThan(0);
  }, 30_000);
});
