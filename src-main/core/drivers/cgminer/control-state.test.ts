import { describe, expect, it } from 'vitest';
import { S19_PRO_STATS } from './fixtures/antminer.js';
import { S19_SLEEPING_STATS, T17_SLEEPING_STATS_CHAIN } from './fixtures/antminer-web.js';
import { snapshotFromReplies } from './snapshot.js';

const read = (stats: object) =>
  snapshotFromReplies({ summary: null, stats: stats as never, pools: null, devs: null }, 'Antminer S19', 0);

describe('control state read back from Antminer stats', () => {
  it('says a hashing S19 Pro is not paused and reports its average chain clock', () => {
    const control = read(S19_PRO_STATS).control;
    expect(control).toEqual({ powerTargetW: null, frequencyMhz: 525, voltageMv: null, threads: null, paused: false });
  });

  it('cannot tell a sleeping S19 from a broken one: zero rate, every chip failed, paused unknown', () => {
    const snapshot = read(S19_SLEEPING_STATS);
    expect(snapshot.hashrateThs).toBe(0);
    expect(snapshot.boards.map((board) => [board.index, board.status, board.chipsOk])).toEqual([
      [1, 'dead', 0],
      [2, 'dead', 0],
    ]);
    expect(snapshot.control.paused).toBeNull();
  });

  it('reads "Mode":254 as asleep, as a sleeping T17+ reports it', () => {
    const stats = { STATUS: S19_SLEEPING_STATS.STATUS, STATS: [S19_SLEEPING_STATS.STATS[0], T17_SLEEPING_STATS_CHAIN] };
    expect(read(stats).control.paused).toBe(true);
  });

  it('does not call the boards of a rig known to be asleep dead: they are off on purpose', () => {
    const [, chain] = S19_SLEEPING_STATS.STATS;
    const stats = { ...S19_SLEEPING_STATS, STATS: [S19_SLEEPING_STATS.STATS[0], { ...chain, Mode: 254 }] };
    const snapshot = read(stats);
    expect(snapshot.control.paused).toBe(true);
    expect(snapshot.boards.map((board) => board.status)).toEqual(['ok', 'ok']);
    expect(snapshot.hashrateThs).toBe(0);
  });
});
