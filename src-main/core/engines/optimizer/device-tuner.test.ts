import { describe, expect, it } from 'vitest';
import type { DeviceSetting, FingerprintPoint, OptimizerObjective } from '../../../../src-shared/model/optimizer.js';
import { DeviceRecordSchema, newRecord, type DeviceRecord, type Step } from './device-record.js';
import { DeviceTuner, type NewDecision, type TunerContext, type TunerTiming } from './device-tuner.js';
import type { Observation } from './observation.js';
import type { SearchSpace } from './search-space.js';
import { objective, observation, point, vf } from './test-builders.fixture.js';

const METER = { settleMs: 10_000, measureMs: 20_000, minSamples: 3 };
const TIMING: TunerTiming = { frequencyVoltage: METER, powerTarget: METER, lostAfterMs: 30_000 };
const POLL_MS = 5_000;
/** A step is judged at most this long after it starts measuring: the meter starts on the first tick, then settles. */
const STEP_MS = POLL_MS + METER.settleMs + METER.measureMs;
const SPACE: SearchSpace = {
  knob: 'frequency-voltage',
  frequency: { min: 400, max: 650, step: 25 },
  voltage: { min: 1000, max: 1300, step: 30 },
  maxPowerW: null,
};
const STOCK = vf(525, 1200);

/** A Bitaxe-like chip: it loses hashrate below 1,150 mV at 525 MHz (less voltage at lower clocks). */
function chip(setting: DeviceSetting): { hashrateThs: number; powerW: number } {
  const f = setting.frequencyMhz ?? 0;
  const v = setting.voltageMv ?? 0;
  const errorShare = Math.min(1, 0.01 * Math.exp((1150 + 0.8 * (f - 525) - v) / 10));
  return { hashrateThs: 0.00095 * f * (1 - errorShare), powerW: 6 + 0.01455 * f * (v / 1000) ** 2 };
}

/** A point measured on that chip; stable unless told otherwise. */
function chipPoint(setting: DeviceSetting, overrides: Partial<FingerprintPoint> = {}): FingerprintPoint {
  return point(setting, { ...chip(setting), ...overrides });
}

/** A record part way through a search from STOCK (as a restart or an earlier run left it). */
function exploringRecord(points: FingerprintPoint[], step: Step | null = null): DeviceRecord {
  return {
    ...newRecord('rig-1', 'BM1366'),
    knob: 'frequency-voltage',
    state: 'exploring',
    fingerprints: [
      { rigId: 'rig-1', model: 'BM1366', knob: 'frequency-voltage', version: 1, updatedAt: 0, stock: STOCK, points },
    ],
    lastGood: STOCK,
    step,
  };
}

/** One device on a simulated clock: it reports what it is set to, and applies decisions it is told were applied. */
class Bench {
  t = 1_000_000;
  setting: DeviceSetting = STOCK;
  /** Set outside Rigwise (on the device's own page): it runs at and reports this instead. */
  outside: DeviceSetting | null = null;
  chipTempC = 60;
  /** false: the firmware reports only an estimate of its power. */
  measuresPower = true;
  answering = true;
  enabled = true;
  space: SearchSpace = SPACE;
  objectiveName: OptimizerObjective = 'efficiency';
  headroomW = Infinity;
  /** Applies every decision at once and reports it done (a well-behaved command queue). */
  autoApply = false;
  readonly decisions: NewDecision[] = [];
  tuner: DeviceTuner;

  constructor(record: DeviceRecord = newRecord('rig-1', 'BM1366')) {
    this.tuner = new DeviceTuner(record, 'Bitaxe 1');
  }

  context(): TunerContext {
    return {
      now: this.t,
      enabled: this.enabled,
      space: this.space,
      objective: objective({ objective: this.objectiveName }),
      rules: { maxHashLoss: 0.015, maxChipTempC: 95 },
      timing: TIMING,
      headroomW: this.headroomW,
    };
  }

