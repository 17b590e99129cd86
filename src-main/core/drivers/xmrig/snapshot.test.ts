import { describe, expect, it } from 'vitest';
import { BACKENDS_6_17, CONFIG_6_17, SUMMARY_6_17 } from './fixtures/xmrig.js';
import { snapshotFromReplies } from './snapshot.js';

describe('snapshotFromReplies on the XMRig 6.17 documentation replies', () => {
  const snapshot = snapshotFromReplies({ summary: SUMMARY_6_17, backends: BACKENDS_6_17, config: null }, 1000);

  it('reads hashrate.total[0] in H/s as TH/s and the 60 s window as the average while 15 min has no data', () => {
    expect(snapshot.hashrateThs).toBeCloseTo(1207.19e-12, 20);
    expect(snapshot.hashrateAvgThs).toBeCloseTo(1210.82e-12, 20);
  });

  it('makes the CPU backend one board and the CUDA GPU another, with the GPU health', () => {
    expect(snapshot.boards).toHaveLength(2);
    expect(snapshot.boards[0]).toMatchObject({ index: 0, powerW: null, chipTempC: null, status: 'ok' });
    expect(snapshot.boards[0]?.hashrateThs).toBeCloseTo(1235.78e-12, 20);
    expect(snapshot.boards[1]).toMatchObject({
      index: 1,
      chipTempC: 69,
      powerW: 161,
      fanPercent: 100,
      frequencyMhz: 1328,
      status: 'ok',
    });
    expect(snapshot.maxChipTempC).toBe(69);
  });

  it('reports no rig power while the CPU, whose power XMRig never reports, is mining', () => {
    expect(snapshot.powerW).toBeNull();
    expect(snapshot.efficiencyJPerTh).toBeNull();
  });

  it('reads good and total shares, uptime, thread count and the paused flag', () => {
    expect(snapshot.accepted).toBe(3);
    expect(snapshot.rejected).toBe(0);
    expect(snapshot.uptimeS).toBe(106);
    expect(snapshot.control).toEqual({
      powerTargetW: null,
      frequencyMhz: null,
      voltageMv: null,
      threads: 3,
      paused: false,
    });
  });

  it('shows the live connection as the one pool when it has no config, TLS included', () => {
    expect(snapshot.pools).toEqual([
      {
        index: 0,
        url: 'stratum+ssl://some.pool:20064',
        user: '',
        status: 'alive',
        priority: null,
        accepted: 3,
        rejected: 0,
        active: true,
      },
    ]);
  });

  it('lists the configured pools from the config and marks none active when the connection is elsewhere', () => {
    const withConfig = snapshotFromReplies({ summary: SUMMARY_6_17, backends: null, config: CONFIG_6_17 }, 0);
    expect(withConfig.pools).toEqual([
      expect.objectContaining({ url: 'stratum+tcp://some.pool:10064', status: 'unknown', active: false }),
    ]);
    const connected = { ...SUMMARY_6_17, connection: { ...SUMMARY_6_17.connection, pool: 'some.pool:10064' } };
    const live = snapshotFromReplies({ summary: connected, backends: null, config: CONFIG_6_17 }, 0);
    expect(live.pools[0]).toMatchObject({ active: true, status: 'alive', accepted: 3 });
  });
});

describe('snapshotFromReplies on GPU rigs and odd replies', () => {
  const openclGpu = (index: number, rate: number, health: object) => ({
    index,
    hashrate: [rate, rate, null],
    name: 'gfx1030',
    health,
  });

  it('groups OpenCL threads by GPU, sums their rates and sums GPU power when the CPU is off', () => {
    const backends = [
      { type: 'cpu', enabled: false, threads: [] },
      {
        type: 'opencl',
        enabled: true,
        hashrate: [300, 300, null],
        threads: [
          openclGpu(0, 100, { temperature: 60, power: 150, clock: 2100, mem_clock: 1000, rpm: 1500 }),
          openclGpu(0, 100, { temperature: 60, power: 150, clock: 2100, mem_clock: 1000, rpm: 1500 }),
          openclGpu(1, 100, { temperature: 70, power: 140, clock: 2000, mem_clock: 1000, rpm: 1700 }),
        ],
      },
    ];
    const snapshot = snapshotFromReplies({ summary: SUMMARY_6_17, backends, config: null }, 0);
    expect(snapshot.boards.map((board) => board.hashrateThs)).toEqual([200e-12, 100e-12]);
    expect(snapshot.fans).toEqual([
      { index: 0, rpm: 1500 },
      { index: 1, rpm: 1700 },
    ]);
    expect(snapshot.powerW).toBe(290);
    expect(snapshot.control.threads).toBeNull();
  });

  it('marks a GPU that hashes nothing dead, but not while the miner is paused', () => {
    const backends = [{ type: 'cuda', enabled: true, threads: [{ index: 0, hashrate: [0, 0, null], health: {} }] }];
    expect(snapshotFromReplies({ summary: SUMMARY_6_17, backends, config: null }, 0).boards[0]?.status).toBe('dead');
    const paused = { ...SUMMARY_6_17, paused: true };
    expect(snapshotFromReplies({ summary: paused, backends, config: null }, 0).boards[0]?.status).toBe('ok');
  });

  it('falls back to one board from the summary when there are no backends (API v1)', () => {
    const snapshot = snapshotFromReplies({ summary: SUMMARY_6_17, backends: null, config: null }, 0);
    expect(snapshot.boards).toHaveLength(1);
    expect(snapshot.boards[0]?.hashrateThs).toBeCloseTo(1207.19e-12, 20);
  });

  it('reads null hashrate windows as no reading rather than zero', () => {
    const starting = { ...SUMMARY_6_17, hashrate: { total: [null, null, null], highest: null } };
    const snapshot = snapshotFromReplies({ summary: starting, backends: null, config: null }, 0);
    expect(snapshot.hashrateThs).toBeNull();
    expect(snapshot.boards[0]?.status).toBe('ok');
  });
});
