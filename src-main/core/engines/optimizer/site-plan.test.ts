import { describe, expect, it } from 'vitest';
import type { FingerprintPoint } from '../../../../src-shared/model/optimizer.js';
import { mulberry32 } from '../../../sim/random.js';
import { exactPlanUnderCap } from './power-cap.js';
import { planSite, type PlanDevice, type SiteInput } from './site-plan.js';
import { objective, point, target } from './test-builders.fixture.js';

/** An S19-like power-target curve: 25 J/TH at 1.5 kW, best (23.8) at 2.5 kW, 27.5 at 3.3 kW. */
const S19 = [
  point(target(1500), { powerW: 1500, hashrateThs: 60 }),
  point(target(2500), { powerW: 2500, hashrateThs: 105 }),
  point(target(3300), { powerW: 3300, hashrateThs: 120 }),
];
const LOW = 0;
const MID = 1;
const TOP = 2;

function device(id: string, overrides: Partial<PlanDevice> = {}): PlanDevice {
  return {
    id,
    points: S19,
    canSleep: true,
    currentIndex: null,
    kelvinPerWatt: null,
    intakeC: 25,
    ...overrides,
  };
}

function input(devices: PlanDevice[], overrides: Partial<SiteInput> = {}): SiteInput {
  return {
    devices,
    fixedPowerW: 0,
    objective: objective(),
    capW: null,
    capMargin: 0.02,
    timeOfUse: false,
    thermal: null,
    ...overrides,
  };
}

const indexOf = (plan: ReturnType<typeof planSite>, id: string) => plan.choices.get(id)?.index;

describe('planSite: the objective', () => {
  it("puts each device at its objective's point", () => {
    const devices = [device('a')];
    expect(indexOf(planSite(input(devices, { objective: objective({ objective: 'efficiency' }) })), 'a')).toBe(MID);
    expect(indexOf(planSite(input(devices, { objective: objective({ objective: 'hashrate' }) })), 'a')).toBe(TOP);
    const budget = objective({ objective: 'hashrate', powerBudgetW: 3000 });
    expect(indexOf(planSite(input(devices, { objective: budget })), 'a')).toBe(MID);
    // At 0.03/kWh and 0.002 per TH/s-hour, 3.3 kW earns the most (0.141/h against 0.135/h at 2.5 kW).
    const profit = objective({ objective: 'profit', pricePerKwh: 0.03 });
    expect(planSite(input(devices, { objective: profit })).choices.get('a')).toMatchObject({
      index: TOP,
      cause: 'objective',
    });
  });

  it('sums the planned power and hashrate, fixed power included', () => {
    const plan = planSite(input([device('a'), device('b')], { fixedPowerW: 700 }));
    expect(plan).toMatchObject({ plannedPowerW: 5700, plannedHashrateThs: 210, feasible: true });
  });
});

describe('planSite: time of use', () => {
  const hashrate = (pricePerKwh: number) => objective({ objective: 'hashrate', pricePerKwh, revenuePerThHour: 0.002 });

  it('leaves a device at its point while that point pays for its power', () => {
    const plan = planSite(input([device('a')], { objective: hashrate(0.03), timeOfUse: true }));
    expect(plan.choices.get('a')).toMatchObject({ index: TOP, cause: 'objective' });
  });

  it('moves it to the point with the best profit when its point would lose money', () => {
    // At 0.078/kWh: 1.5 kW earns 0.003/h, 2.5 kW 0.015/h, 3.3 kW loses 0.017/h.
    const plan = planSite(input([device('a')], { objective: hashrate(0.078), timeOfUse: true }));
    expect(plan.choices.get('a')).toMatchObject({ index: MID, cause: 'time-of-use' });
  });

  it('puts it to sleep when no point pays, or to its lowest point when it cannot sleep', () => {
    const devices = [device('a'), device('b', { canSleep: false })];
    const plan = planSite(input(devices, { objective: hashrate(0.2), timeOfUse: true }));
    expect(plan.choices.get('a')).toMatchObject({ index: null, cause: 'time-of-use' });
    expect(plan.choices.get('b')).toMatchObject({ index: LOW, cause: 'time-of-use' });
    expect(plan.plannedPowerW).toBe(1500);
  });

  it('does nothing of the sort with time of use off', () => {
    expect(indexOf(planSite(input([device('a')], { objective: hashrate(0.2) })), 'a')).toBe(TOP);
  });
});

