import { describe, expect, it } from 'vitest';
import { RigSnapshotSchema } from '../../../../src-shared/model/rig.js';
import {
  BOSER_FANS,
  BOSMINER_PLUS_FANS,
  BOSMINER_PLUS_POOLS,
  BOSMINER_PLUS_SUMMARY,
  DOCS_DEVDETAILS,
  DOCS_TEMPS,
  DOCS_TUNERSTATUS,
  FOREMAN_S9_DEVS,
  FOREMAN_S9_TEMPS,
} from './fixtures/bos-replies.js';
import type { ReadCommand, SectionOutcome } from './parse.js';
import { parseSection } from './parse.js';
import type { BosReplies } from './read.js';
import { snapshotFromBosReplies } from './snapshot.js';

type Replies = Partial<Record<ReadCommand, object | SectionOutcome>>;

function replies(parts: Replies): BosReplies {
  const map: BosReplies = new Map();
  for (const [command, value] of Object.entries(parts) as Array<[ReadCommand, object | SectionOutcome]>) {
    map.set(command, 'kind' in value ? value : parseSection(JSON.stringify(value)));
  }
  return map;
}

// Real S9 replies from three BOSminer+ 0.2.0 units and one 0.4.0 (sources in fixtures/bos-replies.ts); all number
// their chains 6, 7, 8.
const S9 = {
  summary: BOSMINER_PLUS_SUMMARY,
  pools: BOSMINER_PLUS_POOLS,
  devs: FOREMAN_S9_DEVS,
  devdetails: DOCS_DEVDETAILS,
  temps: DOCS_TEMPS,
  fans: BOSMINER_PLUS_FANS,
  tunerstatus: DOCS_TUNERSTATUS,
};

