// The spine end to end over real sockets: simulated rigs on 127.0.1.x, a real scan, live polling, outages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventData } from '../../../src-shared/api/events.js';
import type { Rig } from '../../../src-shared/model/rig.js';
import { startFarm, type Farm } from '../../sim/farm.js';
import { MODEL_NAMES } from '../../sim/models.js';
import { createEngine, type Engine } from '../engine.js';

const POLL_INTERVAL_MS = 1000;
let farm: Farm;
let engine: Engine;
const progress: Array<EventData<'discovery.progress'>> = [];

async function waitFor<T>(what: string, check: () => T | null | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const rigAt = (host: string): Rig | undefined => engine.fleet.list().find((rig) => rig.identity.host === host);

beforeAll(async () => {
  farm = await startFarm({ count: 30, firstHost: '127.0.1.10', seed: 11 });
  engine = createEngine({ dataDir: null, info: { version: 'test', shell: 'headless', demo: false, demoRange: null } });
  engine.settings.update({
    pollIntervalMs: POLL_INTERVAL_MS,
    pollTimeoutMs: 500,
    missedPollsBeforeDown: 2,
    scanTimeoutMs: 1000,
  });
  engine.events.subscribe((event, data) => {
    if (event === 'discovery.progress') progress.push(data as EventData<'discovery.progress'>);
  });
  engine.start();
});

afterAll(async () => {
  await engine.stop();
  await farm.stop();
});

describe('discovery and the live fleet', () => {
  it('scans 127.0.1.0/24 and finds exactly the 30 rigs, each with its model', async () => {
    const started = engine.discovery.start({ range: '127.0.1.0/24' });
    expect(started).toMatchObject({ state: 'running', total: 254, range: '127.0.1.0/24' });
    await engine.discovery.settled();
    expect(engine.discovery.status()).toMatchObject({ state: 'done', probed: 254, found: 30 });
    const rigs = engine.fleet.list();
    expect(rigs).toHaveLength(30);
    for (const virtual of farm.rigs) {
      expect(rigAt(virtual.host)?.identity).toMatchObject({
        model: virtual.model.name,
        family: 'cgminer',
        make: 'Bitmain',
      });
    }
    expect(new Set(rigs.map((rig) => rig.identity.model))).toEqual(new Set(MODEL_NAMES));
  });

  it('refuses a second scan while one runs, and cancels a running scan at once', async () => {
    const scan = engine.discovery.start({ range: '127.0.1.0/24', concurrency: 1 });
    expect(() => engine.discovery.start({ range: '127.0.1.0/24' })).toThrow(/already running/);
    await waitFor('a few hosts probed', () => (engine.discovery.status()?.probed ?? 0) >= 3, 5000);
    const cancelled = engine.discovery.cancel(scan.scanId);
    expect(cancelled.state).toBe('cancelled');
    const cancelledAt = Date.now();
    await engine.discovery.settled();
    // Only the probe in flight finishes (bounded by the per-host timeout); no new host is started.
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(engine.discovery.status()?.probed ?? 0).toBeLessThan(254);
    expect(engine.fleet.list()).toHaveLength(30);
  });

  it('reported progress that only grew and ended with the final count', () => {
    const firstScan = progress.filter((event) => event.scanId === progress[0]?.scanId);
    const probed = firstScan.map((event) => event.probed);
    expect(probed).toEqual([...probed].sort((a, b) => a - b));
    expect(firstScan.at(-1)).toMatchObject({ state: 'done', probed: 254, found: 30 });
    expect(progress.at(-1)?.state).toBe('cancelled');
  });

  it('polls every rig into an up status with readings close to the rig true hashrate', async () => {
    await waitFor('all rigs up', () => engine.fleet.list().every((rig) => rig.status === 'up'), 5000);
    for (const virtual of farm.rigs.slice(0, 5)) {
      const reported = rigAt(virtual.host)?.snapshot?.hashrateThs ?? 0;
      const truth = virtual.readState().hashrateThs;
      expect(Math.abs(reported - truth) / truth).toBeLessThan(0.1);
    }
  });

  it('marks 3 unreachable rigs down within two poll periods and up again once they return', async () => {
    const victims = farm.rigs.slice(4, 7);
    await Promise.all(victims.map((rig) => rig.injectFault({ kind: 'unreachable' })));
    const wentAwayAt = Date.now();
    await waitFor(
      '3 rigs down',
      () => victims.every((rig) => rigAt(rig.host)?.status === 'down'),
      4 * POLL_INTERVAL_MS,
    );
    expect(Date.now() - wentAwayAt).toBeLessThanOrEqual(2 * POLL_INTERVAL_MS + 500);
    expect(engine.fleet.list().filter((rig) => rig.status === 'down')).toHaveLength(3);
    expect(rigAt(victims[0]?.host ?? '')?.problem?.code).toBe('RIG_UNREACHABLE');

    await Promise.all(victims.map((rig) => rig.clearFault('unreachable')));
    await waitFor(
      '3 rigs up again',
      () => victims.every((rig) => rigAt(rig.host)?.status === 'up'),
      3 * POLL_INTERVAL_MS,
    );
    expect(engine.fleet.list().every((rig) => rig.status === 'up')).toBe(true);
  });

  it('marks a rig that answers garbage as error without disturbing the others', async () => {
    const victim = farm.rigs[8];
    if (!victim) throw new Error('farm too small');
    await victim.injectFault({ kind: 'garbageReplies' });
    await waitFor('rig in error', () => rigAt(victim.host)?.status === 'error', 5 * POLL_INTERVAL_MS);
    expect(rigAt(victim.host)?.problem?.code).toMatch(/RIG_BAD_REPLY|RIG_ERROR/);
    expect(engine.fleet.list().filter((rig) => rig.status !== 'up')).toHaveLength(1);
    await victim.clearFault('garbageReplies');
    await waitFor('rig back up', () => rigAt(victim.host)?.status === 'up', 3 * POLL_INTERVAL_MS);
  });

  it('keeps polling every other rig on time while some hang, trickle or send megabytes', async () => {
    const troublemakers = farm.rigs.slice(12, 15);
    const [hanging, oversized, trickling] = troublemakers;
    if (!hanging || !oversized || !trickling) throw new Error('farm too small');
    await hanging.injectFault({ kind: 'hang' });
    await oversized.injectFault({ kind: 'oversized', sizeBytes: 4 * 1024 * 1024 });
    await trickling.injectFault({ kind: 'trickle', chunkBytes: 8, intervalMs: 200 });
    const since = Date.now();
    const others = farm.rigs.filter((rig) => !troublemakers.includes(rig));
    await waitFor(
      'every healthy rig polled again',
      () => others.every((rig) => (rigAt(rig.host)?.lastSeenAt ?? 0) > since + POLL_INTERVAL_MS),
      4 * POLL_INTERVAL_MS,
    );
    await waitFor(
      'the misbehaving rigs marked',
      () => troublemakers.every((rig) => rigAt(rig.host)?.status !== 'up'),
      6 * POLL_INTERVAL_MS,
    );
    expect(rigAt(oversized.host)?.problem?.code).toBe('RIG_BAD_REPLY');
    expect(rigAt(hanging.host)?.problem?.code).toBe('RIG_UNREACHABLE');
    for (const rig of troublemakers)
      await rig.clearFault(rig === hanging ? 'hang' : rig === oversized ? 'oversized' : 'trickle');
  });

  it('shows a dead hashboard in the next readings', async () => {
    const victim = farm.rigs[10];
    if (!victim) throw new Error('farm too small');
    const before = rigAt(victim.host)?.snapshot?.hashrateThs ?? 0;
    await victim.injectFault({ kind: 'deadBoard', board: 0 });
    const rig = await waitFor(
      'dead board seen',
      () => {
        const current = rigAt(victim.host);
        return current?.snapshot?.boards.some((board) => board.status === 'dead') ? current : null;
      },
      3 * POLL_INTERVAL_MS,
    );
    expect(rig.snapshot?.hashrateThs ?? 0).toBeLessThan(before * 0.8);
  });
});
