// The optimizer's safety on simulated Bitaxes in simulated time (127.0.46.x): it never steps outside the operator's
// limits, a device lost mid-step is reverted to its last good settings and marked failed, and a restart of the engine
// resumes each search where it was (fingerprints and steps are kept in the data folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../src-shared/model/control.js';
import type { OptimizerDecision } from '../../../../src-shared/model/optimizer.js';
import { startSimulatedTuning, type SimulatedTuning } from '../../../testing/simulated-tuning.js';

const GAMMA = 'Bitaxe Gamma (BM1370)';
let sim: SimulatedTuning | null = null;

afterEach(async () => {
  await sim?.stop();
  sim = null;
});

describe('the optimizer, safely', () => {
  it('never sets a device outside the operator limits, in any poll', { timeout: 120_000 }, async () => {
    sim = await startSimulatedTuning({
      axe: { count: 4, firstHost: '127.0.46.10', models: ['Bitaxe Gamma'] },
      limits: { models: { [GAMMA]: { minVoltageMv: 1060, maxFrequencyMhz: 550 } } },
      settings: { objective: 'hashrate' },
    });
    const audit: AuditEntry[] = [];
    sim.engine.events.subscribe((event, data) => {
      if (event === 'audit.recorded') audit.push(data as AuditEntry);
    });
    const seen = { minVoltage: Infinity, maxFrequency: 0 };
    const rigs = sim.axe?.rigs ?? [];
    await sim.run(60 * 60_000, () => {
      for (const rig of rigs) {
        const state = rig.readState();
        seen.minVoltage = Math.min(seen.minVoltage, state.voltageMv);
        seen.maxFrequency = Math.max(seen.maxFrequency, state.frequencyMhz);
      }
    });
    expect(seen.minVoltage).toBeGreaterThanOrEqual(1060);
    expect(seen.maxFrequency).toBeLessThanOrEqual(550);
    // It explored up to the limits (so the limits were what held it), and never even asked beyond them.
    expect(seen.maxFrequency).toBe(550);
    expect(audit.filter((entry) => entry.result === 'refused')).toEqual([]);
    const status = await sim.engine.optimizer.status();
    expect(status.devices.map((device) => device.state)).toEqual(['tuned', 'tuned', 'tuned', 'tuned']);
  });

  it(
    'reverts a device that fails mid-step to its last good settings and marks it failed',
    { timeout: 120_000 },
    async () => {
      sim = await startSimulatedTuning({ axe: { count: 2, firstHost: '127.0.46.20', models: ['Bitaxe Gamma'] } });
      const decisions: OptimizerDecision[] = [];
      sim.engine.events.subscribe((event, data) => {
        if (event === 'optimizer.decision') decisions.push(data as OptimizerDecision);
      });
      await sim.run(12 * 60_000);
      const [lost, other] = sim.axe?.rigs ?? [];
      if (!lost || !other) throw new Error('two rigs expected');
      const lostId = `${lost.host}:${lost.port}`;
      const before = (await sim.engine.optimizer.status()).devices.find((device) => device.rigId === lostId);
      expect(before?.state).toBe('exploring');
      // Mid-step, the rig drops off the network for two minutes (its settings stay as they were).
      await lost.injectFault({ kind: 'unreachable' });
      await sim.run(2 * 60_000);
      await lost.clearFault('unreachable');
      await sim.run(60_000);
      const after = (await sim.engine.optimizer.status()).devices.find((device) => device.rigId === lostId);
      const lastGood = (await sim.engine.optimizer.fingerprint(lostId, undefined)).fingerprint?.points
        .filter((point) => point.stable)
        .at(-1)?.setting;
      expect(lastGood).toBeDefined();
      expect(after?.state).toBe('failed');
      expect(after?.failure).toMatch(/stopped answering during a step|could not be reached/);
      const revert = decisions.filter((decision) => decision.rigId === lostId && decision.cause === 'revert').at(-1);
      expect(revert?.outcome).toBe('applied');
      expect(revert?.to).toEqual(lastGood);
      const state = lost.readState();
      expect({ frequencyMhz: state.frequencyMhz, voltageMv: state.voltageMv, powerTargetW: null }).toEqual(lastGood);
      // A failed device stays where it was put until the operator retunes it; the other one carries on.
      await sim.run(50 * 60_000);
      const end = await sim.engine.optimizer.status();
      expect(end.devices.find((device) => device.rigId === lostId)?.state).toBe('failed');
      expect(end.devices.find((device) => device.rigId !== lostId)?.state).toBe('tuned');
      expect(lost.readState().voltageMv).toBe(lastGood?.voltageMv);
      await sim.engine.optimizer.retune([lostId]);
      await sim.run(5 * 60_000);
      const retuned = (await sim.engine.optimizer.status()).devices.find((device) => device.rigId === lostId);
      expect(['baseline', 'exploring']).toContain(retuned?.state);
      expect(retuned?.fingerprintVersion).toBe(2);
    },
  );

  it(
    'brings a device whose stock settings are outside the limits inside them first',
    { timeout: 120_000 },
    async () => {
      sim = await startSimulatedTuning({
        axe: { count: 2, firstHost: '127.0.46.40', models: ['Bitaxe Gamma'] },
        limits: { models: { [GAMMA]: { maxFrequencyMhz: 500, maxVoltageMv: 1120 } } }, // stock: 525 MHz, 1,150 mV
      });
      const audit: AuditEntry[] = [];
      sim.engine.events.subscribe((event, data) => {
        if (event === 'audit.recorded') audit.push(data as AuditEntry);
      });
      await sim.run(60 * 60_000);
      expect(audit.filter((entry) => entry.result === 'refused').map((entry) => entry.message)).toEqual([]);
      for (const rig of sim.axe?.rigs ?? []) {
        const state = rig.readState();
        expect(state.frequencyMhz).toBeLessThanOrEqual(500);
        expect(state.voltageMv).toBeLessThanOrEqual(1120);
      }
      const status = await sim.engine.optimizer.status();
      expect(status.devices.map((device) => device.state)).toEqual(['tuned', 'tuned']);
    },
  );

  it('resumes each search after an engine restart, from the points it had', { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-optimizer-'));
    try {
      sim = await startSimulatedTuning({
        axe: { count: 2, firstHost: '127.0.46.30', models: ['NerdQAxe++'] },
        dataDir,
      });
      await sim.run(15 * 60_000);
      const rigId = sim.engine.fleet.list()[0]?.id ?? '';
      const before = (await sim.engine.optimizer.fingerprint(rigId, undefined)).fingerprint;
      expect(before?.points.length).toBeGreaterThanOrEqual(3);
      await sim.restartEngine();
      const resumed = (await sim.engine.optimizer.fingerprint(rigId, undefined)).fingerprint;
      expect(resumed?.version).toBe(before?.version);
      expect(resumed?.points).toEqual(before?.points);
      await sim.run(60 * 60_000);
      const status = await sim.engine.optimizer.status();
      expect(status.devices.map((device) => device.state)).toEqual(['tuned', 'tuned']);
      const after = (await sim.engine.optimizer.fingerprint(rigId, undefined)).fingerprint;
      expect(after?.version).toBe(before?.version);
      expect(after?.points.slice(0, before?.points.length)).toEqual(before?.points);
      expect(after?.points.length).toBeGreaterThan(before?.points.length ?? 0);
    } finally {
      await sim?.stop();
      sim = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
