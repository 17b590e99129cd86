import { describe, expect, it } from 'vitest';
import {
  OptimizerSettingsSchema,
  type DeviceSetting,
  type OptimizerSettings,
} from '../../../../src-shared/model/optimizer.js';
import { OptimizerStateSchema, type DeviceRecord, type OptimizerState } from './device-record.js';
import type { NewDecision, TunerTiming } from './device-tuner.js';
import { OptimizerCore, type RigInfo } from './optimizer-core.js';
import { limits, observation, point, target, targetCapabilities, vf, vfCapabilities } from './test-builders.fixture.js';

const METER = { settleMs: 10_000, measureMs: 20_000, minSamples: 3 };
const TIMING: TunerTiming = { frequencyVoltage: METER, powerTarget: METER, lostAfterMs: 30_000 };
const POLL_MS = 5_000;
const T0 = 1_700_000_000_000;

/** An S19-like curve: the most efficient point is 2.5 kW. */
const CURVE = [
  point(target(1500), { powerW: 1500, hashrateThs: 60 }),
  point(target(2500), { powerW: 2500, hashrateThs: 105 }),
  point(target(3300), { powerW: 3300, hashrateThs: 120 }),
];
const wattsToTh = (watts: number) => CURVE.find((p) => p.powerW === watts)?.hashrateThs ?? watts / 25;

function s19(id: string, model = 'S19'): RigInfo {
  return { id, name: id, model, capabilities: targetCapabilities({ min: 1000, max: 3500 }) };
}

/** An S19 whose firmware cannot pause it. */
function sleepless(id: string): RigInfo {
  return { ...s19(id), capabilities: { ...targetCapabilities({ min: 1000, max: 3500 }), pauseResume: false } };
}

const BITAXE: RigInfo = { id: 'rig-x', name: 'Bitaxe', model: 'BM1366', capabilities: vfCapabilities() };

function settings(overrides: Partial<OptimizerSettings>): OptimizerSettings {
  return OptimizerSettingsSchema.parse({ enabled: true, ...overrides });
}

function tunedRecord(rigId: string, lastGoodW: number, model = 'S19'): DeviceRecord {
  return {
    rigId,
    model,
    knob: 'power-target',
    state: 'tuned',
    fingerprints: [
      { rigId, model, knob: 'power-target', version: 1, updatedAt: T0 - 3_600_000, stock: target(3300), points: CURVE },
    ],
    lastGood: target(lastGoodW),
    step: null,
    failure: null,
    revertPending: false,
    revertAttempts: 0,
    asleep: false,
  };
}

/** A Bitaxe part way through its search, measuring a step (its stock point measured). */
function measuringRecord(step: DeviceSetting): DeviceRecord {
  const stock = vf(525, 1200);
  const fingerprint = { rigId: 'rig-x', model: 'BM1366', version: 1, updatedAt: T0, stock };
  return {
    rigId: 'rig-x',
    model: 'BM1366',
    knob: 'frequency-voltage',
    state: 'exploring',
    fingerprints: [
      { ...fingerprint, knob: 'frequency-voltage', points: [point(stock, { hashrateThs: 0.5, powerW: 15 })] },
    ],
    lastGood: stock,
    step: { setting: step, phase: 'measuring', decisionId: null, startedAt: T0 },
    failure: null,
    revertPending: false,
    revertAttempts: 0,
    asleep: false,
  };
}

/** A power-target rig drawing what it is set to. */
function reading(rigId: string, t: number, watts: number) {
  return observation({ rigId, t, powerW: watts, hashrateThs: wattsToTh(watts), setting: target(watts) });
}

/** A decision as the tests compare it. */
const moved = (decision: NewDecision) => ({ rigId: decision.rigId, to: decision.to, sleep: decision.sleep });

