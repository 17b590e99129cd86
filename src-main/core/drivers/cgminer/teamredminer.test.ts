import { describe, expect, it } from 'vitest';
import { TRM_0_3_10_DEVS, TRM_0_3_10_POOLS_RAW, TRM_0_3_8_DEVS_120S_FIRST_GPU } from './fixtures/teamredminer.js';
import { parseCgminerReply } from './parse.js';
import { snapshotFromReplies } from './snapshot.js';
import { teamRedMinerIdentity, teamRedMinerVersion } from './teamredminer.js';

// No TeamRedMiner `version` reply was captured; its STATUS carries the same Description as every other reply (the
// captured devs and pools both say "TeamRedMiner 0.3.10"), which is all identification relies on.
const VERSION_STATUS_ONLY = { STATUS: TRM_0_3_10_DEVS.STATUS, id: 1 };

describe('TeamRedMiner identification', () => {
  it('finds the version in the STATUS Description of a real reply', () => {
    expect(teamRedMinerVersion(TRM_0_3_10_DEVS)).toBe('0.3.10');
    expect(teamRedMinerVersion(TRM_0_3_8_DEVS_120S_FIRST_GPU)).toBe('0.3.8');
  });

  it('does not take an Antminer or sgminer reply for TeamRedMiner', () => {
    expect(teamRedMinerVersion({ STATUS: [{ STATUS: 'S', Description: 'cgminer 1.0.0' }] })).toBeNull();
    expect(teamRedMinerVersion({ STATUS: [{ STATUS: 'S', Description: 'sgminer 4.1.0' }] })).toBeNull();
    expect(teamRedMinerVersion({ STATUS: 'S' })).toBeNull();
  });

  it('names the rig after the miner and its GPU count, made by AMD, with no MAC or serial', () => {
    expect(teamRedMinerIdentity('127.0.24.50', 4028, VERSION_STATUS_ONLY, TRM_0_3_10_DEVS)).toEqual({
      host: '127.0.24.50',
      port: 4028,
      family: 'cgminer',
      make: 'AMD',
      model: 'TeamRedMiner 0.3.10 (1× GPU)',
      firmware: 'TeamRedMiner 0.3.10',
      apiVersion: null,
      mac: null,
      serial: null,
    });
  });

  it('still identifies the rig when the devs reply could not be read', () => {
    expect(teamRedMinerIdentity('127.0.24.50', 4028, VERSION_STATUS_ONLY, null)?.model).toBe('TeamRedMiner 0.3.10');
  });
});

describe('snapshotFromReplies on real TeamRedMiner devs and pools', () => {
  const pools = parseCgminerReply(TRM_0_3_10_POOLS_RAW);
  const snapshot = snapshotFromReplies(
    { summary: null, stats: null, pools: pools.ok ? pools.value : null, devs: TRM_0_3_10_DEVS },
    'TeamRedMiner 0.3.10 (1× GPU)',
    0,
  );

  it('reads one board per GPU with its 30 s rate in TH/s, temperature, fan percent and core clock', () => {
    expect(snapshot.boards).toHaveLength(1);
    const [gpu] = snapshot.boards;
    expect(gpu?.hashrateThs).toBeCloseTo(1.794e-6, 12);
    expect(gpu).toMatchObject({ index: 0, chipTempC: 69, fanPercent: 47, frequencyMhz: 1187, status: 'ok' });
    expect(gpu?.powerW).toBeNull();
  });

  it('reads each GPU fan rpm and the average GPU voltage in millivolts', () => {
    expect(snapshot.fans).toEqual([{ index: 0, rpm: 2106 }]);
    expect(snapshot.control.voltageMv).toBe(1081);
    expect(snapshot.control.frequencyMhz).toBe(1187);
  });

  it('reads the pool URL despite its JSON-escaped slashes', () => {
    expect(snapshot.pools).toEqual([
      {
        index: 0,
        url: 'stratum+tcp://lux.pickaxe.pro:8332',
        user: 'LhreQGewLdoGFiqq882Am6i644Qc1h28Wh',
        status: 'alive',
        priority: 0,
        accepted: 9,
        rejected: 0,
        active: true,
      },
    ]);
  });

  it('reports no power and no estimate: GPU rigs have no nominal efficiency', () => {
    expect(snapshot.powerW).toBeNull();
    expect(snapshot.powerIsEstimate).toBe(false);
  });

  it('takes the window the miner was started with ("MHS 120s" under --log_interval=120)', () => {
    const other = snapshotFromReplies(
      { summary: null, stats: null, pools: null, devs: TRM_0_3_8_DEVS_120S_FIRST_GPU },
      'TeamRedMiner 0.3.8 (6× GPU)',
      0,
    );
    expect(other.boards[0]?.hashrateThs).toBeCloseTo(2.107e-9, 15);
  });

  it('marks a GPU the miner reports dead as dead', () => {
    const [row] = TRM_0_3_10_DEVS.DEVS;
    const dead = { ...TRM_0_3_10_DEVS, DEVS: [{ ...row, Status: 'Dead', 'MHS 30s': 0, 'KHS 30s': 0 }] };
    const boards = snapshotFromReplies({ summary: null, stats: null, pools: null, devs: dead }, 'x', 0).boards;
    expect(boards[0]?.status).toBe('dead');
  });
});