  reading(): Observation {
    const setting = this.outside ?? this.setting;
    const { hashrateThs, powerW } = chip(setting);
    return {
      rigId: 'rig-1',
      t: this.t,
      hashrateThs,
      powerW: this.measuresPower ? powerW : null,
      estimatedPowerW: this.measuresPower ? null : powerW,
      chipTempC: this.chipTempC,
      boards: [],
      hardwareErrors: null,
      setting,
      paused: false,
    };
  }

  /** The engine restarts: a new tuner from the record as the state file gives it back. */
  restart(): void {
    const saved = DeviceRecordSchema.parse(JSON.parse(JSON.stringify(this.tuner.record)));
    this.tuner = new DeviceTuner(saved, 'Bitaxe 1');
  }

  /** One poll and one tick; returns the decision of that tick, if any. */
  poll(): NewDecision | null {
    this.t += POLL_MS;
    if (this.answering) this.tuner.observe(this.reading());
    const decision = this.tuner.tick(this.context());
    if (decision) {
      this.decisions.push(decision);
      if (this.autoApply) this.apply(decision, true);
    }
    return decision;
  }

  /** Polls until a decision comes or the time runs out. */
  until(ms: number): NewDecision | null {
    const end = this.t + ms;
    while (this.t < end) {
      const decision = this.poll();
      if (decision) return decision;
    }
    return null;
  }

  /** Polls for this long whatever is decided (with autoApply: a whole search). */
  runFor(ms: number): void {
    const end = this.t + ms;
    while (this.t < end) this.poll();
  }

  apply(decision: NewDecision, ok: boolean, message: string | null = null): NewDecision | null {
    if (ok) this.setting = decision.to;
    const follow = this.tuner.outcome(decision.id, ok, message, this.t);
    if (follow) {
      this.decisions.push(follow);
      if (this.autoApply) this.apply(follow, true);
    }
    return follow;
  }

  /** Baseline measured and the first step applied: the tuner is measuring a setting that is not stock. */
  firstStepMeasuring(): NewDecision {
    const first = this.until(STEP_MS + POLL_MS);
    if (!first) throw new Error('no first step');
    this.apply(first, true);
    return first;
  }
}

describe('DeviceTuner: from idle to the first step', () => {
  it('measures its current settings first without sending anything, then asks for a step', () => {
    const bench = new Bench();
    expect(bench.tuner.record.state).toBe('idle');
    expect(bench.poll()).toBeNull();
    expect(bench.tuner.record.state).toBe('baseline');
    expect(bench.tuner.fingerprint).toMatchObject({ version: 1, stock: STOCK, points: [] });
    const started = bench.t;
    // Nothing before the settle and measure window has passed.
    while (bench.t < started + METER.settleMs + METER.measureMs) expect(bench.poll()).toBeNull();
    const first = bench.until(2 * POLL_MS);
    expect(first).toMatchObject({ cause: 'explore', rigId: 'rig-1', from: STOCK, sleep: null });
    expect(first?.to).not.toEqual(STOCK);
    expect(bench.tuner.record.state).toBe('exploring');
    expect(bench.tuner.fingerprint?.points).toHaveLength(1);
    expect(bench.tuner.fingerprint?.points[0]).toMatchObject({ setting: STOCK, stable: true });
  });

  it('waits for the command, and measures once it was applied', () => {
    const bench = new Bench();
    const first = bench.until(STEP_MS + POLL_MS);
    if (!first) throw new Error('no first step');
    expect(bench.tuner.busy).toBe(true);
    expect(bench.until(3 * STEP_MS)).toBeNull(); // the command queue has not answered: no new step
    expect(bench.apply(first, true)).toBeNull();
    expect(bench.tuner.record.step).toMatchObject({ setting: first.to, phase: 'measuring' });
    expect(bench.tuner.busy).toBe(false);
    const second = bench.until(STEP_MS + POLL_MS);
    expect(second?.cause).toBe('explore');
    expect(bench.tuner.fingerprint?.points.map((p) => p.setting)).toEqual([STOCK, first.to]);
  });
});