describe('OptimizerCore under a site cap', () => {
  it('never lets two exploring devices spend the same headroom', () => {
    const draws = new Map([
      ['rig-a', 2000],
      ['rig-b', 2000],
    ]);
    const core = new OptimizerCore(null, { timing: TIMING, capMargin: 0 });
    core.configure(settings({ objective: 'hashrate', siteCapW: 5600 }), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    const explored: NewDecision[] = [];
    for (let t = T0; t < T0 + 4 * 60_000; t += POLL_MS) {
      core.observe([...draws].map(([id, watts]) => reading(id, t, watts)));
      explored.push(...core.tick(t).decisions);
    }
    // Both finish their baseline at 2 kW and want to try their top (3.5 kW, 1.5 kW more); 1.6 kW is free: room for one.
    expect(explored).toHaveLength(1);
    expect(explored[0]).toMatchObject({ cause: 'explore', to: target(3500) });
  });

  it('sends no rise while a fall is still with the command queue, even with room for it', () => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-a', 3300), tunedRecord('rig-b', 1500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    // Efficiency puts both at 2.5 kW: rig-a falls by 800 W, rig-b rises by 1 kW into the 1 kW that is free.
    core.configure(settings({ objective: 'efficiency', siteCapW: 5800 }), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    let t = T0;
    const round = () => {
      t += POLL_MS;
      core.observe([reading('rig-a', t, 3300), reading('rig-b', t, 1500)]);
      return core.tick(t).decisions;
    };
    const first = round();
    expect(first).toEqual([expect.objectContaining({ rigId: 'rig-a', to: target(2500) })]);
    expect(round()).toEqual([]);
    expect(round()).toEqual([]);
    core.outcomes([{ decisionId: first[0]?.id ?? '', ok: true, message: null }], t);
    expect(round()).toEqual([expect.objectContaining({ rigId: 'rig-b', to: target(2500) })]);
  });

  it('sends a rise only once the fall that makes room for it has shown in the readings', () => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-a', 3300), tunedRecord('rig-b', 1500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    // Efficiency puts both at 2.5 kW: rig-a falls by 800 W, rig-b rises by 1 kW; only 500 W is free until the fall shows.
    core.configure(settings({ objective: 'efficiency', siteCapW: 5300 }), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    const draws = new Map([
      ['rig-a', 3300],
      ['rig-b', 1500],
    ]);
    let t = T0;
    const round = () => {
      t += POLL_MS;
      core.observe([...draws].map(([id, watts]) => reading(id, t, watts)));
      return core.tick(t).decisions;
    };
    const first = round();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ rigId: 'rig-a', to: target(2500) });
    const fall = first[0] as NewDecision;
    expect(round()).toEqual([]); // the fall is still with the command queue
    expect(core.outcomes([{ decisionId: fall.id, ok: true, message: null }], t)).toEqual([]);
    expect(round()).toEqual([]); // applied, but rig-a still reads 3.3 kW
    draws.set('rig-a', 2500);
    expect(round()).toEqual([expect.objectContaining({ rigId: 'rig-b', to: target(2500) })]);
  });

  it("keeps a silent device's power reserved for a while, then gives its budget to the others", () => {
    const downReserveMs = 120_000;
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-a', 2500), tunedRecord('rig-b', 1500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0, downReserveMs });
    // rig-b wants to rise by 1 kW to 2.5 kW; 500 W is free while rig-a's 2.5 kW counts.
    core.configure(settings({ objective: 'efficiency', siteCapW: 4500 }), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    const risesAt: number[] = [];
    const silentFrom = T0 + 30_000;
    for (let t = T0; t <= silentFrom + downReserveMs + 2 * POLL_MS; t += POLL_MS) {
      core.observe(
        t < silentFrom ? [reading('rig-a', t, 2500), reading('rig-b', t, 1500)] : [reading('rig-b', t, 1500)],
      );
      for (const decision of core.tick(t).decisions) if (decision.rigId === 'rig-b') risesAt.push(t);
    }
    expect(risesAt).toHaveLength(1);
    // Not while rig-a may still be running, though it stopped answering long before (lostAfterMs is 30 s); soon after.
    const lastHeard = silentFrom - POLL_MS;
    expect(risesAt[0]).toBeGreaterThan(lastHeard + downReserveMs);
    expect(risesAt[0]).toBeLessThanOrEqual(lastHeard + downReserveMs + POLL_MS);
  });
});

