import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { BOS_MODEL_CATALOG, BOS_MODEL_NAMES } from './models.js';
import type { BosModelName } from './models.js';
import { advanceTo, boardTempC, settle, tunerStable, wallPowerW } from './physics.js';
import { createBosPhysics } from './physics-state.js';
import type { BosPhysics } from './physics-state.js';
import { applyBosPhysicalFaults, bosTrueState } from './rig-state.js';

function rig(model: BosModelName, seed = 1, powerTargetW?: number): { physics: BosPhysics; clock: ManualClock } {
  const clock = new ManualClock();
  const catalog = BOS_MODEL_CATALOG[model];
  const physics = createBosPhysics({
    model: catalog,
    seed,
    clock,
    ambientC: 25,
    powerTargetW: powerTargetW ?? catalog.stockPowerW,
  });
  settle(physics, 3600);
  return { physics, clock };
}

function run(physics: BosPhysics, clock: ManualClock, seconds: number): void {
  clock.advance(seconds * 1000);
  advanceTo(physics, clock.now());
}

describe('the simulated BOS autotuner', () => {
  it.each(BOS_MODEL_NAMES)('puts an %s at its stock power and within 3 %% of its stock hashrate', (name) => {
    const { physics } = rig(name, 3);
    const truth = bosTrueState(physics);
    const model = BOS_MODEL_CATALOG[name];
    expect(Math.abs(truth.powerW / model.stockPowerW - 1)).toBeLessThan(0.01);
    expect(Math.abs(truth.hashrateThs / model.nominalHashrateThs - 1)).toBeLessThan(0.03);
    expect(truth.tunerStable).toBe(true);
  });

  it('settles at a new power target within a few minutes, trading hashrate for better J/TH', () => {
    const { physics, clock } = rig('Antminer S19j Pro', 4);
    const before = bosTrueState(physics);
    physics.powerTargetW = 2000;
    physics.tuningSinceS = physics.elapsedS;
    run(physics, clock, 10);
    expect(tunerStable(physics)).toBe(false);
    run(physics, clock, 300);
    const after = bosTrueState(physics);
    expect(Math.abs(after.powerW - 2000)).toBeLessThan(20);
    expect(after.tunerStable).toBe(true);
    expect(after.hashrateThs).toBeLessThan(before.hashrateThs);
    expect(after.powerW / after.hashrateThs).toBeLessThan((before.powerW / before.hashrateThs) * 0.95);
  });

  it('holds the hottest board at the fan-control target, and lets it cool once the fans are at their minimum', () => {
    const { physics, clock } = rig('Antminer S19j Pro', 5);
    const target = physics.model.targetTempC;
    expect(Math.max(...physics.boards.map((board) => boardTempC(physics, board)))).toBeCloseTo(target, 0);
    physics.powerTargetW = 1500;
    run(physics, clock, 900);
    expect(Math.max(...physics.boards.map((board) => boardTempC(physics, board)))).toBeLessThan(target + 0.5);
    expect(bosTrueState(physics).fanDutyPct).toBeLessThan(physics.model.nominalFanDuty * 100);
  });

  it('gives two rigs of one model different silicon, and the same seed the same rig', () => {
    const hashrate = (seed: number) => bosTrueState(rig('Antminer S9', seed).physics).hashrateThs;
    expect(hashrate(11)).toBe(hashrate(11));
    expect(hashrate(11)).not.toBe(hashrate(12));
  });

  it('stops hashing and drawing chain power while paused, and cools down', () => {
    const { physics, clock } = rig('Antminer S19 XP', 6);
    physics.paused = true;
    run(physics, clock, 600);
    const truth = bosTrueState(physics);
    expect(truth.hashrateThs).toBe(0);
    expect(wallPowerW(physics)).toBeLessThan(30);
    expect(Math.max(...truth.boards.map((board) => board.chipTempC))).toBeLessThan(30);
  });

  it('runs hotter with a failed fan and, with thermal runaway, shuts mining down at the dangerous temperature', () => {
    const { physics, clock } = rig('Antminer S9', 7);
    applyBosPhysicalFaults(physics, [{ kind: 'failingFan', fan: 0 }], 7);
    run(physics, clock, 600);
    expect(bosTrueState(physics).fanDutyPct).toBeGreaterThan(physics.model.nominalFanDuty * 100);
    applyBosPhysicalFaults(physics, [{ kind: 'failingFan', fan: 0 }, { kind: 'overheat' }], 7);
    run(physics, clock, 1800);
    expect(physics.thermalShutdown).toBe(true);
    expect(bosTrueState(physics).hashrateThs).toBe(0);
  });

  it('loses the chips a degraded board has lost and all of a dead board, and gives the power budget to the rest', () => {
    const { physics, clock } = rig('Antminer S19j Pro', 8);
    const before = bosTrueState(physics).boards.map((board) => board.hashrateThs);
    applyBosPhysicalFaults(
      physics,
      [
        { kind: 'degradedBoard', board: 1, failedChips: 12 },
        { kind: 'deadBoard', board: 2 },
      ],
      8,
    );
    run(physics, clock, 300);
    const after = bosTrueState(physics).boards;
    expect(after[1]?.chipsOk).toBe(physics.model.chipsPerBoard - 12);
    // Same clock on every board, so the degraded board hashes in proportion to the chips it has left.
    expect((after[1]?.hashrateThs ?? 0) / (after[0]?.hashrateThs ?? 1)).toBeLessThan(0.95);
    expect(after[2]?.hashrateThs).toBe(0);
    // The power target still holds: the tuner clocks the two remaining boards up.
    expect(after[0]?.hashrateThs ?? 0).toBeGreaterThan(before[0] ?? Infinity);
  });
});
