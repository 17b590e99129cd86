// The lolMiner driver against the simulated lolMiner over real sockets (loopback 127.0.22.40-59).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { ManualClock } from '../../../sim/clock.js';
import { startGpuRigs, type GpuRigs, type VirtualGpuRig } from '../../../sim/gpu/index.js';
import { identify, outcome } from '../gpu-common/test-support.js';
import { LolminerDriver } from './driver.js';

const driver = new LolminerDriver();
const clock = new ManualClock();
let group: GpuRigs;
let rig: VirtualGpuRig;
let identity: RigIdentity;

const read = (timeoutMs = 2000) => driver.read({ identity, timeoutMs }, AbortSignal.timeout(5000));

beforeAll(async () => {
  group = await startGpuRigs({ count: 1, firstHost: '127.0.22.40', seed: 41, miner: 'lolminer', gpuCount: 4, clock });
  rig = group.rigs[0] as VirtualGpuRig;
  identity = await identify(driver, rig.host, rig.port);
});

afterAll(async () => {
  await group.stop();
});

beforeEach(async () => {
  for (const kind of ['deadBoard', 'failingFan', 'slowReplies', 'trickle'] as const) await rig.clearFault(kind);
});

describe('LolminerDriver against the simulator', () => {
  it('identifies the rig by its cards', () => {
    expect(identity).toMatchObject({ family: 'lolminer', model: '4× AMD Radeon VII', firmware: 'lolMiner 1.16a' });
  });

  it('reads rate, power and temperatures close to the simulator truth', async () => {
    const truth = rig.readState();
    const snapshot = await read();
    expect((snapshot.hashrateThs ?? 0) / (truth.hashrateHs * 1e-12)).toBeCloseTo(1, 3);
    expect((snapshot.powerW ?? 0) / truth.powerW).toBeCloseTo(1, 3);
    expect(snapshot.boards.map((board) => board.boardTempC)).toEqual(truth.gpus.map((gpu) => gpu.memTempC));
    expect(snapshot.powerIsEstimate).toBe(false);
  });

  it('shows a dead GPU as dead while the others mine', async () => {
    await rig.injectFault({ kind: 'deadBoard', board: 2 });
    expect((await read()).boards.map((board) => board.status)).toEqual(['ok', 'ok', 'dead', 'ok']);
  });

  it('shows a failed fan as a stopped fan and a hot card after a quarter of an hour', async () => {
    const before = await read();
    await rig.injectFault({ kind: 'failingFan', fan: 1 });
    clock.advance(15 * 60_000);
    const after = await read();
    expect(after.boards[1]?.fanPercent).toBe(0);
    expect(after.boards[1]?.chipTempC ?? 0).toBeGreaterThan((before.boards[1]?.chipTempC ?? 0) + 15);
  });

  it('reads a reply that arrives a few bytes at a time, and gives up on one slower than its timeout', async () => {
    await rig.injectFault({ kind: 'trickle', chunkBytes: 512, intervalMs: 5 });
    expect((await read()).boards).toHaveLength(4);
    await rig.clearFault('trickle');
    await rig.injectFault({ kind: 'slowReplies', delayMs: 1500 });
    const { error, ms } = await outcome(read(300));
    expect(error).toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(ms).toBeLessThan(1200);
  });

  it('offers no control and refuses a change with RIG_ERROR', async () => {
    expect(driver.capabilities(identity)).toMatchObject({ pools: null, pauseResume: false, needsCredential: 'none' });
    const attempt = driver.apply(
      { identity, timeoutMs: 1000, credential: null },
      { kind: 'pause' },
      AbortSignal.timeout(2000),
    );
    expect((await outcome(attempt)).error).toMatchObject({ code: 'RIG_ERROR' });
  });
});
