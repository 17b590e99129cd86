// The optimizer at 1,000 devices (targets: a planning round < 20 ms inside the worker; the main event loop's p99 delay
// < 20 ms while the optimizer runs).
// 1. Decision latency: the real worker, 1,000 tuned power-target devices with ten measured points each, a binding site
//    cap that changes every ten rounds, time of use and thermal balancing on; each round carries 1,000 fresh readings
//    and the outcomes of the last round's decisions. Baseline, same run: the exact plan of the same cap problem by
//    dynamic programming on a 100 W grid (the reference the live plan is tested against), and its hashrate.
// 2. Event loop: the whole engine polling 1,000 simulated Bitaxes every 5 s (farm in a child process) with the
//    optimizer on and exploring (fast step timing, so every device is stepping during the window). Baseline, same run
//    and farm: the same engine with the optimizer off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { NO_CAPABILITIES, OperatorLimitsSchema } from '../src-shared/model/control.js';
import { OptimizerSettingsSchema, type Fingerprint, type FingerprintPoint } from '../src-shared/model/optimizer.js';
import { createEngine } from '../src-main/core/engine.js';
import type { OptimizerState } from '../src-main/core/engines/optimizer/device-record.js';
import { FAST_TUNING_TIMING } from '../src-main/core/engines/optimizer/device-tuner.js';
import type { Observation } from '../src-main/core/engines/optimizer/observation.js';
import type { CommandOutcome, RigInfo } from '../src-main/core/engines/optimizer/optimizer-core.js';
import type { OptimizerProtocol } from '../src-main/core/engines/optimizer/optimizer-protocol.js';
import { exactPlanUnderCap, planUnderCap } from '../src-main/core/engines/optimizer/power-cap.js';
import { WorkerHost, siblingModule } from '../src-main/core/engines/worker-host.js';
import { mixSeed, mulberry32 } from '../src-main/sim/random.js';
import { startRemoteFarm } from './farm-client.js';

const DEVICES = 1000;
const ROUNDS = 120;
const WARM_UP_ROUNDS = 5;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
}

/** A fleet of power-target rigs with S19-like curves, each unit a little different. */
function syntheticFleet(): { state: OptimizerState; rigs: RigInfo[] } {
  const random = mulberry32(mixSeed(11, 5));
  const devices: OptimizerState['devices'] = [];
  const rigs: RigInfo[] = [];
  for (let d = 0; d < DEVICES; d++) {
    const rigId = `127.0.200.${d}:4028`;
    const quality = 0.9 + random() * 0.2;
    const points: FingerprintPoint[] = Array.from({ length: 10 }, (_, i) => {
      const powerW = 1500 + i * 233;
      const hashrateThs = quality * 100 * (powerW / 3000) ** 0.72;
      return {
        setting: { frequencyMhz: null, voltageMv: null, powerTargetW: powerW },
        hashrateThs,
        powerW,
        efficiencyJPerTh: powerW / hashrateThs,
        hashLossFraction: 0,
        chipTempC: 60 + powerW / 150,
        hwErrorsPerMin: null,
        boards: [],
        samples: 12,
        measuredAt: 0,
        stable: true,
        instability: null,
      };
    });
    const fingerprint: Fingerprint = {
      rigId,
      model: 'Antminer S19j Pro',
      knob: 'power-target',
      version: 1,
      updatedAt: 0,
      stock: points[6]?.setting ?? { frequencyMhz: null, voltageMv: null, powerTargetW: 3000 },
      points,
    };
    devices.push({
      rigId,
      model: 'Antminer S19j Pro',
      knob: 'power-target',
      state: 'tuned',
      fingerprints: [fingerprint],
      lastGood: fingerprint.stock,
      step: null,
      failure: null,
      asleep: false,
      revertPending: false,
      revertAttempts: 0,
    });
    rigs.push({
      id: rigId,
      name: `rig ${d}`,
      model: 'Antminer S19j Pro',
      capabilities: { ...NO_CAPABILITIES, powerTargetW: { min: 1500, max: 3600 }, pauseResume: true },
    });
  }
  return { state: { version: 1, devices }, rigs };
}