describe('OptimizerCore: devices and their records', () => {
  it('resumes a stored record for the same model, starts afresh for another, and keeps records not yet seen', () => {
    const inFlight: DeviceRecord = {
      ...tunedRecord('rig-a', 2500),
      state: 'exploring',
      step: { setting: target(2000), phase: 'commanding', decisionId: 'lost-with-the-restart', startedAt: T0 - 1000 },
    };
    const state: OptimizerState = {
      version: 1,
      devices: [inFlight, tunedRecord('rig-b', 2500, 'S19'), tunedRecord('rig-c', 2500)],
    };
    const core = new OptimizerCore(state, { timing: TIMING });
    core.configure(settings({}), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b', 'S19j Pro')]);
    const records = new Map(core.state().devices.map((record) => [record.rigId, record]));
    // The step whose command was in flight is asked for again rather than waited on.
    expect(records.get('rig-a')).toMatchObject({ state: 'exploring', step: null, fingerprints: inFlight.fingerprints });
    expect(records.get('rig-b')).toMatchObject({ model: 'S19j Pro', state: 'idle', fingerprints: [] });
    expect(records.get('rig-c')).toEqual(tunedRecord('rig-c', 2500)); // not in the fleet yet: kept as it was
    expect(core.fingerprint('rig-c', undefined, T0).fingerprint?.version).toBe(1);
    expect(core.status(T0).devices.map((device) => device.rigId)).toEqual(['rig-a', 'rig-b']);
  });

  it('drops a rig removed from the fleet', () => {
    const core = new OptimizerCore(null, { timing: TIMING });
    core.configure(settings({}), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    core.markSaved();
    core.syncRigs([s19('rig-a')]);
    expect(core.status(T0).devices.map((device) => device.rigId)).toEqual(['rig-a']);
    expect(core.state().devices.map((record) => record.rigId)).toEqual(['rig-a']);
    expect(core.unsaved).toBe(true);
  });

  it('saves a state that reads back the same, unstable points included', () => {
    const bitaxe: RigInfo = { id: 'rig-x', name: 'Bitaxe', model: 'BM1366', capabilities: vfCapabilities() };
    const core = new OptimizerCore(null, { timing: TIMING });
    core.configure(settings({ objective: 'efficiency' }), limits(), T0);
    core.syncRigs([bitaxe, s19('rig-a')]);
    let setting = vf(525, 1200);
    let hashing = true;
    let s19W = 3300;
    for (let t = T0; t < T0 + 5 * 60_000; t += POLL_MS) {
      core.observe([
        observation({ rigId: 'rig-x', t, setting, powerW: 15, hashrateThs: hashing ? 0.5 : 0 }),
        reading('rig-a', t, s19W),
      ]);
      for (const decision of core.tick(t).decisions) {
        if (decision.rigId === 'rig-x') {
          setting = decision.to;
          hashing = false; // the chip stops hashing at the first step down: a point with no hashrate at all
        } else {
          s19W = decision.to.powerTargetW ?? s19W;
        }
        core.outcomes([{ decisionId: decision.id, ok: true, message: null }], t);
      }
    }
    const saved = core.state();
    const points = saved.devices.find((record) => record.rigId === 'rig-x')?.fingerprints[0]?.points ?? [];
    expect(points.some((p) => !p.stable && p.hashrateThs === 0)).toBe(true);
    // Through JSON, as the state file keeps it.
    const loaded = OptimizerStateSchema.parse(JSON.parse(JSON.stringify(saved)));
    expect(loaded).toEqual(saved);
    const again = new OptimizerCore(loaded, { timing: TIMING });
    again.syncRigs([bitaxe, s19('rig-a')]);
    expect(again.state()).toEqual(loaded);
  });
});

describe('OptimizerCore: excluded rigs', () => {
  it('never moves an excluded tuned rig, though the cap would move it, and counts its draw', () => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-a', 3300), tunedRecord('rig-b', 3300)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    core.configure(settings({ objective: 'hashrate', siteCapW: 5000, excludedRigs: ['rig-a'] }), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    const t = T0 + POLL_MS;
    core.observe([reading('rig-a', t, 3300), reading('rig-b', t, 3300)]);
    // rig-a's 3.3 kW stays: rig-b alone comes down, to the 1.5 kW that fits beside it.
    expect(core.tick(t).decisions.map(moved)).toEqual([{ rigId: 'rig-b', to: target(1500), sleep: null }]);
  });

  it('never moves an excluded tuned rig when time of use would put it to sleep', () => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-a', 2500), tunedRecord('rig-b', 2500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    // At 1.00/kWh no point pays for its power.
    const tou = settings({ timeOfUse: true, flatPricePerKwh: 1, excludedRigs: ['rig-a'] });
    core.configure(tou, limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    const t = T0 + POLL_MS;
    core.observe([reading('rig-a', t, 2500), reading('rig-b', t, 2500)]);
    expect(core.tick(t).decisions.map(moved)).toEqual([{ rigId: 'rig-b', to: target(2500), sleep: true }]);
  });

  it('never sheds an excluded untuned rig, and sheds the others by its draw too', () => {
    const core = new OptimizerCore(null, { timing: TIMING, capMargin: 0 });
    core.configure(settings({ siteCapW: 3000, excludedRigs: ['rig-a'] }), limits(), T0);
    core.syncRigs([s19('rig-a'), s19('rig-b')]);
    const draws = new Map([
      ['rig-a', 2000],
      ['rig-b', 2000],
    ]);
    const decisions: NewDecision[] = [];
    for (let t = T0 + POLL_MS; t <= T0 + 6 * POLL_MS; t += POLL_MS) {
      core.observe([...draws].map(([id, watts]) => reading(id, t, watts)));
      for (const decision of core.tick(t).decisions) {
        decisions.push(decision);
        draws.set(decision.rigId, decision.to.powerTargetW ?? 0);
        core.outcomes([{ decisionId: decision.id, ok: true, message: null }], t);
      }
    }
    // 1 kW over: all of it from rig-b, 2 kW down to 1 kW.
    expect(decisions.map(moved)).toEqual([{ rigId: 'rig-b', to: target(1000), sleep: null }]);
  });
});

describe('OptimizerCore: power it can only estimate', () => {
  it('counts an estimated draw under the cap and in the site power, and does not tune that rig', () => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-b', 1500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    core.configure(settings({ objective: 'efficiency', siteCapW: 5000 }), limits(), T0);
    core.syncRigs([s19('rig-e'), s19('rig-b')]);
    const decisions: NewDecision[] = [];
    let site = core.status(T0).site;
    for (let t = T0 + POLL_MS; t <= T0 + 5 * POLL_MS; t += POLL_MS) {
      const estimated = observation({
        rigId: 'rig-e',
        t,
        powerW: null,
        estimatedPowerW: 3000,
        hashrateThs: 100,
        setting: target(3000),
      });
      core.observe([estimated, reading('rig-b', t, 1500)]);
      const result = core.tick(t);
      decisions.push(...result.decisions);
      site = result.site;
    }
    // rig-b would rise to its best point (2.5 kW), but with rig-e's 3 kW that is over the 5 kW cap.
    expect(decisions).toEqual([]);
    expect(site.measuredPowerW).toBe(4500);
    const rigE = core.status(T0 + 5 * POLL_MS).devices.find((device) => device.rigId === 'rig-e');
    expect(rigE).toMatchObject({ state: 'unsupported' });
    expect(rigE?.activity).toContain('no measured power');
  });
});

