// GPU rigs on the cgminer API over real sockets: TeamRedMiner (read-only API) and an sgminer build that grants
// privileged access, both simulated (src-main/sim/teamredminer). Loopback block 127.0.24.0/24, addresses .30-.39.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { startSgminerRigs, startTeamRedMinerRigs, type GpuRigs } from '../../../sim/teamredminer/index.js';
import { askCgminer } from './ask.js';
import { CgminerDriver } from './driver.js';

const TIMEOUT_MS = 3000;
const driver = new CgminerDriver();
let trm: GpuRigs;
let sgminer: GpuRigs;
let locked: GpuRigs;

const NEW_POOLS: RigChange = {
  kind: 'pools',
  pools: [
    // A worker name with a comma and a password with a backslash: both must survive cgminer's escaping.
    { url: 'stratum+tcp://kawpow.pool-new.test:3333', user: 'acct,farm.rig7', password: 'pa\\ss' },
    { url: 'stratum+tcp://kawpow.pool-backup.test:443', user: 'acct.rig7', password: 'x' },
  ],
};

async function identify(host: string): Promise<RigIdentity> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const identity = await driver.probe(
    {
      host,
      port: 4028,
      timeoutMs: TIMEOUT_MS,
      cgminerVersion: () => askCgminer(host, 4028, 'version', TIMEOUT_MS, signal),
    },
    signal,
  );
  if (!identity) throw new Error(`${host} was not identified`);
  return identity;
}

const read = (identity: RigIdentity) =>
  driver.read({ identity, timeoutMs: TIMEOUT_MS }, AbortSignal.timeout(TIMEOUT_MS));
const apply = (identity: RigIdentity, change: RigChange) =>
  driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: null }, change, AbortSignal.timeout(TIMEOUT_MS));

beforeAll(async () => {
  trm = await startTeamRedMinerRigs({ count: 2, firstHost: '127.0.24.30', seed: 30, gpus: 6 });
  sgminer = await startSgminerRigs({ count: 2, firstHost: '127.0.24.33', seed: 33, gpus: 3, restartDelayMs: 200 });
  locked = await startSgminerRigs({ count: 1, firstHost: '127.0.24.36', seed: 36, gpus: 2, privilegedAccess: false });
});

afterAll(async () => {
  await Promise.all([trm.stop(), sgminer.stop(), locked.stop()]);
});

describe('a TeamRedMiner rig', () => {
  it('is identified by its STATUS Description, with its GPU count, and offered no control', async () => {
    const identity = await identify('127.0.24.30');
    expect(identity).toMatchObject({
      make: 'AMD',
      model: 'TeamRedMiner 0.3.10 (6× GPU)',
      firmware: 'TeamRedMiner 0.3.10',
      family: 'cgminer',
    });
    expect(identity.model).toBe(trm.rigs[0]?.modelName);
    expect(driver.capabilities(identity)).toMatchObject({ pools: null, restart: false, pauseResume: false });
  });

  it('reads one board per GPU with its rate, temperature, fan and clock, and the rig totals', async () => {
    const snapshot = await read(await identify('127.0.24.30'));
    expect(snapshot.boards).toHaveLength(6);
    for (const board of snapshot.boards) {
      expect(board.hashrateThs).toBeGreaterThan(11e-6);
      expect(board.hashrateThs).toBeLessThan(15e-6);
      expect(board.chipTempC).toBeGreaterThan(40);
      expect(board.fanPercent).toBeGreaterThan(0);
      expect(board.frequencyMhz).toBe(1300);
      expect(board.status).toBe('ok');
    }
    expect(snapshot.fans).toHaveLength(6);
    expect(snapshot.hashrateThs).toBeCloseTo(
      snapshot.boards.reduce((sum, board) => sum + (board.hashrateThs ?? 0), 0),
      7,
    );
    expect(snapshot.uptimeS).toBeGreaterThan(3600);
    expect(snapshot.control.voltageMv).toBe(950);
    expect(snapshot.pools[0]).toMatchObject({ url: 'stratum+tcp://kawpow.pool-a.test:3333', active: true });
  });

  it('shows a dead GPU as a dead board', async () => {
    await trm.rigs[1]?.injectFault({ kind: 'deadBoard', board: 4 });
    const boards = (await read(await identify('127.0.24.31'))).boards;
    expect(boards.map((board) => board.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'dead', 'ok']);
  });

  it('refuses a pool change as RIG_ERROR, and the pools read back unchanged', async () => {
    const identity = await identify('127.0.24.30');
    const before = (await read(identity)).pools.map((pool) => pool.url);
    await expect(apply(identity, NEW_POOLS)).rejects.toMatchObject({ code: 'RIG_ERROR' });
    await expect(apply(identity, { kind: 'restart' })).rejects.toMatchObject({ code: 'RIG_ERROR' });
    expect((await read(identity)).pools.map((pool) => pool.url)).toEqual(before);
  });
});

describe('an sgminer rig whose API grants privileged access', () => {
  it('is offered pools and restart with no credential', async () => {
    const identity = await identify('127.0.24.33');
    expect(identity.model).toBe('cgminer rig (sgminer 4.1.0)');
    expect(identity.firmware).toBe('SGMiner 4.1.0');
    expect(driver.capabilities(identity)).toMatchObject({ pools: { max: 3 }, restart: true, needsCredential: 'none' });
  });

  it('replaces its pools through addpool/poolpriority/switchpool/removepool, read back in order, escapes intact', async () => {
    const identity = await identify('127.0.24.33');
    await apply(identity, NEW_POOLS);
    const pools = (await read(identity)).pools;
    expect(pools.map((pool) => [pool.url, pool.user, pool.active])).toEqual([
      ['stratum+tcp://kawpow.pool-new.test:3333', 'acct,farm.rig7', true],
      ['stratum+tcp://kawpow.pool-backup.test:443', 'acct.rig7', false],
    ]);
    expect(sgminer.rigs[0]?.poolList().map((pool) => pool.priority)).toEqual([0, 1]);
  });

  it('restarts: the miner comes back with its uptime at zero (and its command-line pools)', async () => {
    const identity = await identify('127.0.24.34');
    await apply(identity, NEW_POOLS);
    await apply(identity, { kind: 'restart' });
    let after = null;
    for (let attempt = 0; attempt < 40 && after === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await read(identity).catch(() => null);
      if (after && (after.uptimeS ?? Infinity) > 60) after = null;
    }
    expect(after?.uptimeS).toBeLessThan(60);
    expect(sgminer.rigs[1]?.restarts).toBe(1);
    expect(after?.pools[0]?.url).toBe('stratum+tcp://kawpow.pool-a.test:3333');
  });
});

describe('an sgminer rig without privileged access for Rigwise', () => {
  it('answers UNAUTHORIZED with what to configure, and its pools stay as they were', async () => {
    const identity = await identify('127.0.24.36');
    const before = locked.rigs[0]?.poolList();
    const error = await apply(identity, NEW_POOLS).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String((error as Error).message)).toContain('--api-allow W:');
    expect(locked.rigs[0]?.poolList()).toEqual(before);
    await expect(apply(identity, { kind: 'restart' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