describe('DeviceTuner: when a step goes wrong', () => {
  it('fails and reverts to the starting settings when the command fails', () => {
    const bench = new Bench();
    const first = bench.until(STEP_MS + POLL_MS);
    if (!first) throw new Error('no first step');
    const revert = bench.apply(first, false, 'voltage refused by the firmware');
    expect(revert).toMatchObject({ cause: 'revert', to: STOCK });
    expect(bench.tuner.record.state).toBe('failed');
    expect(bench.tuner.record.failure).toContain('voltage refused by the firmware');
    // Failed stays failed: no more steps until the operator retunes.
    if (revert) bench.apply(revert, true);
    expect(bench.until(3 * STEP_MS)).toBeNull();
  });

  it('fails when the device stops answering mid-step, and reverts when it answers again', () => {
    const bench = new Bench();
    bench.firstStepMeasuring();
    bench.answering = false;
    expect(bench.until(TIMING.lostAfterMs + 2 * POLL_MS)).toBeNull(); // nothing can reach it
    expect(bench.tuner.record.state).toBe('failed');
    bench.answering = true;
    expect(bench.poll()).toMatchObject({ cause: 'revert', to: STOCK });
  });

  it('reverts and goes idle when the optimizer is switched off mid-search', () => {
    const bench = new Bench();
    bench.firstStepMeasuring();
    bench.poll();
    bench.enabled = false;
    expect(bench.poll()).toMatchObject({ cause: 'revert', to: STOCK });
    expect(bench.tuner.record.state).toBe('idle');
    expect(bench.tuner.record.step).toBeNull();
  });

  it('ends a step early when a chip goes over the limit, and keeps the point as unstable', () => {
    const bench = new Bench();
    const first = bench.firstStepMeasuring();
    const applied = bench.t;
    bench.chipTempC = 97; // while still settling
    const next = bench.until(STEP_MS);
    expect(next?.cause).toBe('explore');
    expect(bench.t - applied).toBeLessThan(METER.settleMs + METER.measureMs);
    const hot = bench.tuner.fingerprint?.points[1];
    expect(hot).toMatchObject({ setting: first.to, stable: false });
    expect(hot?.instability).toContain('95');
  });

  it('fails and stays at the least power tried when no setting is stable', () => {
    const bench = new Bench();
    bench.autoApply = true;
    bench.chipTempC = 99; // over the limit at every setting, stock included
    bench.runFor(40 * STEP_MS);
    expect(bench.tuner.record.state).toBe('failed');
    const tried = bench.tuner.fingerprint?.points.map((p) => p.setting) ?? [];
    expect(tried.length).toBeGreaterThan(1);
    const leastPower = tried.reduce((a, b) => (chip(b).powerW < chip(a).powerW ? b : a));
    expect(bench.setting).toEqual(leastPower);
  });
});

describe('DeviceTuner: a finished search', () => {
  it('goes to the best point found, and retune() explores again as a new fingerprint version', () => {
    const bench = new Bench();
    bench.autoApply = true;
    bench.runFor(40 * STEP_MS);
    expect(bench.tuner.record.state).toBe('tuned');
    const points = bench.tuner.fingerprint?.points ?? [];
    const best = points.filter((p) => p.stable).reduce((a, b) => (b.efficiencyJPerTh < a.efficiencyJPerTh ? b : a));
    expect(bench.setting).toEqual(best.setting);
    expect(bench.decisions.at(-1)).toMatchObject({ cause: 'tuned', to: best.setting });
    expect(bench.until(3 * STEP_MS)).toBeNull(); // tuned: left alone

    bench.tuner.retune();
    bench.poll();
    expect(bench.tuner.record.state).toBe('baseline');
    expect(bench.tuner.record.fingerprints.map((f) => f.version)).toEqual([1, 2]);
    expect(bench.tuner.fingerprint).toMatchObject({ version: 2, stock: best.setting, points: [] });
  });
});