async function decisionLatency(): Promise<Record<string, string>> {
  const { state, rigs } = syntheticFleet();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rigwise-bench-optimizer-'));
  const file = path.join(dir, 'optimizer-state.json');
  fs.writeFileSync(file, JSON.stringify(state));
  const worker = siblingModule(
    new URL('../src-main/core/engines/optimizer/optimizer-service.ts', import.meta.url).href,
    'optimizer-worker',
  );
  const caps = [2_300_000, 2_100_000];
  const peak = Array.from({ length: 24 }, (_, hour) => (hour >= 17 && hour < 21 ? 0.3 : 0.06));
  const settings = (capW: number) =>
    OptimizerSettingsSchema.parse({
      enabled: true,
      objective: 'hashrate',
      siteCapW: capW,
      timeOfUse: true,
      tariff: {
        currency: 'USD',
        timeZone: 'America/Chicago',
        seasons: [{ name: 'All year', fromMonth: 1, toMonth: 12, weekday: peak, weekend: peak }],
      },
      thermal: {
        enabled: true,
        targetChipC: 85,
        defaultIntakeC: 25,
        intakeByRig: Object.fromEntries(rigs.slice(0, 100).map((rig) => [rig.id, 38])),
      },
    });
  const limits = OperatorLimitsSchema.parse({});
  const start = Date.UTC(2024, 0, 1, 12);
  // The worker loads the fleet's fingerprints from its state file, as after a restart.
  const loaded = new WorkerHost<OptimizerProtocol>({
    entry: worker,
    name: 'optimizer-bench',
    workerData: { file },
    onEvent: () => undefined,
  });
  loaded.start();
  await loaded.call('configure', { settings: settings(caps[0] ?? 0), limits, now: start, pollIntervalMs: 5000 });
  await loaded.call('syncRigs', { rigs });
  const current = new Map(state.devices.map((device) => [device.rigId, device.lastGood?.powerTargetW ?? 3000]));
  const random = mulberry32(7);
  let outcomes: CommandOutcome[] = [];
  const inWorker: number[] = [];
  const roundTrip: number[] = [];
  let decisions = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const now = start + round * 5000;
    if (round % 10 === 0) {
      await loaded.call('configure', {
        settings: settings(caps[(round / 10) % 2] ?? 0),
        limits,
        now,
        pollIntervalMs: 5000,
      });
    }
    const observations: Observation[] = rigs.map((rig) => {
      const watts = current.get(rig.id) ?? 3000;
      return {
        rigId: rig.id,
        t: now,
        hashrateThs: 100 * (watts / 3000) ** 0.72 * (1 + (random() - 0.5) * 0.02),
        powerW: watts * (1 + (random() - 0.5) * 0.02),
        estimatedPowerW: null,
        chipTempC: 60 + watts / 150 + (random() - 0.5),
        boards: [],
        hardwareErrors: null,
        setting: { frequencyMhz: null, voltageMv: null, powerTargetW: watts },
        paused: false,
      };
    });
    const started = performance.now();
    loaded.post('observe', { observations });
    const result = await loaded.call('tick', { now, outcomes });
    roundTrip.push(performance.now() - started);
    inWorker.push(result.decisionMs);
    decisions += result.decisions.length;
    outcomes = result.decisions.map((decision) => {
      if (decision.to.powerTargetW !== null) current.set(decision.rigId, decision.to.powerTargetW);
      return { decisionId: decision.id, ok: true, message: null };
    });
  }
  await loaded.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  // Baseline: the exact plan of the same cap problem (100 W grid), and the live greedy plan of it, in this thread.
  const capDevices = state.devices.map((device) => ({
    id: device.rigId,
    points:
      device.fingerprints[0]?.points.map((point) => ({ powerW: point.powerW, hashrateThs: point.hashrateThs })) ?? [],
  }));
  const capW = (caps[1] ?? 0) * 0.98;
  const grid = capDevices.map((device) => ({
    id: device.id,
    points: device.points.map((point) => ({ powerW: Math.ceil(point.powerW / 100), hashrateThs: point.hashrateThs })),
  }));
  let t = performance.now();
  const exact = exactPlanUnderCap(grid, Math.floor(capW / 100));
  const exactMs = performance.now() - t;
  planUnderCap(capDevices, capW); // compiled once, as in the worker
  t = performance.now();
  const live = planUnderCap(capDevices, capW);
  const liveMs = performance.now() - t;
  // The first rounds run while the worker's code is still being compiled: reported apart from the steady state.
  const steady = inWorker.slice(WARM_UP_ROUNDS);
  const p99 = percentile(steady, 0.99);
  return {
    'devices, rounds': `${DEVICES}, ${ROUNDS} (cap changes every 10; ${decisions} decisions)`,
    'planning round in the worker, first round': `${(inWorker[0] ?? NaN).toFixed(1)} ms (everything moves; code not yet compiled)`,
    [`planning round in the worker after ${WARM_UP_ROUNDS}: p50 / p99 / max`]: `${percentile(steady, 0.5).toFixed(1)} / ${p99.toFixed(1)} / ${Math.max(...steady).toFixed(1)} ms`,
    'round trip from the main thread p50 / p99': `${percentile(roundTrip.slice(WARM_UP_ROUNDS), 0.5).toFixed(1)} / ${percentile(roundTrip.slice(WARM_UP_ROUNDS), 0.99).toFixed(1)} ms`,
    'baseline: exact cap plan (DP, 100 W grid)': `${exactMs.toFixed(0)} ms, ${exact.totalHashrateThs.toFixed(0)} TH/s`,
    'live cap plan alone, same problem': `${liveMs.toFixed(1)} ms, ${live.totalHashrateThs.toFixed(0)} TH/s (${((live.totalHashrateThs / exact.totalHashrateThs) * 100).toFixed(2)}% of exact)`,
    'ratio exact / worker round p99': `${(exactMs / p99).toFixed(0)}x`,
  };
}

