import { describe, expect, it } from 'vitest';
import { judgePoint } from './stability.js';
import { measured, point, target, vf } from './test-builders.fixture.js';

const RULES = { maxHashLoss: 0.015, maxChipTempC: 95 };

/** Three hashboards, each the given TH/s. */
function boards(...hashrates: number[]) {
  return hashrates.map((hashrateThs, index) => ({ index, hashrateThs, chipTempC: 70 }));
}

describe('judgePoint: hashrate lost to errors (clock and voltage)', () => {
  // Stock: 0.5 TH/s at 500 MHz, 1 GH/s per MHz.
  const stock = point(vf(500, 1200), { hashrateThs: 0.5, powerW: 15 });

  it('compares hashrate per MHz, so a lower clock with proportionally less hashrate is stable', () => {
    const verdict = judgePoint(
      vf(450, 1100),
      measured({ hashrateThs: 0.45, powerW: 12 }),
      stock,
      'frequency-voltage',
      RULES,
    );
    expect(verdict).toEqual({ stable: true, hashLossFraction: 0, instability: null });
  });

  it('calls a point unstable once it loses more than the allowed share per MHz', () => {
    const lossy = judgePoint(
      vf(450, 1050),
      measured({ hashrateThs: 0.44, powerW: 11 }),
      stock,
      'frequency-voltage',
      RULES,
    );
    expect(lossy.stable).toBe(false);
    expect(lossy.hashLossFraction).toBeCloseTo(1 - 0.44 / 0.45, 6);
    expect(lossy.instability).toBe('2.2% of the hashrate lost to errors');
    const slight = judgePoint(
      vf(450, 1080),
      measured({ hashrateThs: 0.445, powerW: 11.5 }),
      stock,
      'frequency-voltage',
      RULES,
    );
    expect(slight.stable).toBe(true);
    expect(slight.hashLossFraction).toBeCloseTo(1 - 0.445 / 0.45, 6);
  });

  it('takes the first point (no reference yet) as stable unless it runs too hot', () => {
    expect(
      judgePoint(vf(500, 1200), measured({ hashrateThs: 0.2, powerW: 15 }), null, 'frequency-voltage', RULES).stable,
    ).toBe(true);
  });
});

describe('judgePoint: one weak board', () => {
  const stock = point(vf(600, 1300), { hashrateThs: 90, powerW: 3000, boards: boards(30, 30, 30) });

  it('lets a single board lose up to twice the allowed share before it counts on its own', () => {
    // Board 1 loses 2.5%: the total loses 0.8%, and the board alone is under 3%.
    const weak = measured({ hashrateThs: 89.25, powerW: 2950, boards: boards(30, 29.25, 30) });
    expect(judgePoint(vf(600, 1280), weak, stock, 'frequency-voltage', RULES).stable).toBe(true);
  });

  it('calls it unstable when one board loses more than twice the share, though the total is still within it', () => {
    // Board 1 loses 4%: the total only 1.3%.
    const weaker = measured({ hashrateThs: 88.8, powerW: 2950, boards: boards(30, 28.8, 30) });
    const verdict = judgePoint(vf(600, 1270), weaker, stock, 'frequency-voltage', RULES);
    expect(verdict.stable).toBe(false);
    expect(verdict.instability).toBe('board 1 lost 4.0% of its hashrate');
  });

  it('catches a loss spread over every board through the total', () => {
    const spread = measured({ hashrateThs: 88.2, powerW: 2950, boards: boards(29.4, 29.4, 29.4) });
    const verdict = judgePoint(vf(600, 1270), spread, stock, 'frequency-voltage', RULES);
    expect(verdict.stable).toBe(false);
    expect(verdict.instability).toBe('2.0% of the hashrate lost to errors');
  });
});

describe('judgePoint: temperature and hardware errors', () => {
  const stock = point(vf(500, 1200), { hashrateThs: 0.5, powerW: 15, hwErrorsPerMin: 1 });

  it('calls a point unstable when its hottest chip went over the limit, however well it hashed', () => {
    const hot = measured({ hashrateThs: 0.5, powerW: 15, chipTempC: 93, peakChipTempC: 96 });
    const verdict = judgePoint(vf(500, 1200), hot, stock, 'frequency-voltage', RULES);
    expect(verdict.stable).toBe(false);
    expect(verdict.instability).toMatch(/^chips reached 96.*over the 95.*limit$/);
    expect(judgePoint(vf(500, 1200), hot, null, 'frequency-voltage', RULES).stable).toBe(false);
    const atLimit = measured({ hashrateThs: 0.5, powerW: 15, peakChipTempC: 95 });
    expect(judgePoint(vf(500, 1200), atLimit, stock, 'frequency-voltage', RULES).stable).toBe(true);
  });

  it('calls a point unstable when hardware errors rise past four times the reference rate', () => {
    const errors = (hwErrorsPerMin: number) =>
      judgePoint(
        vf(500, 1150),
        measured({ hashrateThs: 0.5, powerW: 14, hwErrorsPerMin }),
        stock,
        'frequency-voltage',
        RULES,
      );
    expect(errors(3.9).stable).toBe(true);
    expect(errors(4.5)).toMatchObject({ stable: false, instability: 'hardware errors rose from 1.0 to 4.5 a minute' });
  });

  it('allows two more errors a minute over a reference of none, and ignores a firmware that does not count them', () => {
    const clean = point(vf(500, 1200), { hashrateThs: 0.5, powerW: 15, hwErrorsPerMin: 0 });
    const errors = (hwErrorsPerMin: number | null) =>
      judgePoint(
        vf(500, 1150),
        measured({ hashrateThs: 0.5, powerW: 14, hwErrorsPerMin }),
        clean,
        'frequency-voltage',
        RULES,
      ).stable;
    expect(errors(1.5)).toBe(true);
    expect(errors(2.5)).toBe(false);
    expect(errors(null)).toBe(true);
  });
});

describe('judgePoint: a power-target device', () => {
  const stock = point(target(3000), { hashrateThs: 90, powerW: 3000, boards: boards(30, 30, 30) });

  it('judges each board by its share of the total, since the total follows the target', () => {
    const lower = measured({ hashrateThs: 60, powerW: 2000, boards: boards(20, 20, 20) });
    expect(judgePoint(target(2000), lower, stock, 'power-target', RULES)).toEqual({
      stable: true,
      hashLossFraction: 0,
      instability: null,
    });
  });

  it('calls it unstable when one board falls behind the others', () => {
    // Board 2 holds 30.4% of the total instead of a third: 8.7% behind its share.
    const behind = measured({ hashrateThs: 57.5, powerW: 2000, boards: boards(20, 20, 17.5) });
    const verdict = judgePoint(target(2000), behind, stock, 'power-target', RULES);
    expect(verdict.stable).toBe(false);
    expect(verdict.instability).toBe('board 2 lost 8.7% of its hashrate');
  });

  it('has nothing to compare on a single board', () => {
    const single = point(target(3000), { hashrateThs: 90, powerW: 3000, boards: boards(90) });
    const lower = measured({ hashrateThs: 40, powerW: 2000, boards: boards(40) });
    expect(judgePoint(target(2000), lower, single, 'power-target', RULES).stable).toBe(true);
  });
});
