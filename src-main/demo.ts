// `--demo`: a simulated farm on loopback addresses and a scan of it, so the app shows a live fleet offline and with no
// rig at hand. Lives outside the engine: the engine knows only real sockets, which the simulator serves.
import type { Engine } from './core/engine.js';
import { startDemoFarm, type Farm } from './sim/farm.js';

export const DEMO_FIRST_HOST = '127.0.1.10';

export interface RunningDemo {
  farm: Farm;
  /** The range that holds the demo rigs, as the scan panel shows it. */
  range: string;
  /** Scans the demo range unless the fleet already has rigs (a restart keeps the fleet). */
  scanInto(engine: Engine): void;
  stop(): Promise<void>;
}

export async function startDemo(count = 24): Promise<RunningDemo> {
  const farm = await startDemoFarm({ count, firstHost: DEMO_FIRST_HOST });
  const first = farm.rigs[0]?.host ?? DEMO_FIRST_HOST;
  const last = farm.rigs.at(-1)?.host ?? DEMO_FIRST_HOST;
  const range = `${first}-${last}`;
  return {
    farm,
    range,
    scanInto: (engine) => {
      if (engine.fleet.list().length === 0) engine.discovery.start({ range });
    },
    stop: () => farm.stop(),
  };
}
