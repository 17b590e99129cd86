import { describe, expect, it } from 'vitest';
import {
  TREX_0_19_5_SUMMARY,
  TREX_0_24_6_SUMMARY,
  TREX_0_9_1_SUMMARY,
  TREX_LOGIN_OK,
  TREX_UNAUTHORIZED,
} from './fixtures.js';
import { isTrexSummary, trexIdentity, trexRefusal, trexSnapshot } from './summary.js';

describe('trexSnapshot on real T-Rex replies', () => {
  it('reads the 0.9.1 rig and GPU rate as H/s converted to TH/s', () => {
    const snapshot = trexSnapshot(TREX_0_9_1_SUMMARY, 1000);
    expect(snapshot.hashrateThs).toBeCloseTo(7748158e-12, 20);
    expect(snapshot.boards).toHaveLength(1);
    expect(snapshot.boards[0]).toMatchObject({ index: 0, chipTempC: 68, powerW: null, fanPercent: null });
    expect(snapshot.uptimeS).toBe(56);
    expect(snapshot.accepted).toBe(1);
  });

  it('lists the active pool with its URL and worker', () => {
    const [pool] = trexSnapshot(TREX_0_9_1_SUMMARY, 0).pools;
    expect(pool).toMatchObject({
      url: 'stratum+tcp://pool.minermore.com:4501',
      user: '1MKrTujwHxda6knL8hHrPMi7Git4upX56E',
      active: true,
    });
  });

  it('reads per-GPU power and fan of 0.19.5 and sums the rig power as measured', () => {
    const snapshot = trexSnapshot(TREX_0_19_5_SUMMARY, 0);
    expect(snapshot.boards[0]).toMatchObject({ powerW: 237, fanPercent: 54, chipTempC: 65 });
    expect(snapshot.powerW).toBe(237);
    expect(snapshot.powerIsEstimate).toBe(false);
    expect(snapshot.rejected).toBe(3);
  });

  it('reads the pause state and core clock 0.24.6 reports', () => {
    const snapshot = trexSnapshot(TREX_0_24_6_SUMMARY, 0);
    expect(snapshot.control.paused).toBe(false);
    expect(snapshot.control.frequencyMhz).toBe(1765);
    expect(trexSnapshot({ ...TREX_0_24_6_SUMMARY, paused: true }, 0).control.paused).toBe(true);
    expect(trexSnapshot(TREX_0_9_1_SUMMARY, 0).control.paused).toBeNull();
  });

  it('averages over the minute while hashrate_hour still reads 0', () => {
    expect(trexSnapshot(TREX_0_9_1_SUMMARY, 0).hashrateAvgThs).toBeCloseTo(7748158e-12, 20);
  });
});

describe('trexIdentity', () => {
  it('identifies T-Rex with its version, API version and GPU names', () => {
    expect(trexIdentity('127.0.22.1', 4067, TREX_0_19_5_SUMMARY)).toMatchObject({
      family: 'trex',
      make: 'NVIDIA',
      model: '1× RTX 3080',
      firmware: 'T-Rex 0.19.5',
      apiVersion: '3.3',
    });
  });

  it('does not take a reply without T-Rex name or description', () => {
    expect(isTrexSummary({ name: 'nbminer', gpus: [] })).toBe(false);
    expect(trexIdentity('127.0.22.1', 4067, { version: '0.9.1', gpus: [] })).toBeNull();
  });
});

describe('trexRefusal', () => {
  it('turns T-Rex "unauthorized request" into UNAUTHORIZED', () => {
    expect(trexRefusal(TREX_UNAUTHORIZED)?.code).toBe('UNAUTHORIZED');
  });

  it('turns any other refusal into RIG_ERROR and leaves success replies alone', () => {
    expect(trexRefusal({ success: 0, error: 'invalid pool url' })?.code).toBe('RIG_ERROR');
    expect(trexRefusal(TREX_LOGIN_OK)).toBeNull();
    expect(trexRefusal(TREX_0_9_1_SUMMARY)).toBeNull();
  });
});
