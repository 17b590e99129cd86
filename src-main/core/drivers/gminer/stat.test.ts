import { describe, expect, it } from 'vitest';
import { GMINER_1_34_STAT, GMINER_HIVEOS_SAMPLE_STAT } from './fixtures.js';
import { gminerIdentity, gminerSnapshot, isGminerStat } from './stat.js';

describe('gminerSnapshot on real GMiner replies', () => {
  it('reads 1.34 Sol/s as H/s and adds up the devices for the rig rate', () => {
    const snapshot = gminerSnapshot(GMINER_1_34_STAT, 0);
    expect(snapshot.hashrateThs).toBeCloseTo(1.2e-12, 20);
    expect(snapshot.boards[0]).toMatchObject({ chipTempC: 54, powerW: 32 });
    expect(snapshot.powerW).toBe(32);
    expect(snapshot.uptimeS).toBe(88);
  });

  it('lists the pool from "server" and "user"', () => {
    expect(gminerSnapshot(GMINER_1_34_STAT, 0).pools[0]).toMatchObject({
      url: 'stratum+ssl://beam.sparkpool.com:2222',
      active: true,
    });
  });

  it('reads H/s when there is no speedUnit, sums device shares, and keeps 0 W as not reported', () => {
    const snapshot = gminerSnapshot(GMINER_HIVEOS_SAMPLE_STAT, 0);
    expect(snapshot.hashrateThs).toBeCloseTo(36e-12, 20);
    expect(snapshot.accepted).toBe(4);
    expect(snapshot.powerW).toBeNull();
  });

  it('gives no rate rather than a wrong one for a unit it does not know', () => {
    expect(gminerSnapshot({ ...GMINER_1_34_STAT, speedUnit: 'bogo/s' }, 0).hashrateThs).toBeNull();
  });
});

describe('gminerIdentity', () => {
  it('identifies GMiner by its "miner" string', () => {
    expect(gminerIdentity('127.0.22.1', 42010, GMINER_1_34_STAT)).toMatchObject({
      family: 'gminer',
      make: 'AMD',
      model: '1× ASUS Radeon RX 560 Series 4GB',
      firmware: 'GMiner 1.34',
    });
  });

  it('does not identify a reply that does not name GMiner', () => {
    expect(isGminerStat(GMINER_HIVEOS_SAMPLE_STAT)).toBe(false);
  });
});
