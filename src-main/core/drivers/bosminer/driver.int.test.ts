// The driver against virtual BOS+ rigs over real sockets (TCP 4028 and gRPC 50051) on loopback.
// This file owns 127.0.23.10-127.0.23.59 (the bosminer block is 127.0.23.0/24).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { ManualClock } from '../../../sim/clock.js';
import { startFarm } from '../../../sim/farm.js';
import type { Farm } from '../../../sim/farm.js';
import { startBosminerRigs } from '../../../sim/bosminer/index.js';
import type { BosminerRigs, VirtualBosminer } from '../../../sim/bosminer/index.js';
import { askCgminer } from '../cgminer/ask.js';
import { CgminerDriver } from '../cgminer/driver.js';
import type { ParseOutcome } from '../cgminer/parse.js';
import { BosminerDriver } from './driver.js';

const clock = new ManualClock();
const signal = new AbortController().signal;
const driver = new BosminerDriver();
let bos: BosminerRigs;
let legacy: BosminerRigs;
let oldApi: BosminerRigs;
let antminers: Farm;

function probeTarget(host: string, timeoutMs = 2000) {
  let version: Promise<ParseOutcome> | null = null;
  return {
    host,
    port: 4028,
    timeoutMs,
    cgminerVersion: () => (version ??= askCgminer(host, 4028, 'version', timeoutMs, signal)),
  };
}

async function identify(rig: VirtualBosminer): Promise<RigIdentity> {
  const identity = await driver.probe(probeTarget(rig.host), signal);
  if (!identity) throw new Error(`${rig.host} was not identified`);
  return identity;
}

const read = (identity: RigIdentity) => driver.read({ identity, timeoutMs: 3000 }, signal);
const apply = (identity: RigIdentity, change: RigChange, credential: string | null = null) =>
  driver.apply({ identity, timeoutMs: 3000, credential }, change, signal);

function rigAt(rigs: BosminerRigs, index: number): VirtualBosminer {
  const rig = rigs.rigs[index];
  if (!rig) throw new Error(`no rig ${index}`);
  return rig;
}

beforeAll(async () => {
  [bos, legacy, oldApi, antminers] = await Promise.all([
    startBosminerRigs({ count: 5, firstHost: '127.0.23.10', seed: 23, clock }),
    startBosminerRigs({
      count: 1,
      firstHost: '127.0.23.30',
      seed: 24,
      clock,
      models: ['Antminer S9'],
      firmware: 'bosminer-plus',
    }),
    startBosminerRigs({
      count: 1,
      firstHost: '127.0.23.31',
      seed: 25,
      clock,
      models: ['Antminer S19j Pro'],
      apiVersion: '1.0',
    }),
    startFarm({ count: 2, firstHost: '127.0.23.40', seed: 26, clock }),
  ]);
});

afterAll(async () => {
  await Promise.all([bos.stop(), legacy.stop(), oldApi.stop(), antminers.stop()]);
});

describe('identification', () => {
  it('identifies every virtual BOS+ rig as bosminer, with the model its devdetails names', async () => {
    const identities = await Promise.all(bos.rigs.slice(0, 3).map(identify));
    expect(identities.map((identity) => [identity.family, identity.model, identity.make])).toEqual([
      ['bosminer', 'Antminer S19j Pro', 'Bitmain'],
      ['bosminer', 'Antminer S19 XP', 'Bitmain'],
      ['bosminer', 'Antminer S9', 'Bitmain'],
    ]);
    expect(identities.every((identity) => identity.firmware === 'BOSer boser-buildroot 0.1.0-0ce150e9')).toBe(true);
  });

  it('does not claim stock-firmware Antminers, and the cgminer driver does not claim BOS rigs', async () => {
    const antminerProbes = await Promise.all(antminers.rigs.map((rig) => driver.probe(probeTarget(rig.host), signal)));
    expect(antminerProbes).toEqual([null, null]);
    expect(await new CgminerDriver().probe(probeTarget(rigAt(bos, 0).host), signal)).toBeNull();
  });

  it('answers null, without throwing, for a host where nothing listens', async () => {
    await expect(driver.probe(probeTarget('127.0.23.59', 500), signal)).resolves.toBeNull();
  });
});