describe('DeviceTuner: reverts it still owes', () => {
  it('keeps a revert owed in its record, and sends it after a restart once the device answers again', () => {
    const bench = new Bench();
    bench.firstStepMeasuring();
    bench.answering = false;
    expect(bench.until(TIMING.lostAfterMs + 2 * POLL_MS)).toBeNull();
    expect(bench.tuner.record).toMatchObject({ state: 'failed', revertPending: true });
    bench.restart();
    expect(bench.until(3 * POLL_MS)).toBeNull(); // still away
    bench.answering = true;
    const revert = bench.poll();
    expect(revert).toMatchObject({ cause: 'revert', to: STOCK });
    if (revert) bench.apply(revert, true);
    expect(bench.tuner.record.revertPending).toBe(false);
    expect(bench.until(3 * STEP_MS)).toBeNull(); // sent once
  });

  it('still reverts a device lost mid-step when the optimizer was switched off after it was lost', () => {
    const bench = new Bench();
    bench.firstStepMeasuring();
    bench.answering = false;
    expect(bench.until(TIMING.lostAfterMs + 2 * POLL_MS)).toBeNull();
    expect(bench.tuner.record.state).toBe('failed');
    bench.enabled = false;
    bench.answering = true;
    expect(bench.poll()).toMatchObject({ cause: 'revert', to: STOCK });
  });

  it('reverts when switched off while exploring between steps, if it is not on its last good settings', () => {
    // A restart lost the outcome of a step that was applied: no step in the record, the device on the step's setting.
    const bench = new Bench(exploringRecord([chipPoint(STOCK)]));
    bench.setting = vf(525, 1170);
    bench.enabled = false;
    expect(bench.poll()).toMatchObject({ cause: 'revert', to: STOCK });
    expect(bench.tuner.record).toMatchObject({ state: 'idle', step: null });
  });

  it('goes back to its last good settings while it waits for room under the site cap', () => {
    // Nothing below stock voltage to try: the hashrate walk climbs, and 550 MHz at 1,200 mV lost hashrate, so the next
    // step is 550 MHz at 1,230 mV, more power than the cap has room for.
    const bench = new Bench(
      exploringRecord([
        chipPoint(STOCK),
        chipPoint(vf(550, 1200), { stable: false, hashLossFraction: 0.03, instability: 'lost hashrate' }),
      ]),
    );
    bench.space = { ...SPACE, voltage: { min: 1200, max: 1300, step: 30 } };
    bench.objectiveName = 'hashrate';
    bench.headroomW = 0;
    bench.setting = vf(550, 1200);
    const revert = bench.poll();
    expect(revert).toMatchObject({ cause: 'revert', to: STOCK });
    expect(bench.tuner.record.state).toBe('exploring');
    expect(bench.tuner.view({ now: bench.t, objective: objective() }).activity).toContain('Waiting for room');
    if (revert) bench.apply(revert, true);
    expect(bench.until(3 * STEP_MS)).toBeNull(); // waiting on its last good settings: nothing more to send
  });
});

