// The T-Rex driver against the simulated T-Rex over real sockets (loopback 127.0.22.20-39).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { ManualClock } from '../../../sim/clock.js';
import { startGpuRigs, type GpuRigs, type VirtualGpuRig } from '../../../sim/gpu/index.js';
import { identify, outcome } from '../gpu-common/test-support.js';
import { TrexDriver } from './driver.js';

const PASSWORD = 'Correct-Horse-7';
const driver = new TrexDriver();
const clock = new ManualClock();
let group: GpuRigs;
let rig: VirtualGpuRig;
let identity: RigIdentity;

const read = () => driver.read({ identity, timeoutMs: 2000 }, AbortSignal.timeout(5000));
const apply = (change: Parameters<TrexDriver['apply']>[1], credential: string | null = PASSWORD) =>
  driver.apply({ identity, timeoutMs: 3000, credential }, change, AbortSignal.timeout(5000));

beforeAll(async () => {
  group = await startGpuRigs({
    count: 1,
    firstHost: '127.0.22.20',
    seed: 21,
    miner: 'trex',
    gpuCount: 6,
    clock,
    apiPassword: PASSWORD,
  });
  rig = group.rigs[0] as VirtualGpuRig;
  identity = await identify(driver, rig.host, rig.port);
});

afterAll(async () => {
  await group.stop();
});

beforeEach(async () => {
  for (const kind of ['deadBoard', 'hang', 'garbageReplies', 'oversized', 'slowReplies', 'unreachable'] as const) {
    await rig.clearFault(kind);
  }
});

describe('TrexDriver.read against the simulator', () => {
  it('reports the rig and each GPU close to the simulator truth', async () => {
    const truth = rig.readState();
    const snapshot = await read();
    expect(snapshot.hashrateThs).toBeCloseTo(truth.hashrateHs * 1e-12, 9);
    expect(snapshot.powerW ?? 0).toBeGreaterThan(truth.powerW - 4);
    expect(snapshot.powerW ?? 0).toBeLessThan(truth.powerW + 4);
    expect(snapshot.boards).toHaveLength(6);
    expect(snapshot.boards.map((board) => board.chipTempC)).toEqual(truth.gpus.map((gpu) => gpu.tempC));
    expect(snapshot.boards.map((board) => board.fanPercent)).toEqual(truth.gpus.map((gpu) => gpu.fanPercent));
    expect(snapshot.control.paused).toBe(false);
    expect(snapshot.pools[0]?.url).toBe(truth.pools[0]?.url);
  });

  it('shows a dead GPU as dead while the others mine', async () => {
    await rig.injectFault({ kind: 'deadBoard', board: 4 });
    const snapshot = await read();
    expect(snapshot.boards.map((board) => board.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'dead', 'ok']);
  });

  it('gives up on a rig that never answers within the timeout, as RIG_UNREACHABLE', async () => {
    await rig.injectFault({ kind: 'hang' });
    const { error, ms } = await outcome(driver.read({ identity, timeoutMs: 300 }, AbortSignal.timeout(5000)));
    expect(error).toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(ms).toBeLessThan(1500);
  });

  it('turns garbage and oversized replies into RIG_BAD_REPLY', async () => {
    await rig.injectFault({ kind: 'garbageReplies' });
    expect((await outcome(read())).error).toMatchObject({ code: 'RIG_BAD_REPLY' });
    await rig.clearFault('garbageReplies');
    await rig.injectFault({ kind: 'oversized', sizeBytes: 2 * 1024 * 1024 });
    expect((await outcome(read())).error).toMatchObject({ code: 'RIG_BAD_REPLY' });
  });

  it('reports an unreachable rig, and reads it again once it is back', async () => {
    await rig.injectFault({ kind: 'unreachable' });
    expect((await outcome(read())).error).toMatchObject({ code: 'RIG_UNREACHABLE' });
    await rig.clearFault('unreachable');
    expect((await read()).boards).toHaveLength(6);
  });
});

describe('TrexDriver.apply against the simulator', () => {
  it('pauses and resumes, and the next read shows it', async () => {
    await apply({ kind: 'pause' });
    const paused = await read();
    expect(paused.control.paused).toBe(true);
    expect(paused.hashrateThs).toBe(0);
    expect(paused.boards.every((board) => board.status === 'ok')).toBe(true);
    await apply({ kind: 'resume' });
    const resumed = await read();
    expect(resumed.control.paused).toBe(false);
    expect(resumed.hashrateThs ?? 0).toBeGreaterThan(0);
  });

  it('changes the pools, and the next read shows the new active pool', async () => {
    await apply({
      kind: 'pools',
      pools: [
        { url: 'stratum+tcp://primary.test:4444', user: 'wallet.rig20', password: 'x' },
        { url: 'stratum+tcp://backup.test:4444', user: 'wallet.rig20', password: 'x' },
      ],
    });
    expect((await read()).pools[0]).toMatchObject({ url: 'stratum+tcp://primary.test:4444', user: 'wallet.rig20' });
    expect(rig.readState().pools).toHaveLength(2);
  });

  it('answers a wrong password with UNAUTHORIZED that does not repeat the password', async () => {
    const { error } = await outcome(apply({ kind: 'pause' }, 'Wrong-Password-1'));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String((error as Error).message)).not.toContain('Wrong-Password-1');
    expect(rig.readState().paused).toBe(false);
  });

  it('asks for the password before sending anything when none is given', async () => {
    expect((await outcome(apply({ kind: 'pause' }, null))).error).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses a change T-Rex cannot make with RIG_ERROR', async () => {
    expect((await outcome(apply({ kind: 'powerTarget', watts: 900 }))).error).toMatchObject({ code: 'RIG_ERROR' });
  });

  it('refuses every change on a T-Rex running without an API key', async () => {
    const readOnly = await startGpuRigs({ count: 1, firstHost: '127.0.22.30', miner: 'trex', apiPassword: null });
    try {
      const locked = readOnly.rigs[0] as VirtualGpuRig;
      const target = await identify(driver, locked.host, locked.port);
      const attempt = driver.apply(
        { identity: target, timeoutMs: 2000, credential: PASSWORD },
        { kind: 'pause' },
        AbortSignal.timeout(5000),
      );
      expect((await outcome(attempt)).error).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(locked.readState().paused).toBe(false);
    } finally {
      await readOnly.stop();
    }
  });
});
