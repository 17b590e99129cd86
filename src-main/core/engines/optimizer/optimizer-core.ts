// The optimizer's whole state and its planning round, free of threads and timers: the worker runs it, and tests drive
// it directly. Each tick: every device's tuner takes its next step (within the site cap's headroom), then the site
// plan moves tuned devices along their curves (objective, time of use, heat, power cap). Power the site is committed
// to is counted as the larger of what each device draws and what it was last told to draw, so two devices never
// spend the same headroom and a rise is never sent before the falls that make room for it have shown.
import type { Capabilities, OperatorLimits } from '../../../../src-shared/model/control.js';
import type {
  DeviceSetting,
  DeviceTuning,
  FingerprintResult,
  OptimizerSettings,
  SiteState,
} from '../../../../src-shared/model/optimizer.js';
import { defaultOptimizerSettings } from '../../../../src-shared/model/optimizer.js';
import { DeviceTuner, DEFAULT_TUNER_TIMING, type NewDecision, type TunerTiming } from './device-tuner.js';
import type { OptimizerState } from './device-record.js';
import { CoolingEstimate } from './cooling.js';
import type { ObjectiveContext } from './objective.js';
import type { Observation } from './observation.js';
import { planSite, type PlanDevice } from './site-plan.js';
import { searchSpaceFor, sameSetting, type SearchSpace } from './search-space.js';
import { priceAt } from './time-of-use.js';
import { describeSetting } from './describe.js';
import { formatPower } from '../../../../src-shared/units.js';
import { predictPowerW } from './vf-search.js';

export interface RigInfo {
  id: string;
  name: string;
  model: string;
  capabilities: Capabilities;
}

export interface CommandOutcome {
  decisionId: string;
  ok: boolean;
  message: string | null;
}

export interface CoreOptions {
  timing?: TunerTiming;
  /** How far under the cap the site is planned (0.02: 2 %). */
  capMargin?: number;
  /** How long a silent device's last power stays reserved under the cap (default 10 min). */
  downReserveMs?: number;
}

export interface TickResult {
  decisions: NewDecision[];
  /** Devices whose view changed since the last tick. */
  devices: DeviceTuning[];
  site: SiteState;
}

interface Device {
  tuner: DeviceTuner;
  info: RigInfo;
  space: SearchSpace | null;
  cooling: CoolingEstimate;
}

export class OptimizerCore {
  private settings: OptimizerSettings = defaultOptimizerSettings();
  private limits: OperatorLimits | null = null;
  private readonly devices = new Map<string, Device>();
  /** Stored records of devices not seen yet this run (the fleet lists them once it loads). */
  private readonly stored = new Map<string, OptimizerState['devices'][number]>();
  /** What each device was last told to draw, by the decision that told it. */
  private readonly expectedW = new Map<string, number>();
  /** When each device was last told to change (its reading before then does not show the change yet). */
  private readonly toldAt = new Map<string, number>();
  private readonly timing: TunerTiming;
  private readonly capMargin: number;
  private readonly downReserveMs: number;
  private lostAfterMs: number;
  private lastDecisionMs: number | null = null;
  private lastPlan: { plannedPowerW: number; plannedHashrateThs: number; feasible: boolean } | null = null;
  private readonly decisionOwners = new Map<string, string>();
  private dirty = false;

  constructor(state: OptimizerState | null, options: CoreOptions = {}) {
    for (const record of state?.devices ?? []) this.stored.set(record.rigId, record);
    this.timing = options.timing ?? DEFAULT_TUNER_TIMING;
    this.capMargin = options.capMargin ?? 0.02;
    this.downReserveMs = options.downReserveMs ?? 10 * 60_000;
    this.lostAfterMs = this.timing.lostAfterMs;
  }

  configure(settings: OptimizerSettings, limits: OperatorLimits, now: number, pollIntervalMs = 5000): void {
    // A device is lost after missing a few polls, however long the operator's poll interval is.
    this.lostAfterMs = Math.max(this.timing.lostAfterMs, 3 * pollIntervalMs);
    const before = this.settings.thermal;
    for (const device of this.devices.values()) {
      const id = device.info.id;
      const was = before.intakeByRig[id] ?? before.defaultIntakeC;
      const is = settings.thermal.intakeByRig[id] ?? settings.thermal.defaultIntakeC;
      if (was !== is) device.cooling.reset(now);
    }
    this.settings = settings;
    this.limits = limits;
    for (const device of this.devices.values()) device.space = this.spaceOf(device.info);
  }

