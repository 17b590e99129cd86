import { describe, expect, it } from 'vitest';
import { parseCgminerReply, splitMultiReply, type JsonObject } from '../cgminer/parse.js';
import { M20S_DEVS, M20S_POOLS, M20S_SUMMARY_TEXT } from './fixtures/m20s.js';
import { M30S_PLUS_MULTI } from './fixtures/m30s-plus.js';
import { snapshotFromReplies } from './snapshot.js';

function m20sSummary(): JsonObject {
  const parsed = parseCgminerReply(M20S_SUMMARY_TEXT);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

describe('snapshotFromReplies on a real Whatsminer M20S (firmware 20200917.22.REL)', () => {
  const snapshot = snapshotFromReplies(
    { summary: m20sSummary(), devs: M20S_DEVS, pools: M20S_POOLS, psu: null },
    'Whatsminer M20S V20',
    1000,
  );

  it('takes the 1-minute rate as the rig rate and the average as the average, in TH/s', () => {
    expect(snapshot.hashrateThs).toBeCloseTo(67.26644769, 6);
    expect(snapshot.hashrateAvgThs).toBeCloseTo(68.71059719, 6);
  });

  it('reports the measured wall power, not an estimate, and the efficiency from it', () => {
    expect(snapshot.powerW).toBe(3491);
    expect(snapshot.powerIsEstimate).toBe(false);
    expect(snapshot.efficiencyJPerTh).toBeCloseTo(3491 / 67.26644769, 6);
  });

  it('reads the three hashboards with hottest chip, board sensor, clock and chip count', () => {
    expect(snapshot.boards.map((board) => board.index)).toEqual([0, 1, 2]);
    expect(snapshot.boards.map((board) => board.chipTempC)).toEqual([87.7, 84.5, 87.2]);
    expect(snapshot.boards.map((board) => board.boardTempC)).toEqual([71.5, 68.5, 72]);
    expect(snapshot.boards.map((board) => board.frequencyMhz)).toEqual([617, 632, 619]);
    expect(snapshot.boards.map((board) => board.hardwareErrors)).toEqual([324, 277, 311]);
    expect(snapshot.boards[1]?.hashrateThs).toBeCloseTo(23.47092744, 6);
    expect(snapshot.boards.every((board) => board.chipsOk === 111 && board.chipsTotal === 111)).toBe(true);
    expect(snapshot.boards.every((board) => board.status === 'ok')).toBe(true);
    expect(snapshot.maxChipTempC).toBe(87.7);
    expect(snapshot.maxBoardTempC).toBe(72);
  });

  it('reads intake and exhaust fans and the spinning PSU fan', () => {
    expect(snapshot.fans).toEqual([
      { index: 0, rpm: 4950 },
      { index: 1, rpm: 4920 },
      { index: 2, rpm: 8880 },
    ]);
  });

  it('reads the pools with the real worker names and the active one', () => {
    expect(snapshot.pools.map((pool) => [pool.index, pool.user, pool.active])).toEqual([
      [0, '002m20s', true],
      [1, 'xxxx.yyyy', false],
    ]);
    expect(snapshot.pools[0]?.url).toBe('stratum+tcp://us-east.stratum.slushpool.com:3333');
  });

  it('reads the power limit and target clock back as the control state', () => {
    expect(snapshot.control).toEqual({
      powerTargetW: 3500,
      frequencyMhz: 622,
      voltageMv: null,
      threads: null,
      paused: null,
    });
  });

  it('reads uptime and share counters from summary', () => {
    expect([snapshot.uptimeS, snapshot.accepted, snapshot.rejected, snapshot.hardwareErrors]).toEqual([
      66295, 5018, 29, 912,
    ]);
  });

  it('reports no chip total for a model it has no chip count for', () => {
    const unknown = snapshotFromReplies(
      { summary: null, devs: M20S_DEVS, pools: null, psu: null },
      'Whatsminer M99',
      0,
    );
    expect(unknown.boards[0]?.chipsTotal).toBeNull();
    expect(unknown.boards[0]?.status).toBe('ok');
  });
});

describe('snapshotFromReplies on a real newer-firmware M30S+ multi-command reply', () => {
  const parts = splitMultiReply(M30S_PLUS_MULTI, ['summary', 'edevs', 'pools']);
  const valueOf = (name: string): JsonObject | null => {
    const part = parts.get(name);
    return part?.ok ? part.value : null;
  };
  const snapshot = snapshotFromReplies(
    { summary: valueOf('summary'), devs: valueOf('edevs'), pools: valueOf('pools'), psu: null },
    'Whatsminer M30S+ V10',
    0,
  );

  it('reads the edevs reply, whose section is still called DEVS', () => {
    expect(snapshot.boards).toHaveLength(3);
    expect(snapshot.boards.map((board) => board.frequencyMhz)).toEqual([414, 444, 455]);
    expect(snapshot.boards.every((board) => board.chipsOk === 215 && board.chipsTotal === 215)).toBe(true);
  });

  it('indexes the pools from 0 although this firmware numbers them from 1', () => {
    expect(snapshot.pools.map((pool) => [pool.index, pool.url, pool.active])).toEqual([
      [0, 'stratum+tcp://btc.luxor.tech:700', true],
    ]);
  });

  it('reads rate, power, limit and temperatures', () => {
    expect(snapshot.hashrateThs).toBeCloseTo(97.87872592, 6);
    expect(snapshot.powerW).toBe(3496);
    expect(snapshot.control.powerTargetW).toBe(3600);
    expect(snapshot.control.frequencyMhz).toBe(437);
    expect(snapshot.maxChipTempC).toBe(94.95);
    expect(snapshot.maxBoardTempC).toBe(80);
  });
});

describe('snapshotFromReplies on damaged or partial replies', () => {
  const [first, second, third] = M20S_DEVS.DEVS;

  it('marks a board that lost chips degraded and a dead or silent one dead', () => {
    const devs = {
      ...M20S_DEVS,
      DEVS: [
        { ...first, 'Effective Chips': 104 },
        { ...second, Status: 'Dead', 'MHS 1m': 0, 'MHS 5s': 0 },
        { ...third, 'MHS 1m': 0 },
      ],
    };
    const boards = snapshotFromReplies(
      { summary: null, devs, pools: null, psu: null },
      'Whatsminer M20S V20',
      0,
    ).boards;
    expect(boards.map((board) => board.status)).toEqual(['degraded', 'dead', 'dead']);
  });

  it('takes the power from get_psu when summary reports -1, and sums the boards when summary is missing', () => {
    const summary = { SUMMARY: [{ Power: -1, 'Fan Speed In': 3000 }] };
    const psu = { STATUS: 'S', Code: 131, Msg: { pin: '3310', fan_speed: '0' } };
    const snapshot = snapshotFromReplies({ summary, devs: M20S_DEVS, pools: null, psu }, 'x', 0);
    expect(snapshot.powerW).toBe(3310);
    expect(snapshot.hashrateThs).toBeCloseTo(22.07966563 + 23.47092744 + 21.71030501, 6);
    expect(snapshot.fans).toEqual([
      { index: 0, rpm: 3000 },
      { index: 1, rpm: 4920 },
    ]);
  });

  it('shows no power, limit or clock at all rather than invented ones when nothing reports them', () => {
    const snapshot = snapshotFromReplies({ summary: null, devs: null, pools: null, psu: null }, 'x', 0);
    expect([snapshot.powerW, snapshot.hashrateThs, snapshot.efficiencyJPerTh]).toEqual([null, null, null]);
    expect(snapshot.control.powerTargetW).toBeNull();
    expect(snapshot.boards).toEqual([]);
  });

  it('treats a power limit of 0 as no limit', () => {
    const snapshot = snapshotFromReplies(
      { summary: { SUMMARY: [{ 'Power Limit': 0 }] }, devs: null, pools: null, psu: null },
      'x',
      0,
    );
    expect(snapshot.control.powerTargetW).toBeNull();
  });
});
