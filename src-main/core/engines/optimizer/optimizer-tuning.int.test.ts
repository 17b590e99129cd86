// Autotuning on a simulated farm with silicon-lottery spread, in simulated time over real sockets: 35 Bitaxes of four
// models (frequency and core voltage) and 15 Braiins OS+ S19s (power target), the real drivers, command queue and
// optimizer worker. After 60 simulated minutes every device must be within 3 % of its true optimum J/TH, computed
// from the simulator's hidden model (the engine only ever sees the rigs' replies). Addresses 127.0.42.x/127.0.43.x.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../src-shared/model/control.js';
import type { OptimizerDecision } from '../../../../src-shared/model/optimizer.js';
import { startSimulatedTuning, type SimulatedTuning } from '../../../testing/simulated-tuning.js';
import {
  stockSetting,
  trueDeliveryAt,
  trueEfficiencyAt,
  trueOptimum,
  type TunableSimRig,
} from '../../../testing/true-optimum.js';
import { OPTIMIZER_ACTOR } from './optimizer-service.js';

let sim: SimulatedTuning;
const decisions = new Map<string, OptimizerDecision>();
const audit: AuditEntry[] = [];

function simRigOf(rigId: string): TunableSimRig {
  const rig = [...(sim.axe?.rigs ?? []), ...(sim.bos?.rigs ?? [])].find((candidate) =>
    rigId.startsWith(`${candidate.host}:`),
  );
  if (!rig) throw new Error(`no simulated rig for ${rigId}`);
  return rig;
}

beforeAll(async () => {
  sim = await startSimulatedTuning({
    axe: { count: 35, firstHost: '127.0.42.10' },
    bos: { count: 15, firstHost: '127.0.43.10', models: ['Antminer S19j Pro', 'Antminer S19 XP'] },
    settings: { objective: 'efficiency' },
  });
  sim.engine.events.subscribe((event, data) => {
    if (event === 'optimizer.decision') decisions.set((data as OptimizerDecision).id, data as OptimizerDecision);
    if (event === 'audit.recorded') audit.push(data as AuditEntry);
  });
  await sim.run(60 * 60_000);
}, 180_000);

afterAll(async () => {
  await sim?.stop();
});

describe('autotuning 50 simulated devices for efficiency', () => {
  it('brings every device within 3% of its true optimum J/TH in 60 simulated minutes', async () => {
    const status = await sim.engine.optimizer.status();
    expect(status.devices).toHaveLength(50);
    const rows = status.devices.map((device) => {
      const rig = simRigOf(device.rigId);
      const optimum = trueOptimum(rig);
      const stock = trueEfficiencyAt(rig, stockSetting(rig));
      // What it delivers where it was left: a point measured stable may, in truth, lose a little more than the 1.5 %
      // the rule allows (the readings are noisy); its J/TH counts that loss, and the loss itself is bounded below.
      const delivered = device.current
        ? trueDeliveryAt(rig, device.current)
        : { efficiencyJPerTh: Infinity, errorFraction: 1 };
      const tuned = delivered.efficiencyJPerTh;
      return {
        name: device.rigName,
        state: device.state,
        ratio: tuned / optimum.efficiencyJPerTh,
        gain: stock / tuned - 1,
        errorFraction: delivered.errorFraction,
      };
    });
    const ratios = rows.map((row) => row.ratio).sort((a, b) => a - b);
    const gains = rows.map((row) => row.gain).sort((a, b) => a - b);
    const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? NaN;
    console.log(
      `[optimizer] 50 devices, 60 simulated min: J/TH over true optimum median ${((median(ratios) - 1) * 100).toFixed(2)}%, worst ${((ratios.at(-1)! - 1) * 100).toFixed(2)}%; efficiency gain over stock median ${(median(gains) * 100).toFixed(1)}%, least ${(gains[0]! * 100).toFixed(1)}%`,
    );
    expect(rows.filter((row) => row.state !== 'tuned')).toEqual([]);
    expect(rows.filter((row) => !(row.ratio <= 1.03))).toEqual([]);
    const worstErrors = Math.max(...rows.map((row) => row.errorFraction));
    console.log(`[optimizer] most work lost to errors at a tuned point: ${(worstErrors * 100).toFixed(2)}%`);
    expect(rows.filter((row) => !(row.errorFraction <= 0.03))).toEqual([]);
  });

  it('sends every change through the command queue as the optimizer, each applied and audited', () => {
    const finished = audit.filter((entry) => entry.result !== 'started');
    expect(finished.length).toBeGreaterThan(50 * 5);
    expect(finished.filter((entry) => entry.actor !== OPTIMIZER_ACTOR)).toEqual([]);
    expect(finished.filter((entry) => entry.result !== 'applied').map((entry) => entry.message)).toEqual([]);
    const started = audit.filter((entry) => entry.result === 'started').length;
    expect(started).toBe(finished.length);
  });

  it('gives each device a reason for where it ended: the gain against its starting settings and its edge', () => {
    const tuned = [...decisions.values()].filter((decision) => decision.cause === 'tuned');
    const rigsWithReason = new Set(tuned.map((decision) => decision.rigId));
    expect(rigsWithReason.size).toBeGreaterThanOrEqual(45);
    for (const decision of tuned) {
      expect(decision.outcome).toBe('applied');
      expect(decision.reason).toMatch(/^Tuned for efficiency at .+: [+−±][\d.]+% power, .+ efficiency/);
    }
    const withEdge = tuned.filter((decision) => / was unstable \(/.test(decision.reason));
    expect(withEdge.length).toBeGreaterThan(0);
  });

  it('keeps a fingerprint per device with the chosen point among its stable points', async () => {
    for (const rig of sim.engine.fleet.list()) {
      const { fingerprint, current, best } = await sim.engine.optimizer.fingerprint(rig.id, undefined);
      expect(fingerprint?.version).toBe(1);
      expect(fingerprint?.points.length).toBeGreaterThanOrEqual(4);
      expect(best).toEqual(current);
      expect(
        fingerprint?.points.some((point) => point.stable && JSON.stringify(point.setting) === JSON.stringify(best)),
      ).toBe(true);
    }
  });
});
