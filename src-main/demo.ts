// `--demo`: a simulated mixed farm on loopback addresses and a scan of it, so the app shows a live fleet, and lets the
// operator try every control, offline and with no rig at hand. Lives outside the engine: the engine knows only real
// sockets, which the simulator serves.
import type { Engine } from './core/engine.js';
import { SIMULATED_CREDENTIALS, startMixedFarm, type MixedFarm, type MixedKind } from './sim/mixed-farm.js';

export const DEMO_FIRST_HOST = '127.0.1.10';

/** A small farm as operators run them: mostly Antminers, some Whatsminers and Braiins rigs, a few hobby devices. */
function demoMix(count: number): Partial<Record<MixedKind, number>> {
  const share = (part: number): number => Math.max(1, Math.round((count * part) / 24));
  if (count < 10) return { antminer: count };
  const fixed = {
    whatsminer: share(4),
    bosminer: share(3),
    bitaxe: share(2),
    xmrig: 1,
    trex: 1,
    lolminer: 1,
    teamredminer: 1,
  };
  const others = Object.values(fixed).reduce((sum, n) => sum + n, 0);
  return { antminer: count - others, ...fixed };
}

export interface RunningDemo {
  farm: MixedFarm;
  /** The range that holds the demo rigs, as the scan panel shows it. */
  range: string;
  /** Scans the demo range unless the fleet already has rigs (a restart keeps the fleet). */
  scanInto(engine: Engine, options?: { enableOptimizer: boolean }): void;
  stop(): Promise<void>;
}

export async function startDemo(count = 24): Promise<RunningDemo> {
  const farm = await startMixedFarm({
    firstHost: DEMO_FIRST_HOST,
    counts: demoMix(count),
    seed: 7,
    antminerModels: ['Antminer S19 Pro', 'Antminer S19j Pro', 'Antminer S17 Pro', 'Antminer S9', 'Antminer T19'],
  });
  for (const { kind, reason } of farm.skipped) console.warn(`Demo: no simulated ${kind} rigs with control: ${reason}.`);
  const first = farm.rigs[0]?.host ?? DEMO_FIRST_HOST;
  const last = farm.rigs.at(-1)?.host ?? DEMO_FIRST_HOST;
  const range = `${first}-${last}`;
  return {
    farm,
    range,
    scanInto: (engine, options = { enableOptimizer: false }) => {
      // The simulated rigs' passwords, as family defaults the operator could change: control works out of the box.
      for (const { family, kind, secret } of SIMULATED_CREDENTIALS) {
        const scope = `family:${family}`;
        if (engine.credentials.secretFor(scope, family, kind) === null) engine.credentials.set(scope, kind, secret);
      }
      if (engine.fleet.list().length === 0) engine.discovery.start({ range });
      // The demo shows the optimizer at work: on, tuning for efficiency (its own data folder; a real farm's is untouched).
      const optimizer = engine.optimizer.settings();
      if (options.enableOptimizer && !optimizer.enabled)
        engine.optimizer.updateSettings({ ...optimizer, enabled: true });
    },
    stop: () => farm.stop(),
  };
}