describe('OptimizerCore: a cap the site cannot meet', () => {
  const run = (rigs: RigInfo[], siteCapW: number | null) => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-a', 2500), tunedRecord('rig-b', 2500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    core.configure(settings({ objective: 'efficiency', siteCapW }), limits(), T0);
    core.syncRigs(rigs);
    const t = T0 + POLL_MS;
    core.observe([reading('rig-a', t, 2500), reading('rig-b', t, 2500)]);
    return core.tick(t);
  };

  it('puts devices to sleep until the site fits, and says it fits', () => {
    // Both at their lowest (1.5 kW) are 3 kW, over 2 kW: one sleeps, the other runs at its lowest point.
    const result = run([s19('rig-a'), s19('rig-b')], 2000);
    expect(result.decisions.map(moved)).toEqual([
      { rigId: 'rig-a', to: target(2500), sleep: true },
      { rigId: 'rig-b', to: target(1500), sleep: null },
    ]);
    expect(result.site.capFeasible).toBe(true);
  });

  it('says the cap cannot be met when devices that cannot sleep are over it at their lowest points', () => {
    const result = run([sleepless('rig-a'), sleepless('rig-b')], 2000);
    expect(result.decisions.map(moved)).toEqual([
      { rigId: 'rig-a', to: target(1500), sleep: null },
      { rigId: 'rig-b', to: target(1500), sleep: null },
    ]);
    expect(result.site.capFeasible).toBe(false);
  });

  it('has no answer for the cap without one', () => {
    expect(run([s19('rig-a'), s19('rig-b')], null).site.capFeasible).toBeNull();
  });
});