describe('planSite: heat', () => {
  const thermal = { targetChipC: 75 };
  /** kelvin per watt that puts the chips at tempC at powerW from intakeC. */
  const kPerW = (tempC: number, powerW: number, intakeC: number) => (tempC - intakeC) / powerW;

  it('lowers a device whose chips would run over the target, and makes up the hashrate on cooler ones', () => {
    const hot = device('hot', { intakeC: 45, kelvinPerWatt: kPerW(80, 2500, 45) }); // 80 °C at its 2.5 kW point
    const cool = ['c1', 'c2', 'c3'].map((id) => device(id, { intakeC: 25, kelvinPerWatt: kPerW(70, 3300, 25) }));
    const tight = device('tight', { intakeC: 25, kelvinPerWatt: kPerW(78, 3300, 25) }); // its top would be too hot
    const devices = [hot, ...cool, tight];
    const before = planSite(input(devices)).plannedHashrateThs;
    const plan = planSite(input(devices, { thermal }));
    expect(plan.choices.get('hot')).toMatchObject({ index: LOW, cause: 'thermal' });
    // 45 TH/s lost on the hot device, 15 TH/s gained on each cool one at 3.3 kW.
    for (const id of ['c1', 'c2', 'c3']) expect(plan.choices.get(id)).toMatchObject({ index: TOP, cause: 'thermal' });
    expect(indexOf(plan, 'tight')).toBe(MID);
    expect(plan.plannedHashrateThs).toBeGreaterThanOrEqual(before);
    for (const d of devices) {
      const chosen = d.points[indexOf(plan, d.id) ?? -1] as FingerprintPoint;
      expect(d.intakeC + (d.kelvinPerWatt ?? 0) * chosen.powerW).toBeLessThanOrEqual(thermal.targetChipC);
    }
  });

  it('keeps a derated device down until its point would run 2 °C under the target', () => {
    const at = (tempAtMidC: number, currentIndex: number) =>
      indexOf(
        planSite(
          input([device('a', { intakeC: 45, kelvinPerWatt: kPerW(tempAtMidC, 2500, 45), currentIndex })], { thermal }),
        ),
        'a',
      );
    expect(at(74, MID)).toBe(MID); // running there already: under the target is enough
    expect(at(74, LOW)).toBe(LOW); // derated: 74 °C is not 2 °C under the target
    expect(at(72.5, LOW)).toBe(MID);
  });

  it('holds a derated point that runs just under the target rather than stepping further down', () => {
    const points = [
      point(target(1500), { powerW: 1500, hashrateThs: 60 }),
      point(target(2000), { powerW: 2000, hashrateThs: 84 }),
      point(target(2500), { powerW: 2500, hashrateThs: 108 }), // the most efficient
    ];
    // 74 °C at 2 kW, 81 °C at its best point (2.5 kW): derated to 2 kW, and kept there round after round.
    const plan = (currentIndex: number) =>
      indexOf(
        planSite(
          input([device('a', { points, intakeC: 45, kelvinPerWatt: kPerW(74, 2000, 45), currentIndex })], { thermal }),
        ),
        'a',
      );
    expect(plan(2)).toBe(1);
    expect(plan(1)).toBe(1);
  });
});

