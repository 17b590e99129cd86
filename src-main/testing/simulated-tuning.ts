// A simulated farm and the whole engine on one simulated clock, for the optimizer's tests and benchmark: Bitaxes
// (frequency and voltage) and Braiins OS+ rigs (power target) on loopback, the real drivers, command queue and
// optimizer worker, and a loop that moves the clock a poll at a time, polls every rig over its socket, runs a planning
// round and waits for the commands it sent. An hour of tuning takes well under a minute.
import { ManualClock } from '../sim/clock.js';
import { startAxeosRigs, type AxeosRigs } from '../sim/axeos/farm.js';
import type { AxeModelName } from '../sim/axeos/models.js';
import { startBosminerRigs, type BosminerRigs } from '../sim/bosminer/farm.js';
import type { BosModelName } from '../sim/bosminer/models.js';
import { createEngine, type Engine } from '../core/engine.js';
import type { CoreOptions } from '../core/engines/optimizer/optimizer-core.js';
import type { OperatorLimits } from '../../src-shared/model/control.js';
import { OptimizerSettingsSchema, type OptimizerSettings } from '../../src-shared/model/optimizer.js';
import { OperatorLimitsSchema } from '../../src-shared/model/control.js';

export interface SimulatedTuningOptions {
  axe?: { count: number; firstHost: string; models?: readonly AxeModelName[] };
  bos?: { count: number; firstHost: string; models?: readonly BosModelName[] };
  seed?: number;
  settings?: Partial<OptimizerSettings>;
  limits?: Partial<OperatorLimits>;
  /** Simulated time between polls. */
  pollEveryMs?: number;
  dataDir?: string | null;
  core?: CoreOptions;
  /** Reuse a clock (a restarted engine continues the same simulated time). */
  clock?: ManualClock;
}

export interface SimulatedTuning {
  readonly engine: Engine;
  readonly clock: ManualClock;
  readonly axe: AxeosRigs | null;
  readonly bos: BosminerRigs | null;
  /** Runs simulated time forward a poll at a time; `onPoll` sees every poll round's fleet. */
  run(ms: number, onPoll?: (round: PollRound) => void): Promise<void>;
  /** A fresh engine on the same farm and clock (a restart), with the same data folder. */
  restartEngine(): Promise<void>;
  stop(): Promise<void>;
}

export interface PollRound {
  t: number;
  /** Sum of the power every rig reported in this round. */
  totalPowerW: number;
  totalHashrateThs: number;
}

function engineFor(options: SimulatedTuningOptions, clock: ManualClock): Engine {
  const engine = createEngine({
    dataDir: options.dataDir ?? null,
    info: { version: 'test', shell: 'headless', demo: false, demoRange: null },
    controlTiming: { verifyTimeoutMs: 3000, restartTimeoutMs: 3000, readBackEveryMs: 10 },
    optimizer: { clock, tickIntervalMs: null, ...(options.core ? { core: options.core } : {}) },
  });
  engine.settings.update({ pollTimeoutMs: 3000, scanTimeoutMs: 2000 });
  engine.credentials.set('family:bosminer', 'adminPassword', 'root');
  engine.limits.update(OperatorLimitsSchema.parse({ ...options.limits }));
  return engine;
}

async function scan(engine: Engine, ranges: string[]): Promise<void> {
  for (const range of ranges) {
    engine.discovery.start({ range });
    await engine.discovery.settled();
  }
}

export async function startSimulatedTuning(options: SimulatedTuningOptions): Promise<SimulatedTuning> {
  const clock = options.clock ?? new ManualClock();
  const seed = options.seed ?? 7;
  const axe = options.axe
    ? await startAxeosRigs({
        count: options.axe.count,
        firstHost: options.axe.firstHost,
        seed,
        clock,
        ...(options.axe.models ? { models: options.axe.models } : {}),
      })
    : null;
  const bos = options.bos
    ? await startBosminerRigs({
        count: options.bos.count,
        firstHost: options.bos.firstHost,
        seed: seed + 1,
        clock,
        ...(options.bos.models ? { models: options.bos.models } : {}),
      })
    : null;
  const ranges = [
    ...(axe ? [`${axe.rigs[0]?.host}-${axe.rigs.at(-1)?.host}`] : []),
    ...(bos ? [`${bos.rigs[0]?.host}-${bos.rigs.at(-1)?.host}`] : []),
  ];
  const pollEveryMs = options.pollEveryMs ?? 5000;
  let engine = engineFor(options, clock);

  const startEngine = async (): Promise<void> => {
    engine.optimizer.start();
    await scan(engine, ranges);
    engine.optimizer.updateSettings(OptimizerSettingsSchema.parse({ enabled: true, ...options.settings }));
  };
  await startEngine();

  return {
    get engine() {
      return engine;
    },
    clock,
    axe,
    bos,
    async run(ms, onPoll) {
      const end = clock.now() + ms;
      while (clock.now() < end) {
        clock.advance(pollEveryMs);
        const rigs = await Promise.all(
          engine.fleet.list().map((rig) => engine.fleet.pollNow(rig.id).catch(() => engine.fleet.get(rig.id))),
        );
        onPoll?.({
          t: clock.now(),
          totalPowerW: rigs.reduce((sum, rig) => sum + (rig.status === 'up' ? (rig.snapshot?.powerW ?? 0) : 0), 0),
          totalHashrateThs: rigs.reduce(
            (sum, rig) => sum + (rig.status === 'up' ? (rig.snapshot?.hashrateThs ?? 0) : 0),
            0,
          ),
        });
        await engine.optimizer.tick();
        await engine.optimizer.settled();
      }
    },
    async restartEngine() {
      await engine.stop();
      engine = engineFor(options, clock);
      await startEngine();
    },
    async stop() {
      await engine.stop();
      await axe?.stop();
      await bos?.stop();
    },
  };
}
