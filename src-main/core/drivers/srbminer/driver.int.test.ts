// The SRBMiner-Multi driver against the simulated SRBMiner over real sockets (loopback 127.0.22.80-99).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { ManualClock } from '../../../sim/clock.js';
import { startGpuRigs, type GpuRigs, type VirtualGpuRig } from '../../../sim/gpu/index.js';
import { identify, outcome } from '../gpu-common/test-support.js';
import { SrbminerDriver } from './driver.js';

const driver = new SrbminerDriver();
let group: GpuRigs;
let rig: VirtualGpuRig;
let identity: RigIdentity;

const read = () => driver.read({ identity, timeoutMs: 2000 }, AbortSignal.timeout(5000));

beforeAll(async () => {
  group = await startGpuRigs({
    count: 1,
    firstHost: '127.0.22.80',
    seed: 81,
    miner: 'srbminer',
    gpuCount: 5,
    clock: new ManualClock(),
  });
  rig = group.rigs[0] as VirtualGpuRig;
  identity = await identify(driver, rig.host, rig.port);
});

afterAll(async () => {
  await group.stop();
});

describe('SrbminerDriver against the simulator', () => {
  it('reads the rate per GPU and the fans in rpm, close to the simulator truth', async () => {
    const truth = rig.readState();
    const snapshot = await read();
    expect(snapshot.hashrateThs).toBeCloseTo(truth.hashrateHs * 1e-12, 9);
    snapshot.boards.forEach((board, index) => {
      expect(board.hashrateThs).toBeCloseTo((truth.gpus[index]?.hashrateHs ?? 0) * 1e-12, 9);
    });
    expect(snapshot.fans.map((fan) => fan.rpm)).toEqual(truth.gpus.map((gpu) => gpu.fanRpm));
    // SRBMiner reports no power: none is invented.
    expect(snapshot.powerW).toBeNull();
    expect(identity).toMatchObject({ model: '5× radeon_rx_vega', firmware: 'SRBMiner-Multi 0.5.6', make: 'AMD' });
  });

  it('shows a dead GPU as dead while the others mine', async () => {
    await rig.injectFault({ kind: 'deadBoard', board: 3 });
    expect((await read()).boards.map((board) => board.status)).toEqual(['ok', 'ok', 'ok', 'dead', 'ok']);
    await rig.clearFault('deadBoard');
  });

  it('refuses a reply padded past the size limit with RIG_BAD_REPLY', async () => {
    await rig.injectFault({ kind: 'oversized', sizeBytes: 1024 * 1024 });
    expect((await outcome(read())).error).toMatchObject({ code: 'RIG_BAD_REPLY' });
    await rig.clearFault('oversized');
  });

  it('refuses a resume with RIG_ERROR: its API only reports', async () => {
    const attempt = driver.apply(
      { identity, timeoutMs: 1000, credential: null },
      { kind: 'resume' },
      AbortSignal.timeout(2000),
    );
    expect((await outcome(attempt)).error).toMatchObject({ code: 'RIG_ERROR' });
  });
});