describe('read', () => {
  it("reads hashrate, power, boards, fans and pools close to the simulator's truth", async () => {
    const rig = rigAt(bos, 0);
    const snapshot = await read(await identify(rig));
    const truth = rig.readState();
    expect(snapshot.hashrateThs).toBeCloseTo(truth.hashrateThs, -0.5);
    expect(Math.abs((snapshot.hashrateThs ?? 0) / truth.hashrateThs - 1)).toBeLessThan(0.03);
    expect(Math.abs((snapshot.powerW ?? 0) / truth.powerW - 1)).toBeLessThan(0.02);
    expect(snapshot.powerIsEstimate).toBe(false);
    expect(snapshot.boards).toHaveLength(3);
    snapshot.boards.forEach((board, index) => {
      const trueBoard = truth.boards[index];
      expect(Math.abs((board.chipTempC ?? 0) - (trueBoard?.chipTempC ?? 0))).toBeLessThan(0.5);
      expect(Math.abs((board.frequencyMhz ?? 0) / (trueBoard?.frequencyMhz ?? 1) - 1)).toBeLessThan(0.04);
      expect(board).toMatchObject({ status: 'ok', chipsOk: 126, chipsTotal: 126 });
    });
    expect(snapshot.fans.map((fan) => fan.rpm)).toEqual(truth.fanRpm);
    expect(snapshot.pools.map((pool) => [pool.url, pool.active])).toEqual([
      ['stratum+tcp://pool.rigwise.test:3333', true],
      ['stratum+tcp://backup.rigwise.test:443', false],
    ]);
    expect(snapshot.control).toMatchObject({ powerTargetW: truth.powerTargetW, paused: false });
  });

  it('keeps only the two fitted fans of an S9 and numbers its chains 6-8 as boards 0-2', async () => {
    const snapshot = await read(await identify(rigAt(bos, 2)));
    expect(snapshot.fans).toHaveLength(2);
    expect(snapshot.boards.map((board) => board.index)).toEqual([0, 1, 2]);
  });

  it('shows a dead board as dead and a degraded one as degraded', async () => {
    const rig = rigAt(bos, 3);
    const identity = await identify(rig);
    await rig.injectFault({ kind: 'deadBoard', board: 0 });
    await rig.injectFault({ kind: 'degradedBoard', board: 2, failedChips: 5 });
    clock.advance(120_000);
    const snapshot = await read(identity);
    expect(snapshot.boards.map((board) => board.status)).toEqual(['dead', 'ok', 'degraded']);
    expect(snapshot.boards[2]).toMatchObject({ chipsOk: rig.model.chipsPerBoard - 5 });
    await rig.clearFault('deadBoard');
    await rig.clearFault('degradedBoard');
  });
});

