import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../sim/random.js';
import { concaveHull, exactPlanUnderCap, planUnderCap, type CapDevice, type OperatingPoint } from './power-cap.js';

/** A device's points as a power-target sweep: hashrate grows slower than power (J/TH worsens), with unit spread. */
function sweepDevice(id: string, random: () => number): CapDevice {
  const scale = 0.03 + random() * 0.01;
  const points: OperatingPoint[] = [{ powerW: 0, hashrateThs: 0 }]; // asleep
  for (let powerW = 1200; powerW <= 3600; powerW += 300) {
    const noise = 1 + (random() - 0.5) * 0.02;
    points.push({ powerW, hashrateThs: Math.round(scale * powerW ** 0.95 * noise * 100) / 100 });
  }
  return { id, points };
}

function exhaustiveBest(devices: readonly CapDevice[], capW: number): number {
  let best = Number.NEGATIVE_INFINITY;
  const walk = (d: number, powerW: number, hashrate: number): void => {
    if (powerW > capW) return;
    const device = devices[d];
    if (!device) {
      best = Math.max(best, hashrate);
      return;
    }
    for (const point of device.points) walk(d + 1, powerW + point.powerW, hashrate + point.hashrateThs);
  };
  walk(0, 0, 0);
  return best;
}

describe('concaveHull', () => {
  it('keeps the points that buy hashrate at a falling rate per watt, from the lowest-power one up', () => {
    const points = [
      { powerW: 1000, hashrateThs: 30 },
      { powerW: 0, hashrateThs: 0 },
      { powerW: 2000, hashrateThs: 45 }, // below the chord from 1000 W to 3000 W
      { powerW: 3000, hashrateThs: 70 },
      { powerW: 3500, hashrateThs: 69 }, // more power, less hashrate
    ];
    expect(concaveHull(points)).toEqual([1, 0, 3]);
  });
});

describe('site power cap', () => {
  it('solves small instances exactly (checked against every combination)', () => {
    const random = mulberry32(7);
    for (let trial = 0; trial < 30; trial++) {
      const devices = Array.from({ length: 4 }, (_, i) => ({
        id: `d${i}`,
        points: Array.from({ length: 4 }, () => ({
          powerW: Math.floor(random() * 2000),
          hashrateThs: Math.round(random() * 1000) / 10,
        })),
      }));
      const capW = 1500 + Math.floor(random() * 4000);
      const exact = exactPlanUnderCap(devices, capW);
      const best = exhaustiveBest(devices, capW);
      expect(exact.feasible).toBe(best !== Number.NEGATIVE_INFINITY);
      if (!exact.feasible) continue;
      expect(exact.totalHashrateThs).toBeCloseTo(best, 6);
      expect(exact.totalPowerW).toBeLessThanOrEqual(capW);
    }
  });

  it('plans 50 devices within 2% of the exact optimum and never over the cap', () => {
    const random = mulberry32(42);
    for (const capW of [30_000, 60_000, 100_000, 150_000]) {
      const devices = Array.from({ length: 50 }, (_, i) => sweepDevice(`d${i}`, random));
      const fast = planUnderCap(devices, capW);
      const exact = exactPlanUnderCap(devices, capW);
      expect(fast.feasible).toBe(true);
      expect(fast.totalPowerW).toBeLessThanOrEqual(capW);
      expect(fast.totalHashrateThs).toBeGreaterThanOrEqual(exact.totalHashrateThs * 0.98);
      expect(fast.totalHashrateThs).toBeLessThanOrEqual(exact.totalHashrateThs + 1e-6);
    }
  });

  it('says so when even every device at its lowest point is over the cap', () => {
    const devices = [
      { id: 'a', points: [{ powerW: 1000, hashrateThs: 30 }] },
      { id: 'b', points: [{ powerW: 1200, hashrateThs: 35 }] },
    ];
    expect(planUnderCap(devices, 2000)).toMatchObject({ feasible: false, totalPowerW: 2200 });
    expect(exactPlanUnderCap(devices, 2000).feasible).toBe(false);
  });
});
