// The GMiner driver against the simulated GMiner over real sockets (loopback 127.0.22.60-79).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { ManualClock } from '../../../sim/clock.js';
import { startGpuRigs, type GpuRigs, type VirtualGpuRig } from '../../../sim/gpu/index.js';
import { identify, outcome } from '../gpu-common/test-support.js';
import { GminerDriver } from './driver.js';

const driver = new GminerDriver();
let group: GpuRigs;
let rig: VirtualGpuRig;
let identity: RigIdentity;

const read = () => driver.read({ identity, timeoutMs: 2000 }, AbortSignal.timeout(5000));

beforeAll(async () => {
  group = await startGpuRigs({
    count: 1,
    firstHost: '127.0.22.60',
    seed: 61,
    miner: 'gminer',
    gpuCount: 3,
    clock: new ManualClock(),
  });
  rig = group.rigs[0] as VirtualGpuRig;
  identity = await identify(driver, rig.host, rig.port);
});

afterAll(async () => {
  await group.stop();
});

describe('GminerDriver against the simulator', () => {
  it('adds up the devices close to the simulator truth, Sol/s read as H/s', async () => {
    const truth = rig.readState();
    const snapshot = await read();
    expect((snapshot.hashrateThs ?? 0) / (truth.hashrateHs * 1e-12)).toBeCloseTo(1, 2);
    expect(snapshot.powerW ?? 0).toBeGreaterThan(truth.powerW - 3);
    expect(snapshot.powerW ?? 0).toBeLessThan(truth.powerW + 3);
    expect(snapshot.pools[0]?.url).toBe('stratum+tcp://gpu-pool.test:4444');
    expect(identity.model).toBe(rig.modelName);
  });

  it('shows a dead GPU as dead while the others mine', async () => {
    await rig.injectFault({ kind: 'deadBoard', board: 0 });
    expect((await read()).boards.map((board) => board.status)).toEqual(['dead', 'ok', 'ok']);
    await rig.clearFault('deadBoard');
  });

  it('turns a garbage reply into RIG_BAD_REPLY', async () => {
    await rig.injectFault({ kind: 'garbageReplies' });
    expect((await outcome(read())).error).toMatchObject({ code: 'RIG_BAD_REPLY' });
    await rig.clearFault('garbageReplies');
  });

  it('refuses a pool change with RIG_ERROR: its API only reports', async () => {
    const change = { kind: 'pools' as const, pools: [{ url: 'stratum+tcp://x.test:1', user: 'u', password: 'x' }] };
    const attempt = driver.apply({ identity, timeoutMs: 1000, credential: null }, change, AbortSignal.timeout(2000));
    expect((await outcome(attempt)).error).toMatchObject({ code: 'RIG_ERROR' });
  });
});
