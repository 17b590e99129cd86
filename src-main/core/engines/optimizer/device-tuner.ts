// One device's tuning, as a small state machine the optimizer core ticks: measure the settings it starts at
// (baseline), then one safe step at a time (exploring): ask the command queue for the step, wait for it to be applied,
// let the device settle, average its readings, judge the point, and pick the next step from everything measured so
// far. When the search is done it goes to the best point for the objective (tuned). Any failed command, a device
// that stops answering mid-step, or a chip over the limit ends the step; a failed command or a lost device also
// reverts it to the last settings that measured good and marks it failed until the operator retunes it.
import { randomUUID } from 'node:crypto';
import type {
  DecisionCause,
  DeviceSetting,
  DeviceTuning,
  Fingerprint,
  FingerprintPoint,
  Performance,
} from '../../../../src-shared/model/optimizer.js';
import { formatEfficiency } from '../../../../src-shared/units.js';
import { describeGain, describeSetting } from './describe.js';
import { MAX_FINGERPRINT_VERSIONS, newRecord, type DeviceRecord } from './device-record.js';
import { bestPoint, type ObjectiveContext } from './objective.js';
import type { Observation } from './observation.js';
import { PointMeter, type MeasuredPoint, type MeterTiming } from './point-meter.js';
import { nextPowerStep } from './power-search.js';
import { sameSetting, withinSpace, type SearchSpace } from './search-space.js';
import { judgePoint, type StabilityRules } from './stability.js';
import { nextVfStep, predictPowerW } from './vf-search.js';

export interface TunerTiming {
  frequencyVoltage: MeterTiming;
  powerTarget: MeterTiming;
  /** No reading for this long during a step: the device is lost, and the step failed. */
  lostAfterMs: number;
}

export const DEFAULT_TUNER_TIMING: TunerTiming = {
  // Bitaxe-class chips settle thermally in about a minute (20 s time constant).
  frequencyVoltage: { settleMs: 60_000, measureMs: 120_000, minSamples: 12 },
  // A power target first waits for the firmware's own tuner (about a minute), then the heat sinks (60 s constant).
  powerTarget: { settleMs: 150_000, measureMs: 90_000, minSamples: 9 },
  lostAfterMs: 60_000,
};

/**
 * Seconds, not minutes, per step: for the demo farm (which should be seen tuning itself) and e2e tests. The points
 * are noisier (fewer readings, chips not fully settled); never the default for a real farm.
 */
export const FAST_TUNING_TIMING: TunerTiming = {
  frequencyVoltage: { settleMs: 8_000, measureMs: 12_000, minSamples: 3 },
  powerTarget: { settleMs: 20_000, measureMs: 12_000, minSamples: 3 },
  lostAfterMs: 30_000,
};

export interface TunerContext {
  now: number;
  /** The optimizer is on and this device is not excluded. */
  enabled: boolean;
  space: SearchSpace | null;
  objective: ObjectiveContext;
  rules: StabilityRules;
  timing: TunerTiming;
  /** How much more power this device's next step may draw (the site cap's headroom); Infinity without a cap. */
  headroomW: number;
}

export interface NewDecision {
  id: string;
  rigId: string;
  cause: DecisionCause;
  from: DeviceSetting | null;
  to: DeviceSetting;
  /** true: pause before; false: resume first; null: neither. */
  sleep: boolean | null;
  reason: string;
  at: number;
}

/** Readings in a row that show another setting than the step's before the step is given up. */
const MAX_MISMATCHED_READINGS = 3;
/** Refresh a device's view (its "now" figures) at least this often even when nothing else changes. */
const VIEW_REFRESH_MS = 30_000;
/** Points that failed with less hashrate lost than this failed for heat, not for too little voltage. */
const HEAT_ONLY_LOSS = 0.015;

/**
 * Does the reading show the step's setting? Within a firmware's rounding (a power target is often reported a few watts
 * off); a knob the firmware does not report is not held against it.
 */
function reportsSetting(observation: Observation, setting: DeviceSetting): boolean {
  const near = (reported: number | null, wanted: number | null, tolerance: number) =>
    wanted === null || reported === null || Math.abs(reported - wanted) <= tolerance;
  const reported = observation.setting;
  return (
    near(reported.frequencyMhz, setting.frequencyMhz, 1) &&
    near(reported.voltageMv, setting.voltageMv, 5) &&
    near(reported.powerTargetW, setting.powerTargetW, Math.max(10, (setting.powerTargetW ?? 0) * 0.02))
  );
}