describe('control over the gRPC Public API', () => {
  it('sets the power target: read back at once, and the rig settles at the new power with a lower hashrate', async () => {
    const rig = rigAt(bos, 1);
    const identity = await identify(rig);
    const before = await read(identity);
    await apply(identity, { kind: 'powerTarget', watts: 2200 });
    expect((await read(identity)).control.powerTargetW).toBe(2200);
    clock.advance(10 * 60_000);
    const after = await read(identity);
    expect(Math.abs((after.powerW ?? 0) - 2200)).toBeLessThan(2200 * 0.02);
    expect(after.hashrateThs ?? 0).toBeLessThan((before.hashrateThs ?? 0) * 0.9);
    expect(after.efficiencyJPerTh ?? 0).toBeLessThan(before.efficiencyJPerTh ?? 0);
    expect(rig.readState().tunerStable).toBe(true);
  });

  it('replaces the pools and reads them back in order, primary active', async () => {
    const identity = await identify(rigAt(bos, 0));
    const pools = [
      { url: 'stratum+tcp://one.rigwise.test:3333', user: 'farm.a', password: 'x' },
      { url: 'stratum+tcp://two.rigwise.test:3333', user: 'farm.b', password: 'x' },
      { url: 'stratum+tcp://three.rigwise.test:3333', user: 'farm.c', password: 'x' },
    ];
    await apply(identity, { kind: 'pools', pools });
    const snapshot = await read(identity);
    expect(snapshot.pools.map((pool) => [pool.url, pool.user, pool.active])).toEqual([
      ['stratum+tcp://one.rigwise.test:3333', 'farm.a', true],
      ['stratum+tcp://two.rigwise.test:3333', 'farm.b', false],
      ['stratum+tcp://three.rigwise.test:3333', 'farm.c', false],
    ]);
  });

  it('refuses a wrong password with UNAUTHORIZED, without echoing it, and changes nothing', async () => {
    const rig = rigAt(bos, 2);
    const identity = await identify(rig);
    const before = await read(identity);
    const error: unknown = await apply(identity, { kind: 'powerTarget', watts: 1000 }, 'hunter2').catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String((error as Error).message)).not.toContain('hunter2');
    const poolsError = await apply(
      identity,
      { kind: 'pools', pools: [{ url: 'stratum+tcp://x.test:1', user: 'u', password: 'x' }] },
      'hunter2',
    ).catch((caught: unknown) => caught);
    expect(poolsError).toMatchObject({ code: 'UNAUTHORIZED' });
    const after = await read(identity);
    expect(after.control.powerTargetW).toBe(before.control.powerTargetW);
    expect(after.pools.map((pool) => pool.url)).toEqual(before.pools.map((pool) => pool.url));
    expect(rig.readState().powerTargetW).toBe(rig.model.stockPowerW);
  });

  it('pauses and resumes mining, which the next reads show', async () => {
    const rig = rigAt(bos, 4);
    const identity = await identify(rig);
    const mining = await read(identity);
    await apply(identity, { kind: 'pause' });
    clock.advance(5 * 60_000);
    const paused = await read(identity);
    expect(paused.control.paused).toBe(true);
    // "MHS 1m" is a decaying 1-minute average: five minutes after pausing it is under 1 % of what it was.
    expect(paused.hashrateThs ?? Infinity).toBeLessThan((mining.hashrateThs ?? 0) * 0.01);
    expect(paused.powerW).toBe(0);
    await apply(identity, { kind: 'resume' });
    clock.advance(5 * 60_000);
    const resumed = await read(identity);
    expect(resumed.control.paused).toBe(false);
    expect(resumed.hashrateThs ?? 0).toBeGreaterThan(50);
  });

  it('restarts bosminer: uptime starts over', async () => {
    const identity = await identify(rigAt(bos, 4));
    expect((await read(identity)).uptimeS ?? 0).toBeGreaterThan(3600);
    await apply(identity, { kind: 'restart' });
    clock.advance(30_000);
    expect((await read(identity)).uptimeS ?? Infinity).toBeLessThanOrEqual(30);
  });

  it('refuses with RIG_ERROR, before sending anything, a change the capabilities do not offer', async () => {
    const rig = rigAt(bos, 1);
    const identity = await identify(rig);
    const refused: RigChange[] = [
      { kind: 'frequency', mhz: 500 },
      { kind: 'powerTarget', watts: 5000 },
      { kind: 'powerTarget', watts: 900 },
    ];
    for (const change of refused) await expect(apply(identity, change)).rejects.toMatchObject({ code: 'RIG_ERROR' });
    expect(rig.readState().powerTargetW).toBe(2200);
  });

  it('updates the pool group in place on firmware whose API has no SetPoolGroups (before 1.2.0)', async () => {
    const identity = await identify(rigAt(oldApi, 0));
    await apply(identity, {
      kind: 'pools',
      pools: [{ url: 'stratum+tcp://old.rigwise.test:25', user: 'o.1', password: 'x' }],
    });
    expect((await read(identity)).pools.map((pool) => pool.url)).toEqual(['stratum+tcp://old.rigwise.test:25']);
  });
});

