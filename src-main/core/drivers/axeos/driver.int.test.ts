// The AxeOS driver against virtual Bitaxes and a NerdQAxe++ on port 80, over real sockets. Loopback block:
// 127.0.21.10-19 (AxeOS rigs), .20 (an XMRig rig), .200 (an Antminer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { startAxeosRigs, type AxeosRigs } from '../../../sim/axeos/farm.js';
import type { VirtualBitaxe } from '../../../sim/axeos/rig.js';
import { startFarm, type Farm } from '../../../sim/farm.js';
import { startXmrigRigs, type XmrigRigs } from '../../../sim/xmrig/farm.js';
import type { ProbeTarget } from '../driver.js';
import { AxeosDriver } from './driver.js';

const TIMEOUT_MS = 2000;
const signal = new AbortController().signal;
let axe: AxeosRigs;
let xmrig: XmrigRigs;
let antminers: Farm;

function target(host: string, port = 80): ProbeTarget {
  return {
    host,
    port,
    timeoutMs: TIMEOUT_MS,
    cgminerVersion: () => Promise.resolve({ ok: false, error: new RigwiseError('RIG_UNREACHABLE', 'not asked') }),
  };
}

function rigAt(index: number): VirtualBitaxe {
  const rig = axe.rigs[index];
  if (!rig) throw new Error(`no AxeOS rig ${index}`);
  return rig;
}

async function identify(driver: AxeosDriver, rig: VirtualBitaxe): Promise<RigIdentity> {
  const identity = await driver.probe(target(rig.host, rig.port), signal);
  if (!identity) throw new Error(`${rig.host} was not identified`);
  return identity;
}