describe('DeviceTuner: readings it cannot use', () => {
  it('is unsupported, with the reason, when its firmware reports only an estimate of its power', () => {
    const bench = new Bench();
    bench.measuresPower = false;
    for (let i = 0; i < 10; i++) {
      expect(bench.poll()).toBeNull();
      expect(bench.tuner.record.state).toBe('unsupported');
    }
    expect(bench.tuner.record.step).toBeNull();
    expect(bench.tuner.view({ now: bench.t, objective: objective() }).activity).toContain('no measured power');
  });

  it('does not count readings that show another setting than the step it is measuring', () => {
    const bench = new Bench();
    const first = bench.firstStepMeasuring();
    let polls = 0;
    let next: NewDecision | null = null;
    while (!next && polls < 50) {
      // Every other reading shows another setting (a reading from before the change, say): never three in a row.
      bench.outside = polls % 2 === 0 ? vf(450, 1100) : null;
      next = bench.poll();
      polls += 1;
    }
    expect(next?.cause).toBe('explore');
    const measuredPoint = bench.tuner.fingerprint?.points[1];
    expect(measuredPoint?.setting).toEqual(first.to);
    expect(measuredPoint?.powerW).toBeCloseTo(chip(first.to).powerW, 9);
    expect(measuredPoint?.hashrateThs).toBeCloseTo(chip(first.to).hashrateThs, 9);
  });

  it('fails the step without a revert after three readings in a row show its settings changed outside Rigwise', () => {
    const bench = new Bench();
    bench.firstStepMeasuring();
    bench.outside = vf(450, 1200); // the operator set the clock on the device's own page
    expect(bench.poll()).toBeNull();
    expect(bench.poll()).toBeNull();
    expect(bench.tuner.record.state).toBe('exploring');
    expect(bench.poll()).toBeNull();
    expect(bench.tuner.record.state).toBe('failed');
    expect(bench.tuner.record.failure).toContain('changed outside Rigwise');
    expect(bench.tuner.record.revertPending).toBe(false);
    expect(bench.tuner.fingerprint?.points).toHaveLength(1); // the step's point was never taken
    expect(bench.until(3 * STEP_MS)).toBeNull(); // the operator's change is left alone
  });

  it('is awake again once a device put to sleep reports hashrate and is not paused', () => {
    const tuner = DeviceTuner.fresh('rig-1', 'BM1366', 'Bitaxe 1');
    tuner.record.asleep = true;
    tuner.observe(observation({ t: 1, paused: true, hashrateThs: 0 }));
    tuner.observe(observation({ t: 2, paused: false, hashrateThs: 0 }));
    expect(tuner.record.asleep).toBe(true);
    tuner.observe(observation({ t: 3, paused: false, hashrateThs: 0.5 }));
    expect(tuner.record.asleep).toBe(false);
  });
});

describe('DeviceTuner: under a site cap', () => {
  it('finishes at the best point that fits the headroom when the best point does not', () => {
    // One voltage and 500-550 MHz: once 500 MHz is measured the hashrate search is done, and 550 MHz is its best.
    const step: Step = { setting: vf(500, 1200), phase: 'measuring', decisionId: null, startedAt: 1_000_000 };
    const bench = new Bench(exploringRecord([chipPoint(STOCK), chipPoint(vf(550, 1200))], step));
    bench.space = {
      ...SPACE,
      frequency: { min: 500, max: 550, step: 25 },
      voltage: { min: 1200, max: 1200, step: 30 },
    };
    bench.objectiveName = 'hashrate';
    bench.setting = vf(500, 1200);
    // Room for stock (525 MHz) from 500 MHz, not for 550 MHz.
    bench.headroomW = (chip(STOCK).powerW + chip(vf(550, 1200)).powerW) / 2 - chip(vf(500, 1200)).powerW;
    const tuned = bench.until(STEP_MS + POLL_MS);
    expect(tuned).toMatchObject({ cause: 'tuned', to: STOCK });
    expect(bench.tuner.record.state).toBe('tuned');
  });

  it('offers the planner no point above the power limit for the model', () => {
    const tuner = new DeviceTuner(
      {
        ...exploringRecord([chipPoint(vf(500, 1170)), chipPoint(STOCK), chipPoint(vf(575, 1230))]),
        state: 'tuned',
      },
      'Bitaxe 1',
    );
    const limitW = chip(STOCK).powerW + 0.1;
    expect(tuner.plannable({ ...SPACE, maxPowerW: null }).map((p) => p.setting)).toHaveLength(3);
    expect(tuner.plannable({ ...SPACE, maxPowerW: limitW }).map((p) => p.setting)).toEqual([vf(500, 1170), STOCK]);
  });
});