/** A revert that fails (the device is away, or refuses) is tried again when it answers, this many times in all. */
const MAX_REVERT_ATTEMPTS = 3;

/** How long a step waits for room under the site cap before the search goes on without it. */
const MAX_CAP_WAIT_MS = 10 * 60_000;

/** Rough count of points an exploration takes, for the progress bar. */
const EXPECTED_POINTS = { 'frequency-voltage': 12, 'power-target': 10 } as const;

/**
 * The efficiency recorded for a point that hashed nothing. Infinity would be the honest figure, but it neither survives
 * JSON (the state file) nor passes the contract's schema (the fingerprint and status results); such a point is never
 * stable, so it is never chosen.
 */
const NO_EFFICIENCY = 0;

function efficiencyOf(powerW: number, hashrateThs: number): number {
  return hashrateThs > 0 ? powerW / hashrateThs : NO_EFFICIENCY;
}

function performance(point: { hashrateThs: number; powerW: number; efficiencyJPerTh: number }): Performance {
  return { hashrateThs: point.hashrateThs, powerW: point.powerW, efficiencyJPerTh: point.efficiencyJPerTh };
}

function stockSetting(observation: Observation, space: SearchSpace): DeviceSetting | null {
  const { setting } = observation;
  if (space.knob === 'frequency-voltage') {
    if (setting.frequencyMhz === null || setting.voltageMv === null) return null;
    return { frequencyMhz: setting.frequencyMhz, voltageMv: setting.voltageMv, powerTargetW: null };
  }
  // A power-target firmware that reports no target runs at its default: start from what it draws.
  const watts = setting.powerTargetW ?? observation.powerW;
  if (watts === null) return null;
  const { min, max, step } = space.power;
  const snapped = Math.min(max, Math.max(min, min + Math.round((watts - min) / step) * step));
  return { frequencyMhz: null, voltageMv: null, powerTargetW: setting.powerTargetW ?? snapped };
}

export class DeviceTuner {
  latest: Observation | null = null;
  private meter: PointMeter | null = null;
  /** A planner move or a revert waiting for the command queue (steps keep theirs in the record). */
  private pending: { id: string; to: DeviceSetting; sleep: boolean | null; revert: boolean } | null = null;
  private activity = 'Waiting for its first readings';
  /** A failed revert is tried again only on a reading taken after it failed: the device answers again. */
  private revertFailedAt = -Infinity;
  /** Readings in a row, during a step, whose reported setting is not the step's (changed outside Rigwise?). */
  private mismatchedReadings = 0;
  /** When this device's view was last refreshed for its readings alone (the table's "now" figures). */
  private viewRefreshedAt = -Infinity;
  private changed = true;
  /** Since when the next step has been waiting for headroom under the site cap. */
  private waitingSince: number | null = null;
  private plannableMemo: {
    fingerprint: Fingerprint | null;
    count: number;
    space: SearchSpace;
    points: readonly FingerprintPoint[];
  } | null = null;

  constructor(
    readonly record: DeviceRecord,
    public rigName: string,
  ) {}

  static fresh(rigId: string, model: string, rigName: string): DeviceTuner {
    return new DeviceTuner(newRecord(rigId, model), rigName);
  }

  /** True once since the last call if anything the operator sees changed. */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  get fingerprint(): Fingerprint | null {
    return this.record.fingerprints[this.record.fingerprints.length - 1] ?? null;
  }

  get busy(): boolean {
    return this.pending !== null || this.record.step?.phase === 'commanding';
  }

  observe(observation: Observation): void {
    this.latest = observation;
    const step = this.record.step;
    if (step?.phase === 'measuring' && !reportsSetting(observation, step.setting)) {
      // Not the setting being measured (a reading from before the change, or someone changed it): not counted.
      this.mismatchedReadings += 1;
    } else {
      this.mismatchedReadings = 0;
      this.meter?.add(observation);
    }
    // A device put to sleep that is hashing again (it rebooted, or someone woke it) is awake: the plan decides anew.
    if (this.record.asleep && !observation.paused && (observation.hashrateThs ?? 0) > 0) {
      this.record.asleep = false;
      this.changed = true;
    }
    if (observation.t - this.viewRefreshedAt >= VIEW_REFRESH_MS) {
      this.viewRefreshedAt = observation.t;
      this.changed = true;
    }
  }

