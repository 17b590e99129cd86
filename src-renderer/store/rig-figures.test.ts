import { describe, expect, it } from 'vitest';
import { makeRig, makeSnapshot } from '../test-support/rig-fixtures.js';
import { activePool, liveSnapshot, poolHostOf, rigEfficiencyJPerTh, slowestFanRpm } from './rig-figures.js';

describe('rig figures', () => {
  it('shows no live figures for a rig that is down, even though it keeps its last snapshot', () => {
    expect(liveSnapshot(makeRig('127.0.9.1', { status: 'down' }))).toBeNull();
    expect(liveSnapshot(makeRig('127.0.9.1'))).not.toBeNull();
  });

  it('computes efficiency from power and hashrate when the firmware does not report it', () => {
    expect(rigEfficiencyJPerTh(makeSnapshot({ powerW: 3000, hashrateThs: 100, efficiencyJPerTh: null }))).toBe(30);
    expect(rigEfficiencyJPerTh(makeSnapshot({ efficiencyJPerTh: 21.5 }))).toBe(21.5);
  });

  it('reports the slowest fan, or null without fans', () => {
    expect(slowestFanRpm(makeSnapshot())).toBe(5800);
    expect(slowestFanRpm(makeSnapshot({ fans: [] }))).toBeNull();
  });

  it('finds the active pool', () => {
    expect(activePool(makeSnapshot())?.url).toBe('stratum+tcp://pool.example.com:3333');
    expect(activePool(makeSnapshot({ pools: [] }))).toBeNull();
  });

  it('strips the scheme from a pool URL', () => {
    expect(poolHostOf('stratum+tcp://btc.pool.example:3333')).toBe('btc.pool.example:3333');
  });
});