describe('snapshotFromBosReplies on real Antminer S9 replies', () => {
  const snapshot = snapshotFromBosReplies(replies(S9), 'Antminer S9', 1000);

  it('reads the rig hashrate from the 1-minute MH/s window, as pyasic does', () => {
    expect(snapshot.hashrateThs).toBeCloseTo(13.967277, 6);
    expect(snapshot.hashrateAvgThs).toBeCloseTo(11.9883, 4);
    expect(snapshot.uptimeS).toBe(3680);
    expect(snapshot.accepted).toBe(153);
    expect(snapshot.hardwareErrors).toBe(186);
  });

  it('takes power and the power target from tunerstatus, as reported rather than estimated', () => {
    expect(snapshot.powerW).toBe(1419);
    expect(snapshot.powerIsEstimate).toBe(false);
    expect(snapshot.control.powerTargetW).toBe(1420);
    expect(snapshot.efficiencyJPerTh).toBeCloseTo(1419 / 13.967277, 3);
  });

  it('numbers hash chains 6, 7, 8 as boards 0, 1, 2 and joins devs, devdetails, temps and tuner power by chain', () => {
    expect(snapshot.boards.map((board) => board.index)).toEqual([0, 1, 2]);
    expect(snapshot.boards.map((board) => board.chipTempC)).toEqual([104.625, 108.9375, 105.4375]);
    expect(snapshot.boards.map((board) => board.boardTempC)).toEqual([81.875, 85.875, 84.4375]);
    expect(snapshot.boards.map((board) => board.hashrateThs)).toEqual([
      expect.closeTo(3.591738, 5),
      expect.closeTo(3.752083, 5),
      expect.closeTo(3.623807, 5),
    ]);
    expect(snapshot.boards.map((board) => board.powerW)).toEqual([448, 448, 448]);
    expect(snapshot.boards.map((board) => board.hardwareErrors)).toEqual([0, 0, 1]);
    expect(snapshot.boards.every((board) => board.status === 'ok' && board.chipsOk === 63)).toBe(true);
    expect(snapshot.maxChipTempC).toBe(108.9375);
  });

  it('reads devdetails Frequency given in Hz as MHz, and Voltage in volts as millivolts', () => {
    expect(snapshot.boards[0]?.frequencyMhz).toBeCloseTo(799.682118, 6);
    expect(snapshot.control.frequencyMhz).toBeCloseTo((799.682118 + 809.812285 + 770.406487) / 3, 5);
    expect(snapshot.control.voltageMv).toBe(
      Math.round(((8.416799545288086 + 8.36398983001709 + 8.575228691101074) / 3) * 1000),
    );
    expect(snapshot.control.paused).toBe(false);
  });

  it('keeps the two fitted S9 fans and drops the two empty fan slots', () => {
    expect(snapshot.fans).toEqual([
      { index: 0, rpm: 2820 },
      { index: 1, rpm: 3780 },
    ]);
  });

  it('reads the three pools with the first one active', () => {
    expect(snapshot.pools.map((pool) => [pool.url, pool.user, pool.active])).toEqual([
      ['stratum+tcp://stratum.antpool.com:3333', 'antminer_1', true],
      ['stratum+tcp://stratum.antpool.com:443', 'antminer_1', false],
      ['stratum+tcp://stratum.antpool.com:25', 'antminer_1', false],
    ]);
  });

  it('produces a snapshot the contract schema accepts', () => {
    expect(RigSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });
});

describe('snapshotFromBosReplies quirks', () => {
  it('treats a chip temperature of 0.0 as not reported (BOSminer+ 0.2.0 on an S9 without chip sensors)', () => {
    const snapshot = snapshotFromBosReplies(replies({ ...S9, temps: FOREMAN_S9_TEMPS }), 'Antminer S9', 0);
    expect(snapshot.boards.map((board) => board.chipTempC)).toEqual([null, null, null]);
    expect(snapshot.boards.map((board) => board.boardTempC)).toEqual([75, 63, 70]);
    expect(snapshot.maxChipTempC).toBeNull();
  });

  it('reports a paused rig, with its boards not called dead, when devdetails answers "Unavailable"', () => {
    const unavailable = {
      STATUS: [{ STATUS: 'E', When: 1, Code: 0, Msg: 'Unavailable', Description: 'BOSer' }],
      id: 1,
    };
    const snapshot = snapshotFromBosReplies(replies({ ...S9, devdetails: unavailable }), 'Antminer S9', 0);
    expect(snapshot.control.paused).toBe(true);
    expect(snapshot.boards.every((board) => board.status === 'ok')).toBe(true);
  });

  it('estimates power from the nominal J/TH when the firmware has no tuner (open-source BOSminer)', () => {
    const { tunerstatus: _omitted, ...withoutTuner } = S9;
    const snapshot = snapshotFromBosReplies(replies(withoutTuner), 'Antminer S9', 0);
    expect(snapshot.powerIsEstimate).toBe(true);
    expect(snapshot.powerW).toBeCloseTo(13.967277 * 98, 3);
    expect(snapshot.control.powerTargetW).toBeNull();
  });

  it('marks a board with fewer chips than the model has as degraded, and one that stopped hashing as dead', () => {
    const devdetails = structuredClone(DOCS_DEVDETAILS);
    const devs = structuredClone(FOREMAN_S9_DEVS);
    if (devdetails.DEVDETAILS[1]) devdetails.DEVDETAILS[1].Chips = 57;
    if (devs.DEVS[2]) devs.DEVS[2]['MHS 1m'] = 0;
    const snapshot = snapshotFromBosReplies(replies({ ...S9, devs, devdetails }), 'Antminer S9', 0);
    expect(snapshot.boards.map((board) => board.status)).toEqual(['ok', 'degraded', 'dead']);
    expect(snapshot.boards[1]).toMatchObject({ chipsOk: 57, chipsTotal: 63 });
  });

  it('keeps all four fans of an S19-class rig on BOSer', () => {
    const snapshot = snapshotFromBosReplies(replies({ ...S9, fans: BOSER_FANS }), 'Antminer S19j Pro', 0);
    expect(snapshot.fans.map((fan) => fan.rpm)).toEqual([3226, 3315, 3226, 3255]);
  });

  it('reads devdetails Frequency already in MHz as MHz', () => {
    const devdetails = structuredClone(DOCS_DEVDETAILS);
    for (const row of devdetails.DEVDETAILS) row.Frequency = 650;
    const snapshot = snapshotFromBosReplies(replies({ ...S9, devdetails }), 'Antminer S9', 0);
    expect(snapshot.control.frequencyMhz).toBe(650);
  });

  it('fills what it can from a summary alone and leaves the rest null or empty', () => {
    const snapshot = snapshotFromBosReplies(replies({ summary: BOSMINER_PLUS_SUMMARY }), 'Antminer S9', 0);
    expect(snapshot.boards).toEqual([]);
    expect(snapshot.fans).toEqual([]);
    expect(snapshot.pools).toEqual([]);
    expect(snapshot.control).toEqual({
      powerTargetW: null,
      frequencyMhz: null,
      voltageMv: null,
      threads: null,
      paused: null,
    });
  });
});