  /** What the device reports it is set to, in terms of its knob only (a power-target rig also reports clocks). */
  get currentSetting(): DeviceSetting | null {
    const setting = this.latest?.setting;
    if (!setting) return null;
    return this.record.knob === 'power-target'
      ? { frequencyMhz: null, voltageMv: null, powerTargetW: setting.powerTargetW }
      : { frequencyMhz: setting.frequencyMhz, voltageMv: setting.voltageMv, powerTargetW: null };
  }

  /** Forget a failure (or a finished search) and explore again from the current settings, as a new version. */
  retune(): void {
    this.record.revertAttempts = 0;
    this.record.revertPending = false;
    this.record.state = 'idle';
    this.record.failure = null;
    this.record.step = null;
    this.meter = null;
    this.activity = 'Starting again from its current settings';
    this.changed = true;
  }

  tick(context: TunerContext): NewDecision | null {
    const { space } = context;
    if (!space) {
      this.setState('unsupported', 'No frequency, voltage or power target Rigwise can set on this firmware');
      return null;
    }
    this.record.knob = space.knob;
    if (this.busy) return null;
    const fresh = this.latest !== null && context.now - this.latest.t <= context.timing.lostAfterMs;
    // A revert still owed is a safety action: it goes out whether or not the optimizer is still on for the device.
    if (this.record.state === 'failed' && this.record.revertPending) {
      return fresh && (this.latest?.t ?? -Infinity) > this.revertFailedAt
        ? this.revert(context.now, 'back to the last good settings now that it answers')
        : null;
    }
    if (!context.enabled) return this.standDown(context);
    if (!fresh) {
      if (this.record.step?.phase === 'measuring') {
        if (this.record.state === 'baseline') {
          // Nothing was changed yet: no failure, it starts again when it answers.
          this.record.step = null;
          this.meter = null;
          this.setState('idle', 'Lost while measuring its starting settings; starts again when it answers');
        } else {
          this.fail('it stopped answering during a step', context.now);
          this.record.revertPending = true;
        }
      }
      return null;
    }
    if (this.record.step?.phase === 'measuring' && this.mismatchedReadings >= MAX_MISMATCHED_READINGS) {
      // Its settings were changed outside Rigwise mid-step: stop, and leave the operator's change alone.
      this.fail('its settings were changed outside Rigwise during a step', context.now);
      return null;
    }
    const latest = this.latest;
    if (['idle', 'baseline', 'unsupported'].includes(this.record.state) && latest?.powerW === null) {
      this.setState('unsupported', 'It reports no measured power, so its efficiency cannot be measured');
      this.record.step = null;
      return null;
    }
    switch (this.record.state) {
      case 'idle':
      case 'unsupported':
        return this.startBaseline(context, space);
      case 'baseline':
      case 'exploring':
        return this.explore(context, space);
      case 'failed':
      case 'tuned':
        return null;
    }
  }

  /** The command queue finished a decision of this device. */
  outcome(decisionId: string, ok: boolean, message: string | null, now: number): NewDecision | null {
    const step = this.record.step;
    if (step?.decisionId === decisionId && step.phase === 'commanding') {
      if (ok) {
        this.record.step = { ...step, phase: 'measuring', startedAt: now };
        this.meter = null;
        this.changed = true;
        return null;
      }
      this.fail(`the change to ${describeSetting(step.setting)} failed: ${message ?? 'no reason given'}`, now);
      return this.revert(now, 'the last step failed');
    }
    const pending = this.pending;
    if (pending?.id !== decisionId) return null;
    this.pending = null;
    this.changed = true;
    if (ok) {
      if (pending.sleep !== null) this.record.asleep = pending.sleep;
      if (!pending.revert) this.record.lastGood = pending.to;
      if (pending.revert) {
        this.record.revertPending = false;
        this.record.revertAttempts = 0;
      }
      return null;
    }
    if (pending.revert) {
      // Tried again when it next answers (a lost device), a few times at most (a device that refuses it).
      this.record.revertAttempts += 1;
      this.revertFailedAt = now;
      this.record.revertPending = this.record.revertAttempts < MAX_REVERT_ATTEMPTS;
      if (!this.record.revertPending) {
        this.record.failure = `${this.record.failure ?? 'A step failed'} Going back to the last good settings failed too: ${message ?? 'no reason given'}.`;
      }
      return null;
    }
    this.fail(`moving to ${describeSetting(pending.to)} failed: ${message ?? 'no reason given'}`, now);
    return this.revert(now, 'a planned change failed');
  }

