// The XMRig driver against virtual XMRig rigs on port 8080, over real sockets. Loopback block: 127.0.21.40-41 (a CPU
// and a GPU rig, token-protected and unrestricted), .42 (restricted, no token), .43 (an AxeOS rig), .210 (an Antminer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { startAxeosRigs, type AxeosRigs } from '../../../sim/axeos/farm.js';
import { startFarm, type Farm } from '../../../sim/farm.js';
import { startXmrigRigs, type XmrigRigs } from '../../../sim/xmrig/farm.js';
import type { VirtualXmrig } from '../../../sim/xmrig/rig.js';
import type { ProbeTarget } from '../driver.js';
import { XmrigDriver } from './driver.js';
import { TOKEN_REQUIRED_MODEL } from './identity.js';

const TIMEOUT_MS = 2000;
const TOKEN = 'rigwise-sim-token';
const signal = new AbortController().signal;
let protectedRigs: XmrigRigs;
let restrictedRigs: XmrigRigs;
let axe: AxeosRigs;
let antminers: Farm;

function target(host: string, port = 8080): ProbeTarget {
  return {
    host,
    port,
    timeoutMs: TIMEOUT_MS,
    cgminerVersion: () => Promise.resolve({ ok: false, error: new RigwiseError('RIG_UNREACHABLE', 'not asked') }),
  };
}

function rigAt(rigs: XmrigRigs, index: number): VirtualXmrig {
  const rig = rigs.rigs[index];
  if (!rig) throw new Error(`no XMRig rig ${index}`);
  return rig;
}

async function identify(driver: XmrigDriver, rig: VirtualXmrig): Promise<RigIdentity> {
  const identity = await driver.probe(target(rig.host, rig.port), signal);
  if (!identity) throw new Error(`${rig.host} was not identified`);
  return identity;
}

/** A driver that has read the rig once with its token, as the fleet would before offering changes. */
async function readyDriver(rig: VirtualXmrig) {
  const driver = new XmrigDriver();
  const identity = await identify(driver, rig);
  const read = () => driver.read({ identity, timeoutMs: TIMEOUT_MS, credential: TOKEN }, signal);
  await read();
  const apply = (change: Parameters<XmrigDriver['apply']>[1], credential: string | null = TOKEN) =>
    driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential }, change, signal);
  return { driver, identity, read, apply };
}

beforeAll(async () => {
  protectedRigs = await startXmrigRigs({ count: 2, firstHost: '127.0.21.40', seed: 41 });
  restrictedRigs = await startXmrigRigs({
    count: 1,
    firstHost: '127.0.21.42',
    seed: 42,
    accessToken: null,
    restricted: true,
  });
  axe = await startAxeosRigs({ count: 1, firstHost: '127.0.21.43', seed: 43 });
  antminers = await startFarm({ count: 1, firstHost: '127.0.21.210', seed: 44 });
});

afterAll(async () => {
  await Promise.all([protectedRigs.stop(), restrictedRigs.stop(), axe.stop(), antminers.stop()]);
});

describe('XmrigDriver.probe', () => {
  it('identifies an open (restricted, tokenless) XMRig by its summary, with the CPU it runs on', async () => {
    const rig = rigAt(restrictedRigs, 0);
    expect(await new XmrigDriver().probe(target(rig.host), signal)).toMatchObject({
      family: 'xmrig',
      make: 'XMRig',
      model: rig.modelName,
      firmware: 'XMRig 6.21.0',
      apiVersion: '2',
    });
    expect(rig.modelName).toBe('XMRig on AMD Ryzen 9 5950X');
  });

  it('recognises a token-protected XMRig by its own 401, though it cannot tell the model without the token', async () => {
    for (const rig of protectedRigs.rigs) {
      expect(await new XmrigDriver().probe(target(rig.host), signal)).toMatchObject({
        family: 'xmrig',
        model: TOKEN_REQUIRED_MODEL,
      });
    }
  });

  it('identifies a token-protected rig by model when given its token', async () => {
    const rig = rigAt(protectedRigs, 1);
    const identity = await new XmrigDriver().probe({ ...target(rig.host), credential: TOKEN }, signal);
    expect(identity?.model).toBe('XMRig on Intel Core i5-10400');
  });

  it('finds nothing on an AxeOS rig or an Antminer, on either port', async () => {
    const driver = new XmrigDriver();
    for (const host of ['127.0.21.43', '127.0.21.210']) {
      expect(await driver.probe(target(host, 8080), signal)).toBeNull();
      expect(await driver.probe(target(host, 80), signal)).toBeNull();
    }
  });
});