describe('OptimizerCore: shedding untuned devices', () => {
  it('sheds only what is still over once tuned devices are planned down in the same round', () => {
    const state: OptimizerState = { version: 1, devices: [tunedRecord('rig-t', 2500)] };
    const core = new OptimizerCore(state, { timing: TIMING, capMargin: 0 });
    core.configure(settings({ objective: 'efficiency', siteCapW: 5000 }), limits(), T0);
    core.syncRigs([sleepless('rig-t'), s19('rig-u1'), s19('rig-u2')]);
    const t = T0 + POLL_MS;
    core.observe([reading('rig-t', t, 2500), reading('rig-u1', t, 2000), reading('rig-u2', t, 2000)]);
    // 6.5 kW against 5 kW: rig-t goes to its lowest point (1 kW less), leaving 500 W for the untuned two to shed.
    expect(core.tick(t).decisions.map(moved)).toEqual([
      { rigId: 'rig-t', to: target(1500), sleep: null },
      { rigId: 'rig-u1', to: target(1750), sleep: null },
      { rigId: 'rig-u2', to: target(1750), sleep: null },
    ]);
  });

  it('sheds a device once, and again only after a reading taken since', () => {
    const core = new OptimizerCore(null, { timing: TIMING, capMargin: 0 });
    // Even at its least (1 kW) the device is over the cap: the site stays over after the shed.
    core.configure(settings({ siteCapW: 900 }), limits(), T0);
    core.syncRigs([s19('rig-u')]);
    let t = T0 + POLL_MS;
    core.observe([reading('rig-u', t, 3000)]);
    const shed = core.tick(t).decisions;
    expect(shed.map(moved)).toEqual([{ rigId: 'rig-u', to: target(1000), sleep: null }]);
    core.outcomes([{ decisionId: shed[0]?.id ?? '', ok: true, message: null }], t);
    t += POLL_MS;
    expect(core.tick(t).decisions).toEqual([]); // no reading since the shed
    t += POLL_MS;
    expect(core.tick(t).decisions).toEqual([]);
    core.observe([reading('rig-u', t, 3000)]); // a reading after it, and the change does not show
    t += POLL_MS;
    expect(core.tick(t).decisions.map(moved)).toEqual([{ rigId: 'rig-u', to: target(1000), sleep: null }]);
  });
});

describe('OptimizerCore: a device that stops answering', () => {
  const silentFor = (ms: number, pollIntervalMs?: number) => {
    const core = new OptimizerCore({ version: 1, devices: [measuringRecord(vf(500, 1200))] }, { timing: TIMING });
    if (pollIntervalMs === undefined) core.configure(settings({}), limits(), T0);
    else core.configure(settings({}), limits(), T0, pollIntervalMs);
    core.syncRigs([BITAXE]);
    core.observe([observation({ rigId: 'rig-x', t: T0, setting: vf(500, 1200) })]);
    core.tick(T0 + ms);
    return core.state().devices[0];
  };

  it('is lost only after missing a few polls at the poll interval set', () => {
    expect(silentFor(120_000, 60_000)).toMatchObject({ state: 'exploring', failure: null });
    const lost = silentFor(120_000);
    expect(lost).toMatchObject({ state: 'failed', revertPending: true });
    expect(lost?.failure).toContain('stopped answering');
  });
});