async function readWhenBack(driver: AxeosDriver, identity: RigIdentity, withinMs: number) {
  const started = Date.now();
  for (;;) {
    try {
      return await driver.read({ identity, timeoutMs: 500 }, signal);
    } catch (error) {
      if (Date.now() - started > withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

beforeAll(async () => {
  axe = await startAxeosRigs({ count: 4, firstHost: '127.0.21.10', seed: 21, restartDownMs: 300 });
  xmrig = await startXmrigRigs({ count: 1, firstHost: '127.0.21.20', seed: 22, accessToken: null, restricted: true });
  antminers = await startFarm({ count: 1, firstHost: '127.0.21.200', seed: 23 });
});

afterAll(async () => {
  await Promise.all([axe.stop(), xmrig.stop(), antminers.stop()]);
});

describe('AxeosDriver.probe', () => {
  it('identifies every virtual rig as AxeOS with the model the simulator serves', async () => {
    const driver = new AxeosDriver();
    for (const rig of axe.rigs) {
      const identity = await identify(driver, rig);
      expect(identity).toMatchObject({ family: 'axeos', model: rig.modelName, host: rig.host, port: 80 });
    }
    expect(axe.rigs.map((rig) => rig.modelName)).toEqual([
      'Bitaxe Gamma (BM1370)',
      'Bitaxe Supra (BM1368)',
      'Bitaxe Ultra (BM1366)',
      'NerdQAxe++ (BM1370)',
    ]);
  });

  it('finds nothing on an XMRig rig, on either port', async () => {
    const driver = new AxeosDriver();
    const [rig] = xmrig.rigs;
    expect(await driver.probe(target(rig?.host ?? '', 8080), signal)).toBeNull();
    expect(await driver.probe(target(rig?.host ?? '', 80), signal)).toBeNull();
  });

  it('finds nothing on port 80 of an Antminer, whose API is on 4028', async () => {
    const started = Date.now();
    expect(await new AxeosDriver().probe(target('127.0.21.200', 80), signal)).toBeNull();
    expect(await new AxeosDriver().probe(target('127.0.21.200', 4028), signal)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2 * TIMEOUT_MS);
  });
});

describe('AxeosDriver.read', () => {
  it('reads hashrate, power, temperature and settings close to the simulated truth', async () => {
    const driver = new AxeosDriver();
    const rig = rigAt(0);
    const snapshot = await driver.read({ identity: await identify(driver, rig), timeoutMs: TIMEOUT_MS }, signal);
    const truth = rig.readState();
    expect(snapshot.hashrateThs ?? 0).toBeGreaterThan(truth.hashrateThs * 0.95);
    expect(snapshot.hashrateThs ?? 0).toBeLessThan(truth.hashrateThs * 1.05);
    expect(Math.abs((snapshot.powerW ?? 0) - truth.powerW)).toBeLessThan(truth.powerW * 0.03);
    expect(Math.abs((snapshot.maxChipTempC ?? 0) - truth.chipTempC)).toBeLessThan(1);
    expect(snapshot.control).toMatchObject({ frequencyMhz: 525, voltageMv: 1150 });
    expect(snapshot.pools.map((pool) => pool.url)).toEqual([
      'stratum+tcp://public-pool.test:21496',
      'stratum+tcp://solo.ckpool.test:3333',
    ]);
  });

  it('reads all four ASICs of the NerdQAxe++ as one board', async () => {
    const driver = new AxeosDriver();
    const rig = rigAt(3);
    const snapshot = await driver.read({ identity: await identify(driver, rig), timeoutMs: TIMEOUT_MS }, signal);
    expect(snapshot.boards).toHaveLength(1);
    expect(snapshot.boards[0]?.chipsTotal).toBe(4);
    expect(snapshot.hashrateThs ?? 0).toBeGreaterThan(4);
  });

  it('offers the option-list ranges the rig serves at /api/system/asic', async () => {
    const driver = new AxeosDriver();
    const identity = await identify(driver, rigAt(1));
    expect(driver.capabilities(identity)).toMatchObject({
      frequencyMhz: { min: 400, max: 575 },
      voltageMv: { min: 1100, max: 1300 },
      restart: true,
    });
  });

  it('turns network faults into typed errors within the timeout', async () => {
    const driver = new AxeosDriver();
    const rig = rigAt(2);
    const identity = await identify(driver, rig);
    const readOnce = () => driver.read({ identity, timeoutMs: 400 }, signal);
    const cases = [
      [{ kind: 'hang' }, 'RIG_UNREACHABLE'],
      [{ kind: 'garbageReplies' }, 'RIG_BAD_REPLY'],
      [{ kind: 'oversized', sizeBytes: 2 * 1024 * 1024 }, 'RIG_BAD_REPLY'],
      [{ kind: 'trickle', chunkBytes: 4, intervalMs: 100 }, 'RIG_UNREACHABLE'],
      [{ kind: 'unreachable' }, 'RIG_UNREACHABLE'],
    ] as const;
    for (const [fault, code] of cases) {
      await rig.injectFault(fault);
      const started = Date.now();
      await expect(readOnce(), fault.kind).rejects.toMatchObject({ code });
      expect(Date.now() - started).toBeLessThan(1500);
      await rig.clearFault(fault.kind);
    }
    expect((await readOnce()).hashrateThs).not.toBeNull();
  });

  it('shows a dead board as dead', async () => {
    const driver = new AxeosDriver();
    const rig = rigAt(2);
    const identity = await identify(driver, rig);
    await rig.injectFault({ kind: 'deadBoard', board: 0 });
    const snapshot = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    expect(snapshot.boards[0]?.status).toBe('dead');
    await rig.clearFault('deadBoard');
  });
});

describe('AxeosDriver.apply', () => {
  async function applied(rig: VirtualBitaxe, change: RigChange) {
    const driver = new AxeosDriver();
    const identity = await identify(driver, rig);
    const before = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    await driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: null }, change, signal);
    const after = await readWhenBack(driver, identity, 5000);
    return { before, after };
  }

  it('raises the clock, and the next read shows it and more hashrate', async () => {
    const { before, after } = await applied(rigAt(0), { kind: 'frequency', mhz: 600 });
    expect(after.control.frequencyMhz).toBe(600);
    expect(after.hashrateThs ?? 0).toBeGreaterThan((before.hashrateThs ?? 0) * 1.08);
  });

  it('lowers the core voltage, and the next read shows it with less power drawn', async () => {
    const { before, after } = await applied(rigAt(1), { kind: 'voltage', millivolts: 1100 });
    expect(after.control.voltageMv).toBe(1100);
    expect(after.powerW ?? 0).toBeLessThan(before.powerW ?? 0);
  });

  it('replaces both pools, and the next read lists them as sent', async () => {
    const pools = [
      { url: 'stratum+tcp://pool.one.test:3333', user: 'bc1qone.rig', password: 'x' },
      { url: 'stratum+tcp://pool.two.test:4444', user: 'bc1qtwo.rig', password: 'x' },
    ];
    const { after } = await applied(rigAt(3), { kind: 'pools', pools });
    expect(after.pools.map((pool) => [pool.url, pool.user])).toEqual(pools.map((pool) => [pool.url, pool.user]));
  });

  it('restarts the rig, which drops off the network and comes back with its uptime at zero', async () => {
    const driver = new AxeosDriver();
    const rig = rigAt(2);
    const identity = await identify(driver, rig);
    const before = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    await driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: null }, { kind: 'restart' }, signal);
    let wentDown = false;
    let uptimeS: number | null = before.uptimeS;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(wentDown && uptimeS !== null && uptimeS < 10)) {
      try {
        uptimeS = (await driver.read({ identity, timeoutMs: 300 }, signal)).uptimeS;
      } catch {
        wentDown = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(before.uptimeS ?? 0).toBeGreaterThan(3600);
    expect(wentDown).toBe(true);
    expect(uptimeS ?? Infinity).toBeLessThan(10);
  });

  it('refuses a change kind AxeOS does not offer without touching the rig', async () => {
    const driver = new AxeosDriver();
    const identity = await identify(driver, rigAt(0));
    await expect(
      driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: null }, { kind: 'threads', count: 2 }, signal),
    ).rejects.toMatchObject({ code: 'RIG_ERROR' });
  });
});