describe('XmrigDriver.read', () => {
  it('reads a CPU rig close to the simulated truth, with its thread count', async () => {
    const rig = rigAt(protectedRigs, 0);
    const { read } = await readyDriver(rig);
    const snapshot = await read();
    const truthThs = rig.readState().hashrateHs * 1e-12;
    expect(snapshot.hashrateThs ?? 0).toBeGreaterThan(truthThs * 0.97);
    expect(snapshot.hashrateThs ?? 0).toBeLessThan(truthThs * 1.03);
    expect(snapshot.control).toMatchObject({ threads: 32, paused: false });
    expect(snapshot.pools).toEqual([
      expect.objectContaining({ url: 'stratum+tcp://pool.supportxmr.test:3333', active: true }),
    ]);
  });

  it('reads each GPU of the GPU rig as a board with its temperature, power and fan', async () => {
    const rig = rigAt(protectedRigs, 1);
    const { read } = await readyDriver(rig);
    const snapshot = await read();
    const truth = rig.readState();
    expect(snapshot.boards).toHaveLength(2);
    snapshot.boards.forEach((board, index) => {
      expect(Math.abs((board.chipTempC ?? 0) - (truth.gpuTempsC[index] ?? 0))).toBeLessThanOrEqual(1);
      expect(board.powerW ?? 0).toBeGreaterThan(100);
    });
    expect(snapshot.boards[1]?.fanPercent).not.toBeNull();
    expect(snapshot.fans).toHaveLength(1);
    expect(snapshot.powerW ?? 0).toBeGreaterThan(250);
    expect(snapshot.control.threads).toBeNull();
  });

  it('is refused with UNAUTHORIZED when the token is missing or wrong', async () => {
    const rig = rigAt(protectedRigs, 0);
    const driver = new XmrigDriver();
    const identity = await identify(driver, rig);
    await expect(driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    const wrong = driver.read({ identity, timeoutMs: TIMEOUT_MS, credential: 'not-the-token' }, signal);
    await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await wrong.catch((error: unknown) => expect(String((error as Error).message)).not.toContain('not-the-token'));
  });

  it('turns network faults into typed errors within the timeout', async () => {
    const rig = rigAt(restrictedRigs, 0);
    const driver = new XmrigDriver();
    const identity = await identify(driver, rig);
    const cases = [
      [{ kind: 'hang' }, 'RIG_UNREACHABLE'],
      [{ kind: 'slowReplies', delayMs: 1000 }, 'RIG_UNREACHABLE'],
      [{ kind: 'garbageReplies' }, 'RIG_BAD_REPLY'],
      [{ kind: 'oversized', sizeBytes: 2 * 1024 * 1024 }, 'RIG_BAD_REPLY'],
      [{ kind: 'unreachable' }, 'RIG_UNREACHABLE'],
    ] as const;
    for (const [fault, code] of cases) {
      await rig.injectFault(fault);
      const started = Date.now();
      await expect(driver.read({ identity, timeoutMs: 400 }, signal), fault.kind).rejects.toMatchObject({ code });
      expect(Date.now() - started).toBeLessThan(1500);
      await rig.clearFault(fault.kind);
    }
  });
});

describe('XmrigDriver.apply', () => {
  it('replaces the pool list, and the next read lists the new pools with the live one marked', async () => {
    const rig = rigAt(protectedRigs, 0);
    const { apply, read } = await readyDriver(rig);
    const pools = [
      { url: 'stratum+ssl://xmr.one.test:443', user: 'wallet.one', password: 'x' },
      { url: 'stratum+tcp://xmr.two.test:3333', user: 'wallet.two', password: 'x' },
    ];
    await apply({ kind: 'pools', pools });
    const snapshot = await read();
    expect(snapshot.pools.map((pool) => [pool.url, pool.user, pool.active])).toEqual([
      ['stratum+ssl://xmr.one.test:443', 'wallet.one', true],
      ['stratum+tcp://xmr.two.test:3333', 'wallet.two', false],
    ]);
    expect(rig.readState().config['http']).toMatchObject({ 'access-token': TOKEN, restricted: false });
  });

  it('sets the CPU thread count, and the next read shows it and less hashrate', async () => {
    const rig = rigAt(protectedRigs, 0);
    const { apply, read } = await readyDriver(rig);
    const before = await read();
    await apply({ kind: 'threads', count: 8 });
    const after = await read();
    expect(after.control.threads).toBe(8);
    expect(after.hashrateThs ?? 0).toBeLessThan((before.hashrateThs ?? 0) * 0.6);
    await apply({ kind: 'threads', count: 32 });
  });

  it('pauses and resumes, and each read shows it', async () => {
    const rig = rigAt(protectedRigs, 1);
    const { apply, read } = await readyDriver(rig);
    await apply({ kind: 'pause' });
    const paused = await read();
    expect(paused.control.paused).toBe(true);
    expect(paused.hashrateThs).toBe(0);
    expect(paused.boards.every((board) => board.status === 'ok')).toBe(true);
    await apply({ kind: 'resume' });
    expect((await read()).control.paused).toBe(false);
  });

  it('is refused with UNAUTHORIZED without the token, and nothing changes', async () => {
    const rig = rigAt(protectedRigs, 0);
    const { apply } = await readyDriver(rig);
    const before = rig.readState();
    await expect(apply({ kind: 'pause' }, null)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(apply({ kind: 'threads', count: 4 }, null)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const pools = [{ url: 'stratum+tcp://evil.test:1', user: 'x', password: 'x' }];
    await expect(apply({ kind: 'pools', pools }, 'wrong-token')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const after = rig.readState();
    expect(after.paused).toBe(before.paused);
    expect(after.cpuThreads).toBe(before.cpuThreads);
    expect(after.config).toEqual(before.config);
  });

  it('is refused with UNAUTHORIZED by a restricted API', async () => {
    const rig = rigAt(restrictedRigs, 0);
    const driver = new XmrigDriver();
    const identity = await identify(driver, rig);
    const change = { kind: 'pause' } as const;
    await expect(
      driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: null }, change, signal),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(rig.readState().paused).toBe(false);
  });

  it('refuses restart, which XMRig has no API for', async () => {
    const { apply } = await readyDriver(rigAt(protectedRigs, 0));
    await expect(apply({ kind: 'restart' })).rejects.toMatchObject({ code: 'RIG_ERROR' });
  });
});