  /** The fleet as it is now: new rigs get a tuner (their stored record if any), removed ones are dropped. */
  syncRigs(rigs: readonly RigInfo[]): void {
    const seen = new Set<string>();
    for (const info of rigs) {
      seen.add(info.id);
      const existing = this.devices.get(info.id);
      if (existing) {
        existing.info = info;
        existing.tuner.rigName = info.name;
        existing.space = this.spaceOf(info);
        continue;
      }
      const stored = this.stored.get(info.id);
      this.stored.delete(info.id);
      const tuner =
        stored && stored.model === info.model
          ? new DeviceTuner(resumed(stored), info.name)
          : DeviceTuner.fresh(info.id, info.model, info.name);
      this.devices.set(info.id, { tuner, info, space: this.spaceOf(info), cooling: new CoolingEstimate() });
    }
    for (const id of [...this.devices.keys()]) {
      if (!seen.has(id)) {
        this.devices.delete(id);
        for (const [decisionId, owner] of this.decisionOwners) if (owner === id) this.decisionOwners.delete(decisionId);
        this.expectedW.delete(id);
        this.toldAt.delete(id);
        this.dirty = true;
      }
    }
  }

  observe(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const device = this.devices.get(observation.rigId);
      if (!device) continue;
      device.tuner.observe(observation);
      const intakeC = this.intakeOf(device.info.id);
      device.cooling.observe(observation.t, observation.chipTempC, observation.powerW, intakeC);
    }
  }

  private intakeOf(rigId: string): number {
    const { thermal } = this.settings;
    return thermal.intakeByRig[rigId] ?? thermal.defaultIntakeC;
  }

  outcomes(results: readonly CommandOutcome[], now: number): NewDecision[] {
    const follow: NewDecision[] = [];
    for (const result of results) {
      const rigId = this.decisionOwners.get(result.decisionId);
      this.decisionOwners.delete(result.decisionId);
      const device = rigId === undefined ? undefined : this.devices.get(rigId);
      const next = device?.tuner.outcome(result.decisionId, result.ok, result.message, now);
      if (device && next) {
        this.expect(device, next);
        follow.push(next);
      }
    }
    this.own(follow);
    if (results.length > 0) this.dirty = true;
    return follow;
  }

  /** Which device each decision in flight belongs to, so its outcome finds it at once. */
  private own(decisions: readonly NewDecision[]): void {
    for (const decision of decisions) this.decisionOwners.set(decision.id, decision.rigId);
  }

  retune(rigIds: readonly string[]): void {
    for (const id of rigIds) this.devices.get(id)?.tuner.retune();
    this.dirty = true;
  }

  /** Something worth saving changed since markSaved(). */
  get unsaved(): boolean {
    return this.dirty;
  }

  markSaved(): void {
    this.dirty = false;
  }

  tick(now: number): TickResult {
    const started = performance.now();
    const objective = this.objectiveAt(now);
    const budgetW = this.settings.siteCapW === null ? Infinity : this.settings.siteCapW * (1 - this.capMargin);
    let committedW = this.committedW(now);
    const decisions: NewDecision[] = [];
    const excluded = new Set(this.settings.excludedRigs);
    const rules = { maxHashLoss: 0.015, maxChipTempC: this.limits?.maxChipTempC ?? 95 };
    const timing = { ...this.timing, lostAfterMs: this.lostAfterMs };
    for (const device of this.devices.values()) {
      const { record } = device.tuner;
      const points = device.tuner.fingerprint?.points.length ?? 0;
      const { state, revertPending } = record;
      const decision = device.tuner.tick({
        now,
        enabled: this.settings.enabled && !excluded.has(device.info.id),
        space: device.space,
        objective,
        rules,
        timing,
        headroomW: Math.max(0, budgetW - committedW),
      });
      // A new point, a new state or a revert now owed must reach the state file, command or not.
      if (
        (device.tuner.fingerprint?.points.length ?? 0) !== points ||
        record.state !== state ||
        record.revertPending !== revertPending
      ) {
        this.dirty = true;
      }
      if (decision) {
        committedW += Math.max(0, this.expect(device, decision) - this.drawW(device, now));
        decisions.push(decision);
        this.dirty = true;
      }
    }
    this.lastPlan = this.settings.enabled ? this.plan(now, objective, budgetW, decisions) : null;
    if (this.settings.enabled) this.shedUntuned(now, budgetW, decisions);
    this.own(decisions);
    this.lastDecisionMs = performance.now() - started;
    const devices: DeviceTuning[] = [];
    for (const device of this.devices.values()) {
      if (device.tuner.takeChanged()) devices.push(device.tuner.view({ now, objective }));
    }
    return { decisions, devices, site: this.site(now, objective) };
  }

  status(now: number): { site: SiteState; devices: DeviceTuning[] } {
    const objective = this.objectiveAt(now);
    return {
      site: this.site(now, objective),
      devices: [...this.devices.values()].map((device) => device.tuner.view({ now, objective })),
    };
  }

  fingerprint(rigId: string, version: number | undefined, now: number): FingerprintResult {
    const device = this.devices.get(rigId);
    const record = device?.tuner.record ?? this.stored.get(rigId);
    const fingerprints = record?.fingerprints ?? [];
    const fingerprint =
      version === undefined
        ? (fingerprints[fingerprints.length - 1] ?? null)
        : (fingerprints.find((candidate) => candidate.version === version) ?? null);
    const view = device?.tuner.view({ now, objective: this.objectiveAt(now) });
    return {
      fingerprint,
      versions: fingerprints.map((f) => ({ version: f.version, updatedAt: f.updatedAt, points: f.points.length })),
      current: view?.current ?? null,
      best: view?.best ?? null,
    };
  }

  state(): OptimizerState {
    return {
      version: 1,
      devices: [...[...this.devices.values()].map((device) => device.tuner.record), ...this.stored.values()],
    };
  }

  private spaceOf(info: RigInfo): SearchSpace | null {
    return this.limits ? searchSpaceFor(info.model, info.capabilities, this.limits) : null;
  }

  private objectiveAt(now: number): ObjectiveContext {
    const { tariff, flatPricePerKwh, revenuePerThDay, objective, devicePowerBudgetW } = this.settings;
    return {
      objective,
      powerBudgetW: devicePowerBudgetW,
      revenuePerThHour: revenuePerThDay / 24,
      pricePerKwh: tariff ? priceAt(tariff, now) : flatPricePerKwh,
    };
  }

  private fresh(device: Device, now: number): Observation | null {
    const latest = device.tuner.latest;
    return latest && now - latest.t <= this.lostAfterMs ? latest : null;
  }

  /** What a device draws now: measured, else the firmware's estimate (a rig without a power reading still draws). */
  private drawW(device: Device, now: number): number {
    const latest = this.fresh(device, now);
    return latest?.powerW ?? latest?.estimatedPowerW ?? 0;
  }

  /**
   * Power the site is committed to: per device the larger of what it draws and what it was told to draw. A device
   * that stops answering may still be running (a network fault), so its last figure stays reserved for a while
   * before its budget goes to the others.
   */
  private committedW(now: number): number {
    let total = 0;
    for (const device of this.devices.values()) {
      const latest = device.tuner.latest;
      const silentMs = latest ? now - latest.t : Infinity;
      const last = Math.max(latest?.powerW ?? latest?.estimatedPowerW ?? 0, this.expectedW.get(device.info.id) ?? 0);
      if (silentMs <= this.downReserveMs) total += last;
    }
    return total;
  }

  /** Records what a decision will make the device draw; returns it. */
  private expect(device: Device, decision: NewDecision): number {
    const watts = decision.sleep === true ? 0 : this.predictW(device, decision.to);
    this.expectedW.set(device.info.id, watts);
    this.toldAt.set(device.info.id, decision.at);
    return watts;
  }

  /**
   * Where the site is heading: a device told to change since its last reading counts at what it was told (a fall
   * decided this round already makes room), the others at the larger of what they draw and were told.
   */
  private projectedW(now: number): number {
    let total = 0;
    for (const device of this.devices.values()) {
      const latest = device.tuner.latest;
      if (!latest || now - latest.t > this.downReserveMs) continue;
      const expected = this.expectedW.get(device.info.id);
      const told = this.toldAt.get(device.info.id) ?? -Infinity;
      const draw = latest.powerW ?? latest.estimatedPowerW ?? 0;
      total += expected !== undefined && told >= latest.t ? expected : Math.max(draw, expected ?? 0);
    }
    return total;
  }

  private predictW(device: Device, setting: DeviceSetting): number {
    if (setting.powerTargetW !== null) return setting.powerTargetW;
    const points = device.tuner.fingerprint?.points ?? [];
    const measured = points.find((point) => point.stable && sameSetting(point.setting, setting));
    if (measured) return measured.powerW;
    const basis = points.find((point) => point.powerW > 0) ?? null;
    if (!basis || setting.frequencyMhz === null || setting.voltageMv === null) {
      return device.tuner.latest?.powerW ?? 0;
    }
    return predictPowerW(basis, setting.frequencyMhz, setting.voltageMv);
  }

  private plan(now: number, objective: ObjectiveContext, budgetW: number, decisions: NewDecision[]) {
    const planDevices: PlanDevice[] = [];
    const byId = new Map<string, Device>();
    let plannedDrawW = 0;
    const { thermal } = this.settings;
    const excluded = new Set(this.settings.excludedRigs);
    for (const device of this.devices.values()) {
      // An excluded device is left where it is; its draw counts as fixed.
      if (excluded.has(device.info.id)) continue;
      const points = device.tuner.plannable(device.space);
      if (points.length === 0) continue;
      const latest = this.fresh(device, now);
      if (!latest) continue;
      byId.set(device.info.id, device);
      plannedDrawW += Math.max(this.drawW(device, now), this.expectedW.get(device.info.id) ?? 0);
      const lastGood = device.tuner.record.lastGood;
      const currentIndex = points.findIndex((point) => sameSetting(point.setting, lastGood));
      planDevices.push({
        id: device.info.id,
        points,
        canSleep: device.info.capabilities.pauseResume,
        currentIndex: currentIndex >= 0 ? currentIndex : null,
        kelvinPerWatt: device.cooling.kelvinPerWatt(),
        intakeC: this.intakeOf(device.info.id),
      });
    }
    const committedW = this.committedW(now);
    // Devices the plan cannot move still hash: the site's planned total counts what they do now.
    let fixedHashrateThs = 0;
    for (const device of this.devices.values()) {
      if (!byId.has(device.info.id)) fixedHashrateThs += this.fresh(device, now)?.hashrateThs ?? 0;
    }
    const plan = planSite({
      devices: planDevices,
      fixedPowerW: Math.max(0, committedW - plannedDrawW),
      objective,
      capW: this.settings.siteCapW,
      capMargin: this.capMargin,
      timeOfUse: this.settings.timeOfUse,
      thermal: thermal.enabled ? { targetChipC: thermal.targetChipC } : null,
    });
    // Falls first; rises only while no fall is still on its way, and only into headroom that has shown.
    const moves = planDevices.flatMap((planDevice) => {
      const device = byId.get(planDevice.id);
      const choice = plan.choices.get(planDevice.id);
      if (!device || !choice) return [];
      const point = choice.index === null ? null : planDevice.points[choice.index];
      const targetW = point?.powerW ?? 0;
      const deltaW = targetW - Math.max(this.drawW(device, now), this.expectedW.get(planDevice.id) ?? 0);
      return [{ device, choice, point, deltaW }];
    });
    moves.sort((a, b) => a.deltaW - b.deltaW);
    let headroomW = budgetW - committedW;
    let fallsInFlight = [...byId.values()].some((device) => device.tuner.busy);
    for (const move of moves) {
      if (move.deltaW > 0 && (fallsInFlight || move.deltaW > headroomW)) continue;
      const to = move.point?.setting ?? move.device.tuner.record.lastGood;
      if (!to) continue;
      const decision = move.device.tuner.moveTo(to, move.point === null, move.choice.cause, move.choice.reason(), now);
      if (!decision) continue;
      this.expect(move.device, decision);
      decisions.push(decision);
      if (move.deltaW < 0) fallsInFlight = true;
      headroomW -= Math.max(0, move.deltaW);
      this.dirty = true;
    }
    return { ...plan, plannedHashrateThs: plan.plannedHashrateThs + fixedHashrateThs };
  }

  /**
   * Still over the cap after the plan (devices not tuned yet draw what they drew before Rigwise came): lower each of
   * them in proportion to its draw, by its power target, or by its clock at the same voltage (always stable).
   */
  private shedUntuned(now: number, budgetW: number, decisions: NewDecision[]): void {
    const excessW = this.projectedW(now) - budgetW;
    if (!(excessW > 0)) return;
    const excluded = new Set(this.settings.excludedRigs);
    const candidates = [...this.devices.values()].filter((device) => {
      const state = device.tuner.record.state;
      const latest = this.fresh(device, now);
      return (
        device.space !== null &&
        !excluded.has(device.info.id) &&
        (state === 'idle' || state === 'baseline' || state === 'exploring') &&
        !device.tuner.busy &&
        (latest?.powerW ?? 0) > 0 &&
        // Shed once, then wait for a reading that shows it before shedding it again.
        (latest?.t ?? 0) > (this.toldAt.get(device.info.id) ?? -Infinity)
      );
    });
    const totalW = candidates.reduce((sum, device) => sum + (device.tuner.latest?.powerW ?? 0), 0);
    if (totalW <= 0) return;
    const factor = Math.max(0, 1 - excessW / totalW);
    const capW = this.settings.siteCapW ?? 0;
    for (const device of candidates) {
      const to = shedSetting(device, factor);
      if (!to) continue;
      const reason = `Site cap ${formatPower(capW)}: the site needs ${formatPower(excessW)} less before this device is tuned; lowered to ${describeSetting(to)}, tuning starts again from there`;
      const decision = device.tuner.shed(to, reason, now);
      if (!decision) continue;
      this.expect(device, decision);
      decisions.push(decision);
      this.dirty = true;
    }
  }

  private site(now: number, objective: ObjectiveContext): SiteState {
    const plan = this.lastPlan;
    let measuredPowerW = 0;
    let measuredHashrateThs = 0;
    let tuned = 0;
    let exploring = 0;
    let failed = 0;
    for (const device of this.devices.values()) {
      const latest = this.fresh(device, now);
      measuredPowerW += latest?.powerW ?? latest?.estimatedPowerW ?? 0;
      measuredHashrateThs += latest?.hashrateThs ?? 0;
      const state = device.tuner.record.state;
      if (state === 'tuned') tuned += 1;
      else if (state === 'exploring' || state === 'baseline') exploring += 1;
      else if (state === 'failed') failed += 1;
    }
    return {
      enabled: this.settings.enabled,
      objective: this.settings.objective,
      capW: this.settings.siteCapW,
      measuredPowerW,
      plannedPowerW: plan?.plannedPowerW ?? null,
      plannedHashrateThs: plan?.plannedHashrateThs ?? null,
      capFeasible: this.settings.siteCapW === null ? null : (plan?.feasible ?? null),
      measuredHashrateThs,
      pricePerKwh: objective.pricePerKwh,
      currency: this.settings.tariff?.currency ?? 'USD',
      devicesTuned: tuned,
      devicesExploring: exploring,
      devicesFailed: failed,
      lastDecisionMs: this.lastDecisionMs,
      at: now,
    };
  }
}

function shedSetting(device: Device, factor: number): DeviceSetting | null {
  const space = device.space;
  const latest = device.tuner.latest;
  if (!space || !latest) return null;
  if (space.knob === 'power-target') {
    const { min, step } = space.power;
    const wanted = (latest.powerW ?? 0) * factor;
    const watts = Math.max(min, min + Math.floor((wanted - min) / step) * step);
    return watts < (latest.setting.powerTargetW ?? latest.powerW ?? Infinity)
      ? { frequencyMhz: null, voltageMv: null, powerTargetW: watts }
      : null;
  }
  const { frequencyMhz, voltageMv } = latest.setting;
  if (frequencyMhz === null || voltageMv === null) return null;
  const mhz = Math.max(space.frequency.min, Math.floor(frequencyMhz * factor));
  return mhz < frequencyMhz ? { frequencyMhz: mhz, voltageMv, powerTargetW: null } : null;
}

/** A stored record as this run resumes it: a step whose command was in flight is asked for again. */
function resumed(record: OptimizerState['devices'][number]): OptimizerState['devices'][number] {
  const step = record.step;
  if (step?.phase !== 'commanding') return record;
  return { ...record, step: null };
}