describe('older BOSminer+ without the gRPC API', () => {
  it('offers only pause/resume, which work over TCP 4028 without a password', async () => {
    const rig = rigAt(legacy, 0);
    const identity = await identify(rig);
    expect(identity.firmware).toBe('BOSminer+ 0.2.0-36c56a9363');
    expect(driver.capabilities(identity)).toMatchObject({ pools: null, powerTargetW: null, pauseResume: true });
    await apply(identity, { kind: 'pause' });
    expect(rig.readState().paused).toBe(true);
    await apply(identity, { kind: 'resume' });
    expect(rig.readState().paused).toBe(false);
    await expect(apply(identity, { kind: 'powerTarget', watts: 1200 })).rejects.toMatchObject({ code: 'RIG_ERROR' });
  });

  it('reads its chip temperatures as not reported, as BOSminer+ 0.2.0 sends them (0.0)', async () => {
    const snapshot = await read(await identify(rigAt(legacy, 0)));
    expect(snapshot.boards.map((board) => board.chipTempC)).toEqual([null, null, null]);
    expect(snapshot.boards.every((board) => (board.boardTempC ?? 0) > 30)).toBe(true);
  });
});

describe('misbehaving rigs', () => {
  it('gives up on a hung rig within the timeout, on both APIs', async () => {
    const rig = rigAt(bos, 3);
    const identity = await identify(rig);
    await rig.injectFault({ kind: 'hang' });
    const started = Date.now();
    await expect(driver.read({ identity, timeoutMs: 400 }, signal)).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    await expect(
      driver.apply({ identity, timeoutMs: 400, credential: null }, { kind: 'pause' }, signal),
    ).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(Date.now() - started).toBeLessThan(2500);
    await rig.clearFault('hang');
  });

  it('turns garbage on either API into RIG_BAD_REPLY', async () => {
    const rig = rigAt(bos, 3);
    const identity = await identify(rig);
    await rig.injectFault({ kind: 'garbageReplies' });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(read(identity)).rejects.toMatchObject({ code: 'RIG_BAD_REPLY' });
      await expect(apply(identity, { kind: 'resume' })).rejects.toMatchObject({ code: 'RIG_BAD_REPLY' });
    }
    await rig.clearFault('garbageReplies');
  });

  it('refuses oversized replies on either API', async () => {
    const rig = rigAt(bos, 3);
    const identity = await identify(rig);
    await rig.injectFault({ kind: 'oversized', sizeBytes: 2 * 1024 * 1024 });
    await expect(read(identity)).rejects.toMatchObject({ code: 'RIG_BAD_REPLY' });
    await expect(apply(identity, { kind: 'resume' })).rejects.toMatchObject({ code: 'RIG_BAD_REPLY' });
    await rig.clearFault('oversized');
  });

  it('reports an unreachable rig as RIG_UNREACHABLE on both APIs, and reads it again once it is back', async () => {
    const rig = rigAt(bos, 3);
    const identity = await identify(rig);
    await rig.injectFault({ kind: 'unreachable' });
    await expect(read(identity)).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    await expect(apply(identity, { kind: 'resume' })).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    await rig.clearFault('unreachable');
    expect((await read(identity)).boards).toHaveLength(3);
  });

  it('still reads a rig that sends its replies a few bytes at a time', async () => {
    const rig = rigAt(bos, 3);
    const identity = await identify(rig);
    await rig.injectFault({ kind: 'trickle', chunkBytes: 512, intervalMs: 1 });
    expect((await driver.read({ identity, timeoutMs: 10_000 }, signal)).boards).toHaveLength(3);
    await expect(apply(identity, { kind: 'resume' })).resolves.toBeUndefined();
    await rig.clearFault('trickle');
  });
});
