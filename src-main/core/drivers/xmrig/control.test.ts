import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { configWithThreads, profileForAlgo, rpcOutcome, xmrigCapabilities } from './control.js';
import { CONFIG_6_17 } from './fixtures/xmrig.js';
import { configWithPools, showPoolUrl, toXmrigPool } from './pools.js';

describe('xmrigCapabilities', () => {
  it('offers pools, CPU threads up to the logical CPUs and pause/resume, never restart, with an API token', () => {
    expect(xmrigCapabilities({ logicalCpus: 8, cpuMining: true })).toEqual({
      pools: { max: 3 },
      powerTargetW: null,
      frequencyMhz: null,
      voltageMv: null,
      threads: { min: 1, max: 8 },
      pauseResume: true,
      restart: false,
      needsCredential: 'apiToken',
    });
  });

  it('offers no thread count when the CPU is not mining or the CPU count is unknown', () => {
    expect(xmrigCapabilities({ logicalCpus: 8, cpuMining: false }).threads).toBeNull();
    expect(xmrigCapabilities(null).threads).toBeNull();
  });
});

describe('configWithThreads', () => {
  it('shortens a short-form profile and keeps the first affinities', () => {
    const next = configWithThreads(CONFIG_6_17, 'rx', 2) as typeof CONFIG_6_17;
    expect(next.cpu.rx).toEqual([0, 2]);
    expect(next.pools).toBe(CONFIG_6_17.pools);
  });

  it('lengthens a long-form profile with the first intensity and no affinity', () => {
    const next = configWithThreads(CONFIG_6_17, 'cn', 5) as typeof CONFIG_6_17;
    expect(next.cpu.cn).toEqual([
      [1, 0],
      [1, 2],
      [1, 4],
      [1, -1],
      [1, -1],
    ]);
  });

  it('follows a profile alias, sets the object form and refuses a disabled profile', () => {
    const aliased = configWithThreads(CONFIG_6_17, 'cn/0', 1) as typeof CONFIG_6_17;
    expect(aliased.cpu.cn).toEqual([[1, 0]]);
    const objectForm = {
      ...CONFIG_6_17,
      cpu: { ...CONFIG_6_17.cpu, 'cn-pico': { intensity: 2, threads: 8, affinity: -1 } },
    };
    expect((configWithThreads(objectForm, 'cn-pico', 4) as { cpu: Record<string, unknown> }).cpu['cn-pico']).toEqual({
      intensity: 2,
      threads: 4,
      affinity: -1,
    });
    expect((configWithThreads(CONFIG_6_17, 'cn-lite/0', 2) as RigwiseError).code).toBe('RIG_ERROR');
  });

  it('creates a missing profile as threads with no affinity', () => {
    const next = configWithThreads(CONFIG_6_17, 'ghostrider', 3) as { cpu: Record<string, unknown> };
    expect(next.cpu['ghostrider']).toEqual([-1, -1, -1]);
  });

  it('takes the algorithm family as the profile when the backends do not name one', () => {
    expect(profileForAlgo('rx/0')).toBe('rx');
    expect(profileForAlgo('kawpow')).toBe('kawpow');
    expect(profileForAlgo(null)).toBeNull();
  });
});

describe('XMRig pools', () => {
  it('writes host:port with a tls flag, keeping the first pool options, and reads them back as sent', () => {
    const next = configWithPools(CONFIG_6_17, [
      { url: 'stratum+tcp://a.pool.test:3333', user: 'wallet.a', password: 'x' },
      { url: 'stratum+ssl://b.pool.test:443', user: 'wallet.b', password: 'y' },
    ]) as typeof CONFIG_6_17;
    expect(next.pools).toHaveLength(2);
    expect(next.pools[0]).toMatchObject({
      url: 'a.pool.test:3333',
      tls: false,
      keepalive: true,
      enabled: true,
      pass: 'x',
    });
    expect(next.pools[1]).toMatchObject({ url: 'b.pool.test:443', tls: true, user: 'wallet.b' });
    expect(showPoolUrl(next.pools[1]?.url ?? '', true).url).toBe('stratum+ssl://b.pool.test:443');
    expect(next.http).toEqual(CONFIG_6_17.http);
  });

  it('refuses a URL without a port or with a transport XMRig is not given by Rigwise', () => {
    expect(toXmrigPool('stratum+tcp://pool.test')).toBeInstanceOf(RigwiseError);
    expect(toXmrigPool('daemon+http://node.test:18081')).toBeInstanceOf(RigwiseError);
  });
});

describe('rpcOutcome', () => {
  it('accepts a JSON-RPC result and turns an error into RIG_ERROR with its message', () => {
    expect(rpcOutcome({ result: { status: 'OK' }, jsonrpc: '2.0', id: 1 }, 'pause')).toBeNull();
    const refused = rpcOutcome({ error: { code: -32601, message: 'Method not found' }, id: 1 }, 'pause');
    expect(refused?.code).toBe('RIG_ERROR');
    expect(refused?.message).toContain('Method not found');
  });
});
