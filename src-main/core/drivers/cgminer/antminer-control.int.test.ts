// Control of stock Antminers over real sockets: the driver against simulated rigs serving the cgminer API on 4028 and
// the Digest-protected web CGI on the web port of the same loopback address (src-main/sim/antminer-web).
// Loopback block 127.0.24.0/24, addresses .10-.19 here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RigChange } from '../../../../src-shared/model/control.js';
import type { RigIdentity } from '../../../../src-shared/model/rig.js';
import { startAntminerWebRigs, type AntminerWebRigs } from '../../../sim/antminer-web/index.js';
import type { ProbeTarget } from '../driver.js';
import { askCgminer } from './ask.js';
import { CgminerDriver } from './driver.js';

// Real firmware serves the web interface on port 80; binding it needs root, which CI has. Elsewhere a high port.
const WEB_PORT = process.getuid?.() === 0 ? 80 : 18_080;
const TIMEOUT_MS = 3000;
const PASSWORD = 'root';
const NEW_POOLS: RigChange = {
  kind: 'pools',
  pools: [
    { url: 'stratum+tcp://sha256.pool-new.test:3333', user: 'farm7.rig12', password: 'x' },
    { url: 'stratum+tcp://backup.pool-new.test:443', user: 'farm7.rig12', password: 'x' },
  ],
};

const driver = new CgminerDriver({ antminerWebPort: WEB_PORT });
let farm: AntminerWebRigs;

function probeTarget(host: string): ProbeTarget {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  return {
    host,
    port: 4028,
    timeoutMs: TIMEOUT_MS,
    cgminerVersion: () => askCgminer(host, 4028, 'version', TIMEOUT_MS, signal),
  };
}

async function identify(host: string): Promise<RigIdentity> {
  const identity = await driver.probe(probeTarget(host), AbortSignal.timeout(TIMEOUT_MS));
  if (!identity) throw new Error(`${host} was not identified`);
  return identity;
}

const read = (identity: RigIdentity) =>
  driver.read({ identity, timeoutMs: TIMEOUT_MS }, AbortSignal.timeout(TIMEOUT_MS));
const apply = (identity: RigIdentity, change: RigChange, credential: string | null = PASSWORD) =>
  driver.apply({ identity, timeoutMs: TIMEOUT_MS, credential }, change, AbortSignal.timeout(TIMEOUT_MS));

beforeAll(async () => {
  farm = await startAntminerWebRigs({
    count: 4,
    firstHost: '127.0.24.10',
    seed: 24,
    models: ['Antminer S19 Pro', 'Antminer S19 Pro', 'Antminer S9', 'Antminer S19 Pro'],
    webPort: WEB_PORT,
    rebootDelayMs: 300,
  });
});

afterAll(async () => {
  await farm.stop();
});