  /** A planner move (power cap, tariff, heat) for a tuned device; null when it is busy or already there. */
  moveTo(
    to: DeviceSetting,
    sleep: boolean | null,
    cause: DecisionCause,
    reason: string,
    now: number,
  ): NewDecision | null {
    if (this.record.state !== 'tuned' || this.busy) return null;
    const wantAsleep = sleep ?? false;
    if (wantAsleep === this.record.asleep && sameSetting(to, this.record.lastGood)) return null;
    const decision = this.decision(cause, to, sleep === this.record.asleep ? null : sleep, reason, now);
    this.pending = { id: decision.id, to, sleep: decision.sleep, revert: false };
    this.activity = reason;
    this.changed = true;
    return decision;
  }

  /**
   * The site is over its cap before this device is tuned: lower it now; its tuning starts again from there (the
   * settings it was being measured at are no longer where it may run).
   */
  shed(to: DeviceSetting, reason: string, now: number): NewDecision | null {
    const state = this.record.state;
    if (state === 'tuned' || state === 'failed' || state === 'unsupported' || this.busy) return null;
    this.record.step = null;
    this.meter = null;
    this.setState('idle', reason);
    const decision = this.decision('power-cap', to, null, reason, now);
    this.pending = { id: decision.id, to, sleep: null, revert: false };
    return decision;
  }

  /** The points the planner may choose from: stable, and inside the operator's current limits. */
  plannable(space: SearchSpace | null): readonly FingerprintPoint[] {
    if (this.record.state !== 'tuned' || !space) return [];
    const fingerprint = this.fingerprint;
    const points = fingerprint?.points ?? [];
    // The same list object while nothing changed, so the planner's per-list caches (hulls) hold across rounds.
    const memo = this.plannableMemo;
    if (memo && memo.fingerprint === fingerprint && memo.count === points.length && memo.space === space) {
      return memo.points;
    }
    const maxW = space.maxPowerW ?? Infinity;
    const result = points.filter((point) => point.stable && point.powerW <= maxW && withinSpace(point.setting, space));
    this.plannableMemo = { fingerprint, count: points.length, space, points: result };
    return result;
  }

  view(context: { now: number; objective: ObjectiveContext }): DeviceTuning {
    const fingerprint = this.fingerprint;
    const stock = fingerprint?.points[0] ?? null;
    const best = fingerprint ? bestPoint(fingerprint.points, context.objective) : null;
    const chosen = fingerprint?.points.find((point) => sameSetting(point.setting, this.record.lastGood)) ?? null;
    const latest = this.latest;
    const nowPerformance =
      latest && latest.hashrateThs !== null && latest.powerW !== null && latest.hashrateThs > 0
        ? {
            hashrateThs: latest.hashrateThs,
            powerW: latest.powerW,
            efficiencyJPerTh: latest.powerW / latest.hashrateThs,
          }
        : null;
    const knob = this.record.knob;
    const explored = fingerprint?.points.length ?? 0;
    const progress =
      this.record.state === 'tuned'
        ? 1
        : knob && (this.record.state === 'exploring' || this.record.state === 'baseline')
          ? Math.min(0.95, explored / EXPECTED_POINTS[knob])
          : 0;
    const reference = this.record.state === 'tuned' ? (chosen ?? best) : best;
    return {
      rigId: this.record.rigId,
      rigName: this.rigName,
      model: this.record.model,
      knob,
      state: this.record.state,
      activity: this.activity,
      progress,
      current: this.currentSetting ?? this.record.lastGood,
      best: best?.setting ?? null,
      asleep: this.record.asleep,
      stock: stock ? performance(stock) : null,
      now: nowPerformance,
      efficiencyGainPct:
        stock && reference && reference !== stock && stock.efficiencyJPerTh > 0 && reference.efficiencyJPerTh > 0
          ? Math.round((stock.efficiencyJPerTh / reference.efficiencyJPerTh - 1) * 1000) / 10
          : null,
      fingerprintVersion: fingerprint?.version ?? null,
      fingerprintPoints: fingerprint?.points.length ?? 0,
      failure: this.record.failure,
      updatedAt: context.now,
    };
  }

