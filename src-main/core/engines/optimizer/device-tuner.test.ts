import { describe, expect, it } from 'vitest';
import type { DeviceSetting } from '../../../../src-shared/model/optimizer.js';
import { DeviceTuner, type NewDecision, type TunerContext, type TunerTiming } from './device-tuner.js';
import type { Observation } from './observation.js';
import type { SearchSpace } from './search-space.js';
import { objective, vf } from './test-builders.fixture.js';

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

/** One device on a simulated clock: it reports what it is set to, and applies decisions it is told were applied. */
class Bench {
  t = 1_000_000;
  setting: DeviceSetting = STOCK;
  chipTempC = 60;
  answering = true;
  enabled = true;
  /** Applies every decision at once and reports it done (a well-behaved command queue). */
  autoApply = false;
  readonly decisions: NewDecision[] = [];
  readonly tuner = DeviceTuner.fresh('rig-1', 'BM1366', 'Bitaxe 1');

  context(): TunerContext {
    return {
      now: this.t,
      enabled: this.enabled,
      space: SPACE,
      objective: objective({ objective: 'efficiency' }),
      rules: { maxHashLoss: 0.015, maxChipTempC: 95 },
      timing: TIMING,
      headroomW: Infinity,
    };
  }

  reading(): Observation {
    return {
      rigId: 'rig-1',
      t: this.t,
      ...chip(this.setting),
      chipTempC: this.chipTempC,
      boards: [],
      hardwareErrors: null,
      setting: this.setting,
      paused: false,
    };
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