interface LoopWindow {
  p99Ms: number;
  cpuShareOfOneCore: number;
  decisions: number;
}

async function engineLoop(hosts: string[], seconds: number, optimizerOn: boolean): Promise<LoopWindow> {
  const engine = createEngine({
    dataDir: null,
    info: { version: 'bench', shell: 'headless', demo: false, demoRange: null },
    optimizer: { core: { timing: FAST_TUNING_TIMING } },
  });
  engine.settings.update({ pollIntervalMs: 5000, scanConcurrency: 256 });
  let decisions = 0;
  engine.events.subscribe((event) => {
    if (event === 'optimizer.decision') decisions += 1;
  });
  engine.start();
  engine.discovery.start({ range: `${hosts[0]}-${hosts.at(-1)}` });
  await engine.discovery.settled();
  if (optimizerOn) {
    engine.optimizer.updateSettings(OptimizerSettingsSchema.parse({ enabled: true, objective: 'efficiency' }));
  }
  await new Promise((resolve) => setTimeout(resolve, 30_000)); // baselines measured, first steps under way
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const before = process.cpuUsage();
  const decisionsBefore = decisions;
  const started = performance.now();
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  histogram.disable();
  const usage = process.cpuUsage(before);
  const window = {
    p99Ms: histogram.percentile(99) / 1e6,
    cpuShareOfOneCore: (usage.user + usage.system) / ((performance.now() - started) * 1000),
    decisions: decisions - decisionsBefore,
  };
  await engine.stop();
  return window;
}

export async function optimizerBenchmark(seconds: number): Promise<Record<string, Record<string, string>>> {
  const latency = await decisionLatency();
  const farm = await startRemoteFarm({ count: DEVICES, firstHost: '127.0.16.1', mixed: { bitaxe: DEVICES } });
  try {
    const on = await engineLoop(farm.hosts, seconds, true);
    const off = await engineLoop(farm.hosts, seconds, false);
    return {
      'Optimizer: planning round for 1,000 devices in the worker': latency,
      [`Optimizer: main event loop, 1,000 simulated Bitaxes polled every 5 s, ${seconds} s`]: {
        'optimizer on: loop delay p99': `${on.p99Ms.toFixed(1)} ms (${on.decisions} decisions in the window)`,
        'optimizer on: engine CPU (share of one core)': `${(on.cpuShareOfOneCore * 100).toFixed(1)}%`,
        'baseline, optimizer off: loop delay p99': `${off.p99Ms.toFixed(1)} ms`,
        'baseline, optimizer off: engine CPU': `${(off.cpuShareOfOneCore * 100).toFixed(1)}%`,
        'ratio p99 on / off': (on.p99Ms / off.p99Ms).toFixed(2),
      },
    };
  } finally {
    await farm.stop();
  }
}