describe('planSite: the site power cap', () => {
  it('brings the total under the cap less its margin and the power it cannot move', () => {
    const devices = ['a', 'b', 'c'].map((id) => device(id));
    const plan = planSite(
      input(devices, { objective: objective({ objective: 'hashrate' }), capW: 9000, fixedPowerW: 500 }),
    );
    // 9,000 x 0.98 - 500 = 8,320 W for three devices that want 3,300 W each.
    expect(plan.plannedPowerW - 500).toBeLessThanOrEqual(8320);
    expect(plan.plannedPowerW).toBeLessThanOrEqual(9000 * 0.98);
    expect([...plan.choices.values()].some((choice) => choice.cause === 'power-cap')).toBe(true);
  });

  it('never raises a device above its objective point to use spare room under the cap', () => {
    const plan = planSite(input([device('a'), device('b')], { capW: 100_000 }));
    expect(indexOf(plan, 'a')).toBe(MID);
    expect(indexOf(plan, 'b')).toBe(MID);
  });

  it('plans a random site within 2% of the exact optimum, never above an objective point', () => {
    const random = mulberry32(11);
    const devices = Array.from({ length: 25 }, (_, i) => {
      const scale = 0.03 + random() * 0.015;
      const points = [1200, 1600, 2000, 2400, 2800, 3200, 3600].map((watts) =>
        point(target(watts), { powerW: watts, hashrateThs: Math.round(scale * watts ** 0.93 * 100) / 100 }),
      );
      return device(`d${i}`, { points });
    });
    const budget = objective({ objective: 'hashrate', powerBudgetW: 3000 });
    const capW = 55_000;
    const fixedPowerW = 1500;
    const plan = planSite(input(devices, { objective: budget, capW, fixedPowerW }));
    const budgetW = capW * 0.98 - fixedPowerW;
    expect(plan.feasible).toBe(true);
    expect(plan.plannedPowerW - fixedPowerW).toBeLessThanOrEqual(budgetW);
    // The same problem for the exact reference: each device's points up to its objective point (2.8 kW here).
    const allowed = devices.map((d) => ({ id: d.id, points: d.points.filter((p) => p.powerW <= 3000) }));
    const exact = exactPlanUnderCap(allowed, budgetW);
    expect(plan.plannedHashrateThs).toBeGreaterThanOrEqual(exact.totalHashrateThs * 0.98);
    for (const d of devices) expect(d.points[indexOf(plan, d.id) ?? -1]?.powerW).toBeLessThanOrEqual(2800);
  });

  it('puts devices to sleep, least hash per watt first, when even every lowest point is over the cap', () => {
    // Lowest points: a 25 J/TH, b 30 J/TH, c 25 J/TH (it cannot sleep); 4.5 kW together.
    const weak = [
      point(target(1500), { powerW: 1500, hashrateThs: 50 }),
      point(target(2500), { powerW: 2500, hashrateThs: 95 }),
    ];
    const devices = [device('a'), device('b', { points: weak }), device('c', { canSleep: false })];
    // 3,200 x 0.98 = 3,136 W: b asleep is enough.
    const fits = planSite(input(devices, { capW: 3200 }));
    expect(fits.feasible).toBe(true);
    expect(fits.choices.get('b')).toMatchObject({ index: null, cause: 'power-cap' });
    expect(fits.choices.get('a')).toMatchObject({ index: LOW, cause: 'power-cap' });
    expect(fits.choices.get('c')).toMatchObject({ index: LOW, cause: 'power-cap' });
    expect(fits.plannedPowerW).toBe(3000);
    // 1,400 x 0.98 = 1,372 W: both that can sleep do, and c at its lowest still does not fit.
    const over = planSite(input(devices, { capW: 1400 }));
    expect(over.feasible).toBe(false);
    expect(indexOf(over, 'a')).toBeNull();
    expect(indexOf(over, 'b')).toBeNull();
    expect(indexOf(over, 'c')).toBe(LOW);
    expect(over.plannedPowerW).toBe(1500);
  });
});