  private setState(state: DeviceRecord['state'], activity: string): void {
    if (this.record.state !== state || this.activity !== activity) this.changed = true;
    this.record.state = state;
    this.activity = activity;
  }

  private fail(why: string, now: number): void {
    this.record.failure = `Failed at ${new Date(now).toISOString()}: ${why}.`;
    this.record.step = null;
    this.meter = null;
    this.setState('failed', `Failed: ${why}`);
  }

  private decision(
    cause: DecisionCause,
    to: DeviceSetting,
    sleep: boolean | null,
    reason: string,
    now: number,
  ): NewDecision {
    return {
      id: randomUUID(),
      rigId: this.record.rigId,
      cause,
      from: this.currentSetting ?? this.record.lastGood,
      to,
      sleep,
      reason,
      at: now,
    };
  }

  private revert(now: number, why: string): NewDecision | null {
    const lastGood = this.record.lastGood;
    if (!lastGood) {
      this.record.revertPending = false;
      return null;
    }
    // Owed until it is applied: a restart before then sends it again.
    this.record.revertPending = true;
    const decision = this.decision('revert', lastGood, null, `Reverting to ${describeSetting(lastGood)}: ${why}`, now);
    this.pending = { id: decision.id, to: lastGood, sleep: null, revert: true };
    this.changed = true;
    return decision;
  }

  /** Switched off (or excluded) mid-search: never leave a device on an experimental setting. */
  private standDown(context: TunerContext): NewDecision | null {
    const state = this.record.state;
    if (state !== 'baseline' && state !== 'exploring') {
      if (state === 'tuned' || state === 'idle') this.setState(state, 'Left as it is: the optimizer is off for it');
      return null;
    }
    this.record.step = null;
    this.meter = null;
    this.setState('idle', 'Stopped: the optimizer is off for it');
    const current = this.currentSetting;
    if (this.record.lastGood && current && !sameSetting(current, this.record.lastGood)) {
      return this.revert(context.now, 'the optimizer was switched off for this device');
    }
    return null;
  }

  private startBaseline(context: TunerContext, space: SearchSpace): NewDecision | null {
    const latest = this.latest;
    if (latest?.paused) {
      this.setState('idle', 'Paused: its tuning starts once it runs');
      return null;
    }
    const stock = latest ? stockSetting(latest, space) : null;
    if (!stock) {
      this.setState('idle', 'Waiting for a reading with its current settings and power');
      return null;
    }
    const previous = this.fingerprint;
    // A version with no point measured yet (its start was interrupted) is replaced, not kept.
    const kept =
      previous && previous.points.length === 0 ? this.record.fingerprints.slice(0, -1) : this.record.fingerprints;
    const fingerprint: Fingerprint = {
      rigId: this.record.rigId,
      model: this.record.model,
      knob: space.knob,
      version: previous && previous.points.length === 0 ? previous.version : (previous?.version ?? 0) + 1,
      updatedAt: context.now,
      stock,
      points: [],
    };
    this.record.fingerprints = [...kept, fingerprint].slice(-MAX_FINGERPRINT_VERSIONS);
    this.record.lastGood = stock;
    this.record.failure = null;
    this.record.asleep = latest?.paused ?? false;
    this.record.step = { setting: stock, phase: 'measuring', decisionId: null, startedAt: context.now };
    this.meter = null;
    this.setState('baseline', `Measuring its current settings (${describeSetting(stock)})`);
    return null;
  }