describe('an S19 Pro with stock firmware', () => {
  it('is identified as a Bitmain Antminer S19 Pro whose control needs the admin password', async () => {
    const identity = await identify('127.0.24.10');
    expect(identity).toMatchObject({ make: 'Bitmain', model: 'Antminer S19 Pro' });
    expect(driver.capabilities(identity)).toMatchObject({
      pools: { max: 3 },
      pauseResume: true,
      restart: true,
      needsCredential: 'adminPassword',
    });
  });

  it('takes a pool change through the web CGI, and the cgminer API reports the new pools, first one active', async () => {
    const identity = await identify('127.0.24.10');
    await apply(identity, NEW_POOLS);
    const pools = (await read(identity)).pools;
    expect(pools.map((pool) => [pool.url, pool.user, pool.active])).toEqual([
      ['stratum+tcp://sha256.pool-new.test:3333', 'farm7.rig12', true],
      ['stratum+tcp://backup.pool-new.test:443', 'farm7.rig12', false],
    ]);
    // The third slot went in empty, padded as the firmware wants.
    expect(farm.rigs[0]?.webConf().pools[2]).toEqual({ url: '', user: '', pass: '' });
  });

  it('goes to sleep on pause (no hashrate, read back as paused) and hashes again on resume', async () => {
    const identity = await identify('127.0.24.10');
    expect((await read(identity)).hashrateThs).toBeGreaterThan(90);
    await apply(identity, { kind: 'pause' });
    const asleep = await read(identity);
    expect(asleep.hashrateThs).toBe(0);
    expect(asleep.control.paused).toBe(true);
    // Off on purpose, not failed: no board reads dead while the rig sleeps.
    expect(asleep.boards.map((board) => board.status)).toEqual(['ok', 'ok', 'ok']);
    expect(farm.rigs[0]?.webConf().workMode).toBe(1);
    await apply(identity, { kind: 'resume' });
    const awake = await read(identity);
    expect(awake.hashrateThs).toBeGreaterThan(90);
    expect(awake.control.paused).toBe(false);
    // Pausing and resuming kept the pools set before.
    expect(awake.pools[0]?.url).toBe('stratum+tcp://sha256.pool-new.test:3333');
  });

  it('refuses a wrong password as UNAUTHORIZED without echoing it, and changes nothing', async () => {
    const identity = await identify('127.0.24.11');
    const before = (await read(identity)).pools;
    const error = await apply(identity, NEW_POOLS, 'hunter2-wrong').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String((error as Error).message)).not.toContain('hunter2');
    expect((await read(identity)).pools).toEqual(before);
    await expect(apply(identity, { kind: 'pause' }, 'nope')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await read(identity)).hashrateThs).toBeGreaterThan(90);
  });

  it('asks for the password when none is given', async () => {
    const identity = await identify('127.0.24.11');
    await expect(apply(identity, NEW_POOLS, null)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses a change kind stock firmware cannot make, before sending anything', async () => {
    const identity = await identify('127.0.24.11');
    await expect(apply(identity, { kind: 'frequency', mhz: 500 })).rejects.toMatchObject({ code: 'RIG_ERROR' });
    await expect(apply(identity, { kind: 'powerTarget', watts: 3000 })).rejects.toMatchObject({ code: 'RIG_ERROR' });
  });

  it('reboots through reboot.cgi: the rig comes back with its uptime restarted', async () => {
    const identity = await identify('127.0.24.13');
    const before = await read(identity);
    expect(before.uptimeS).toBeGreaterThan(3600);
    await apply(identity, { kind: 'restart' });
    let after = null;
    for (let attempt = 0; attempt < 40 && after === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await read(identity).catch(() => null);
    }
    expect(after?.uptimeS).toBeLessThan(60);
    expect(farm.rigs[3]?.rebootCount).toBe(1);
  });
});

describe('an S9 with the older web firmware', () => {
  it('takes a pool change as the form-encoded body, read back through the API', async () => {
    const identity = await identify('127.0.24.12');
    await apply(identity, NEW_POOLS);
    expect((await read(identity)).pools.map((pool) => pool.url)).toEqual([
      'stratum+tcp://sha256.pool-new.test:3333',
      'stratum+tcp://backup.pool-new.test:443',
    ]);
  });

  it('offers no sleep, and refuses a pause as RIG_ERROR', async () => {
    const identity = await identify('127.0.24.12');
    expect(driver.capabilities(identity).pauseResume).toBe(false);
    await expect(apply(identity, { kind: 'pause' })).rejects.toMatchObject({ code: 'RIG_ERROR' });
  });
});

describe('a misbehaving web interface', () => {
  it('ends a hung web server as RIG_UNREACHABLE within the timeout', async () => {
    const identity = await identify('127.0.24.11');
    await farm.rigs[1]?.injectFault({ kind: 'hang' });
    const started = Date.now();
    await expect(
      driver.apply({ identity, timeoutMs: 500, credential: PASSWORD }, NEW_POOLS, AbortSignal.timeout(5000)),
    ).rejects.toMatchObject({ code: 'RIG_UNREACHABLE' });
    expect(Date.now() - started).toBeLessThan(2000);
    await farm.rigs[1]?.clearFault('hang');
  });

  it('ends a garbled configuration page as RIG_BAD_REPLY and writes nothing', async () => {
    const identity = await identify('127.0.24.11');
    const before = farm.rigs[1]?.webConf();
    await farm.rigs[1]?.injectFault({ kind: 'garbageReplies' });
    const error = await apply(identity, NEW_POOLS).catch((caught: unknown) => caught);
    await farm.rigs[1]?.clearFault('garbageReplies');
    expect(error).toMatchObject({ code: 'RIG_BAD_REPLY' });
    expect(farm.rigs[1]?.webConf()).toEqual(before);
  });
});
