// The Whatsminer driver against virtual Whatsminers (and one virtual Antminer) over real sockets, on this folder's
// loopback block 127.0.20.0/24, through discovery's own identification pipeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import { ManualClock, startFarm, type Farm } from '../../../sim/index.js';
import { startWhatsminerRigs, type WhatsminerRigs } from '../../../sim/whatsminer/index.js';
import { identifyHost } from '../../discovery/scanner.js';
import { askCgminer } from '../cgminer/ask.js';
import { CgminerDriver } from '../cgminer/driver.js';
import { DriverRegistry } from '../registry.js';
import { WhatsminerDriver } from './driver.js';

const PASSWORD = 'wm-Secret_42';
const TIMEOUT_MS = 3000;
let whatsminers: WhatsminerRigs;
let antminers: Farm;
const driver = new WhatsminerDriver();
const signal = new AbortController().signal;
const registry = new DriverRegistry([new CgminerDriver(), driver]);

beforeAll(async () => {
  whatsminers = await startWhatsminerRigs({ count: 6, firstHost: '127.0.20.10', seed: 20, adminPassword: PASSWORD });
  antminers = await startFarm({ count: 1, firstHost: '127.0.20.60', seed: 20, models: ['Antminer S19 Pro'] });
});

afterAll(async () => {
  await whatsminers.stop();
  await antminers.stop();
});

function rigAt(index: number) {
  const rig = whatsminers.rigs[index];
  if (!rig) throw new Error(`no rig ${index}`);
  return rig;
}

function probeTarget(host: string) {
  return {
    host,
    port: 4028,
    timeoutMs: TIMEOUT_MS,
    cgminerVersion: () => askCgminer(host, 4028, 'version', TIMEOUT_MS, signal),
  };
}

async function identityOf(index: number): Promise<RigIdentity> {
  const identity = await driver.probe(probeTarget(rigAt(index).host), signal);
  if (!identity) throw new Error(`rig ${index} not identified`);
  return identity;
}

describe('identification', () => {
  it('identifies every simulated model as a Whatsminer with its model, firmware, API version and MAC', async () => {
    for (const index of [0, 1, 2, 3]) {
      const rig = rigAt(index);
      const identity = await identifyHost(rig.host, registry, TIMEOUT_MS, signal);
      expect(identity).toMatchObject({
        family: 'whatsminer',
        make: 'MicroBT',
        model: rig.modelName,
        firmware: rig.model.firmware.version,
        apiVersion: '2.0.5',
        mac: rig.mac.toLowerCase(),
      });
    }
  });

  it('is not taken for a cgminer rig by the CGMiner driver, whose version command it refuses', async () => {
    await expect(new CgminerDriver().probe(probeTarget(rigAt(0).host), signal)).resolves.toBeNull();
  });

  it('does not claim a virtual Antminer, which the CGMiner driver does identify', async () => {
    const host = antminers.rigs[0]?.host ?? '';
    await expect(driver.probe(probeTarget(host), signal)).resolves.toBeNull();
    await expect(identifyHost(host, registry, TIMEOUT_MS, signal)).resolves.toMatchObject({ family: 'cgminer' });
  });

  it('trusts a version reply that names another make or BOSminer, even on a host that would answer devdetails', async () => {
    const host = rigAt(0).host;
    const claiming = (value: Record<string, unknown>) => ({
      ...probeTarget(host),
      cgminerVersion: () => Promise.resolve({ ok: true as const, value }),
    });
    await expect(driver.probe(claiming({ VERSION: [{ Type: 'Antminer S19 Pro' }] }), signal)).resolves.toBeNull();
    const bosminer = { STATUS: [{ STATUS: 'S', Description: 'BOSminer 0.2.0' }], VERSION: [{}] };
    await expect(driver.probe(claiming(bosminer), signal)).resolves.toBeNull();
    // A version reply with the btminer marker is enough by itself; the model still comes from devdetails.
    const btminer = { STATUS: [{ STATUS: 'S', Description: 'btminer' }], VERSION: [{ CGMiner: '4.9.2' }] };
    await expect(driver.probe(claiming(btminer), signal)).resolves.toMatchObject({ model: rigAt(0).modelName });
  });

  it('answers null, without throwing, for an address where nothing listens', async () => {
    await expect(driver.probe(probeTarget('127.0.20.250'), signal)).resolves.toBeNull();
  });
});