  private explore(context: TunerContext, space: SearchSpace): NewDecision | null {
    const fingerprint = this.fingerprint;
    if (!fingerprint) return this.startBaseline(context, space);
    const step = this.record.step;
    if (step?.phase === 'measuring') {
      const timing = space.knob === 'frequency-voltage' ? context.timing.frequencyVoltage : context.timing.powerTarget;
      // After a restart the meter is gone: the step is measured again from now.
      this.meter ??= new PointMeter(Math.max(step.startedAt, this.latest?.t ?? step.startedAt), timing);
      const tooHot = (this.meter.peakChipTempC ?? -Infinity) > context.rules.maxChipTempC;
      if (!tooHot && !this.meter.done(context.now)) return null;
      const measured = this.meter.result();
      this.meter = null;
      this.record.step = null;
      if (measured) this.addPoint(fingerprint, step.setting, measured, space, context);
      else if (tooHot) this.addHotPoint(fingerprint, step.setting, context);
    }
    let next = this.nextStep(fingerprint, space, context, Infinity);
    if (next && this.predictedExtraW(fingerprint, next) > context.headroomW) {
      this.waitingSince ??= context.now;
      if (context.now - this.waitingSince < MAX_CAP_WAIT_MS) {
        this.setState('exploring', `Waiting for room under the site power cap to try ${describeSetting(next)}`);
        const lastGood = this.record.lastGood;
        // Never wait on a point that measured unstable: back to the last good one meanwhile.
        return lastGood && !sameSetting(this.currentSetting, lastGood)
          ? this.revert(context.now, 'waiting for room under the site power cap')
          : null;
      }
      // The cap leaves no room for the higher points: explore what fits and finish without the rest.
      next = this.nextStep(fingerprint, space, context, (this.latest?.powerW ?? 0) + context.headroomW);
    }
    this.waitingSince = null;
    if (!next) return this.finish(fingerprint, context);
    const decision = this.decision('explore', next, null, this.exploreReason(fingerprint, next), context.now);
    this.record.step = { setting: next, phase: 'commanding', decisionId: decision.id, startedAt: context.now };
    this.setState('exploring', `Trying ${describeSetting(next)}`);
    return decision;
  }

  private nextStep(
    fingerprint: Fingerprint,
    space: SearchSpace,
    context: TunerContext,
    reachableW: number,
  ): DeviceSetting | null {
    if (fingerprint.points.length === 0) return null;
    const common = { stock: fingerprint.stock, points: fingerprint.points, context: context.objective, reachableW };
    return space.knob === 'frequency-voltage'
      ? nextVfStep({ ...common, space, maxChipTempC: context.rules.maxChipTempC })
      : nextPowerStep({ ...common, space });
  }

  private predictedExtraW(fingerprint: Fingerprint, next: DeviceSetting): number {
    const nowW = this.latest?.powerW ?? 0;
    if (next.powerTargetW !== null) return next.powerTargetW - nowW;
    const basis = fingerprint.points[fingerprint.points.length - 1];
    if (!basis || next.frequencyMhz === null || next.voltageMv === null) return 0;
    return predictPowerW(basis, next.frequencyMhz, next.voltageMv) - nowW;
  }

  private addPoint(
    fingerprint: Fingerprint,
    setting: DeviceSetting,
    measured: MeasuredPoint,
    space: SearchSpace,
    context: TunerContext,
  ): void {
    const reference = fingerprint.points[0] ?? null;
    const verdict = judgePoint(setting, measured, reference, space.knob, context.rules);
    const point: FingerprintPoint = {
      setting,
      hashrateThs: measured.hashrateThs,
      powerW: measured.powerW,
      efficiencyJPerTh: efficiencyOf(measured.powerW, measured.hashrateThs),
      hashLossFraction: verdict.hashLossFraction,
      chipTempC: measured.chipTempC,
      hwErrorsPerMin: measured.hwErrorsPerMin,
      boards: measured.boards,
      samples: measured.samples,
      measuredAt: measured.measuredAt,
      stable: verdict.stable && Number.isFinite(measured.powerW / measured.hashrateThs),
      instability: verdict.instability,
    };
    fingerprint.points.push(point);
    fingerprint.updatedAt = context.now;
    if (point.stable) this.record.lastGood = setting;
    this.changed = true;
  }

  /** Too hot to finish measuring: the point is kept as unusable so the search steps away from it. */
  private addHotPoint(fingerprint: Fingerprint, setting: DeviceSetting, context: TunerContext): void {
    fingerprint.points.push({
      setting,
      hashrateThs: 0,
      // What it drew when it went over: the search and the planner scale power from it, and a device with no stable
      // point is left at the least power tried.
      powerW: this.latest?.powerW ?? 0,
      efficiencyJPerTh: NO_EFFICIENCY,
      hashLossFraction: 0,
      chipTempC: this.latest?.chipTempC ?? null,
      hwErrorsPerMin: null,
      boards: [],
      samples: 1,
      measuredAt: context.now,
      stable: false,
      instability: `chips went over the ${context.rules.maxChipTempC} °C limit before it settled`,
    });
    fingerprint.updatedAt = context.now;
  }

