import { describe, expect, it } from 'vitest';
import { OptimizerSettingsSchema, type OptimizerSettings } from '../../../../src-shared/model/optimizer.js';
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
    asleep: false,
  };
}

/** A power-target rig drawing what it is set to. */
function reading(rigId: string, t: number, watts: number) {
  return observation({ rigId, t, powerW: watts, hashrateThs: wattsToTh(watts), setting: target(watts) });
}

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