describe('read', () => {
  it('reads values close to the simulated truth, measured power included', async () => {
    for (const index of [0, 2, 3]) {
      const rig = rigAt(index);
      const snapshot = await driver.read({ identity: await identityOf(index), timeoutMs: TIMEOUT_MS }, signal);
      const truth = rig.readState();
      expect(RigSnapshotSchema.safeParse(snapshot).success).toBe(true);
      expect(snapshot.powerIsEstimate).toBe(false);
      expect(snapshot.hashrateThs ?? 0).toBeGreaterThan(truth.hashrateThs * 0.96);
      expect(snapshot.hashrateThs ?? 0).toBeLessThan(truth.hashrateThs * 1.04);
      expect(Math.abs((snapshot.powerW ?? 0) - truth.powerW)).toBeLessThan(truth.powerW * 0.02);
      expect(snapshot.boards.map((board) => board.chipsTotal)).toEqual(truth.boards.map((board) => board.chipsTotal));
      snapshot.boards.forEach((board, boardIndex) => {
        expect(Math.abs((board.chipTempC ?? 0) - (truth.boards[boardIndex]?.chipMaxC ?? 0))).toBeLessThan(1);
        expect(board.frequencyMhz).toBe(truth.boards[boardIndex]?.frequencyMhz);
      });
      expect(snapshot.fans.slice(0, 2).map((fan) => fan.rpm)).toEqual(truth.fans.map((fan) => fan.rpm));
      expect(snapshot.pools.map((pool) => pool.url)).toEqual(truth.pools.map((pool) => pool.url));
      expect(snapshot.control.powerTargetW).toBe(truth.powerLimitW);
    }
  });

  it('shows a dead board as dead at once, and the 1-minute rig rate without it a minute later', async () => {
    const clock = new ManualClock();
    const one = await startWhatsminerRigs({ count: 1, firstHost: '127.0.20.45', seed: 45, models: ['M30S'], clock });
    try {
      const rig = one.rigs[0];
      const identity = await driver.probe(probeTarget('127.0.20.45'), signal);
      if (!rig || !identity) throw new Error('rig not identified');
      await rig.injectFault({ kind: 'deadBoard', board: 2 });
      const now = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
      expect(now.boards.map((board) => board.status)).toEqual(['ok', 'ok', 'dead']);
      clock.advance(5 * 60_000);
      const later = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
      expect(later.hashrateThs ?? 0).toBeLessThan(rig.model.nominalHashrateThs * 0.7);
      expect(later.hashrateThs ?? 0).toBeGreaterThan(rig.model.nominalHashrateThs * 0.6);
    } finally {
      await one.stop();
    }
  });

  it('turns a hung rig into RIG_UNREACHABLE within the timeout and garbage into a typed error', async () => {
    const rig = rigAt(1);
    const identity = await identityOf(1);
    await rig.injectFault({ kind: 'hang' });
    const started = Date.now();
    await expect(driver.read({ identity, timeoutMs: 300 }, signal)).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(Date.now() - started).toBeLessThan(1500);
    await rig.clearFault('hang');
    await rig.injectFault({ kind: 'garbageReplies' });
    const error: unknown = await driver.read({ identity, timeoutMs: 1000 }, signal).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: expect.stringMatching(/^RIG_(BAD_REPLY|ERROR|UNREACHABLE)$/) as unknown });
    await expect(driver.probe(probeTarget(rig.host), signal)).resolves.toBeNull();
    await rig.clearFault('garbageReplies');
  });
});