  private exploreReason(fingerprint: Fingerprint, next: DeviceSetting): string {
    const last = fingerprint.points[fingerprint.points.length - 1];
    const n = fingerprint.points.length + 1;
    if (!last) return `Exploring ${describeSetting(next)} (point ${n})`;
    const verdict = last.stable
      ? `${describeSetting(last.setting)} was stable at ${formatEfficiency(last.efficiencyJPerTh)}`
      : `${describeSetting(last.setting)} was unstable: ${last.instability ?? 'no reason recorded'}`;
    return `Exploring ${describeSetting(next)} (point ${n}): ${verdict}`;
  }

  private finish(fingerprint: Fingerprint, context: TunerContext): NewDecision | null {
    const overall = bestPoint(fingerprint.points, context.objective);
    if (!overall) return this.noStablePoint(fingerprint, context.now);
    // Under a site cap the best point may not fit yet: the best that does, and the plan raises it once room shows.
    const drawW = this.latest?.powerW ?? 0;
    const best =
      overall.powerW - drawW <= context.headroomW
        ? overall
        : (bestPoint(
            fingerprint.points.filter((point) => point.powerW - drawW <= context.headroomW),
            context.objective,
          ) ?? overall);
    const stock = fingerprint.points[0];
    const target = best.setting;
    const edge = this.nearestFailure(fingerprint, best);
    const gain =
      stock && best !== stock && stock.efficiencyJPerTh > 0
        ? `: ${describeGain(stock, best)} against its starting settings`
        : '';
    const reason = `Tuned for ${context.objective.objective} at ${describeSetting(target)}${gain}${edge}`;
    this.setState('tuned', reason);
    if (sameSetting(this.currentSetting, target)) {
      this.record.lastGood = target;
      return null;
    }
    const decision = this.decision('tuned', target, null, reason, context.now);
    this.pending = { id: decision.id, to: target, sleep: null, revert: false };
    return decision;
  }

  /** Every point failed (too hot, losing hashrate): leave it at the least power tried, and say so. */
  private noStablePoint(fingerprint: Fingerprint, now: number): NewDecision | null {
    const tried = fingerprint.points.filter((point) => point.powerW > 0);
    const coolest = tried.reduce<FingerprintPoint | null>((a, b) => (a === null || b.powerW < a.powerW ? b : a), null);
    const why = fingerprint.points[fingerprint.points.length - 1]?.instability ?? 'no reading';
    this.fail(`no setting tried was stable (last: ${why})`, now);
    // Too hot everywhere: the coolest point tried is the safest. Losing hashrate: back to where it started.
    const allHeat = fingerprint.points.every((point) => point.hashLossFraction <= HEAT_ONLY_LOSS);
    const target = (allHeat ? coolest?.setting : null) ?? this.record.lastGood;
    if (!target || sameSetting(this.currentSetting, target)) return null;
    this.record.lastGood = target;
    return this.revert(now, `no setting was stable; staying at the least power tried`);
  }

  /** "; unstable at 1,000 mV at 500 MHz (board 0 lost 3.1% ...)": the failed point closest to the chosen one. */
  private nearestFailure(fingerprint: Fingerprint, best: FingerprintPoint | null): string {
    if (!best) return '';
    const distance = (point: FingerprintPoint) =>
      Math.abs((point.setting.frequencyMhz ?? 0) - (best.setting.frequencyMhz ?? 0)) / 10 +
      Math.abs((point.setting.voltageMv ?? 0) - (best.setting.voltageMv ?? 0)) / 10 +
      Math.abs((point.setting.powerTargetW ?? 0) - (best.setting.powerTargetW ?? 0)) / 100;
    const failed = fingerprint.points.filter((point) => !point.stable).sort((a, b) => distance(a) - distance(b))[0];
    return failed
      ? `; ${describeSetting(failed.setting)} was unstable (${failed.instability ?? 'no reason recorded'})`
      : '';
  }
}