describe('apply', () => {
  it('changes the pools with the right password, and the next read shows them', async () => {
    const rig = rigAt(2);
    const identity = await identityOf(2);
    const pools = [
      { url: 'stratum+tcp://primary.test:3333', user: 'farm.rig2', password: 'x' },
      { url: 'stratum+tcp://backup.test:443', user: 'farm.rig2b', password: 'y' },
    ];
    await driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD }, { kind: 'pools', pools }, signal);
    const snapshot = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    expect(snapshot.pools.map((pool) => [pool.url, pool.user])).toEqual(pools.map((pool) => [pool.url, pool.user]));
    expect(rig.readState().pools).toEqual(pools);
  });

  it('lowers the power limit: the next read shows the limit, less power and less hashrate', async () => {
    const rig = rigAt(3);
    const identity = await identityOf(3);
    const before = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    const change = { kind: 'powerTarget', watts: 2400 } as const;
    await driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD }, change, signal);
    const after = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    expect(after.control.powerTargetW).toBe(2400);
    expect(after.powerW ?? Infinity).toBeLessThan(2400 * 1.01);
    expect(after.hashrateThs ?? Infinity).toBeLessThan((before.hashrateThs ?? 0) * 0.85);
    expect(after.control.frequencyMhz ?? Infinity).toBeLessThan(before.control.frequencyMhz ?? 0);
    // The limit restarted btminer, which forgets its tokens: the cached one is refused and a fresh one fetched.
    await driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD }, { kind: 'restart' }, signal);
    const restarted = await driver.read({ identity, timeoutMs: TIMEOUT_MS }, signal);
    expect(restarted.uptimeS ?? Infinity).toBeLessThan(60);
    expect(rig.readState().powerLimitW).toBe(2400);
  });

  it('reuses its token for the next change and fetches a new one only when the rig forgot it', async () => {
    const rig = rigAt(5);
    const identity = await identityOf(5);
    const target = { identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD };
    const pools = (user: string): RigChange => ({
      kind: 'pools',
      pools: [{ url: 'stratum+tcp://p.test:3333', user, password: 'x' }],
    });
    const issuedBefore = rig.tokensIssued;
    await driver.apply(target, pools('a'), signal);
    await driver.apply(target, pools('b'), signal);
    expect(rig.tokensIssued).toBe(issuedBefore + 1);
    rig.restartMiner();
    await driver.apply(target, pools('c'), signal);
    expect(rig.tokensIssued).toBe(issuedBefore + 2);
    expect(rig.readState().pools[0]?.user).toBe('c');
  });

  it('fetches a new token once the cached one is 28 minutes old, and never uses it for another password', async () => {
    const rig = rigAt(5);
    const identity = await identityOf(5);
    let nowMs = 1_000_000;
    const timed = new WhatsminerDriver({ nowMs: () => nowMs });
    const target = { identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD };
    // Pool changes, unlike restarts, leave the rig's tokens valid: only the driver's own clock can retire one.
    const change: RigChange = {
      kind: 'pools',
      pools: [{ url: 'stratum+tcp://t.test:3333', user: 'u', password: 'x' }],
    };
    const issuedBefore = rig.tokensIssued;
    await timed.apply(target, change, signal);
    await expect(timed.apply({ ...target, credential: 'other' }, change, signal)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(rig.tokensIssued).toBe(issuedBefore + 2);
    await timed.apply(target, change, signal);
    nowMs += 28 * 60_000;
    await timed.apply(target, change, signal);
    expect(rig.tokensIssued).toBe(issuedBefore + 4);
  });

  it('refuses a wrong password with UNAUTHORIZED, never echoing it, and changes nothing', async () => {
    const rig = rigAt(4);
    const identity = await identityOf(4);
    const before = rig.readState();
    const wrong = 'not-the-Password';
    const changes: RigChange[] = [
      { kind: 'powerTarget', watts: 2000 },
      { kind: 'pools', pools: [{ url: 'stratum+tcp://evil.test:1', user: 'x', password: 'x' }] },
    ];
    for (const change of changes) {
      const error: unknown = await driver
        .apply({ identity, timeoutMs: TIMEOUT_MS, credential: wrong }, change, signal)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(String((error as Error).message)).not.toContain(wrong);
    }
    const after = rig.readState();
    expect(after.powerLimitW).toBe(before.powerLimitW);
    expect(after.pools).toEqual(before.pools);
  });

  it('reports a rig whose API write access is off as UNAUTHORIZED with what to do about it', async () => {
    const locked = await startWhatsminerRigs({ count: 1, firstHost: '127.0.20.40', seed: 4, writeAccess: false });
    try {
      const host = locked.rigs[0]?.host ?? '';
      const identity = await driver.probe(probeTarget(host), signal);
      expect(identity).not.toBeNull();
      if (!identity) return;
      const error: unknown = await driver
        .apply({ identity, timeoutMs: TIMEOUT_MS, credential: 'admin' }, { kind: 'restart' }, signal)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'UNAUTHORIZED',
        message: expect.stringContaining('WhatsMinerTool') as unknown,
      });
    } finally {
      await locked.stop();
    }
  });

  it('refuses a change the capabilities do not offer before sending anything', async () => {
    const identity = await identityOf(5);
    await expect(
      driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD }, { kind: 'frequency', mhz: 500 }, signal),
    ).rejects.toMatchObject({ code: 'RIG_ERROR' });
    await expect(
      driver.apply(
        { identity, timeoutMs: TIMEOUT_MS, credential: PASSWORD },
        { kind: 'powerTarget', watts: 9000 },
        signal,
      ),
    ).rejects.toMatchObject({ code: 'RIG_ERROR' });
  });
});
