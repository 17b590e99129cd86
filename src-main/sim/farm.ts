// A farm of virtual rigs on consecutive loopback addresses: what tests, benchmarks and `--demo` start.

import { loopbackHosts } from './addresses.js';
import { startRigGroup } from './rig-group.js';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import { MODEL_NAMES } from './models.js';
import type { ModelName } from './models.js';
import { mixSeed, mulberry32 } from './random.js';
import type { DevsLayout } from './reply-context.js';
import { VirtualRig } from './rig.js';
import type { QuirkName } from './rig.js';

export interface FarmOptions {
  count: number;
  /** First address; the rest follow (skipping .0 and .255). Default 127.0.1.10. */
  firstHost?: string;
  port?: number;
  seed?: number;
  /** Models in order, cycled over the rigs. Default: every model in the catalog. */
  models?: readonly ModelName[];
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  quirks?: readonly QuirkName[];
  devsLayout?: DevsLayout;
}

export interface Farm {
  readonly rigs: readonly VirtualRig[];
  readonly clock: Clock;
  /** The rig listening on this host, if any. */
  rig(host: string): VirtualRig | undefined;
  /** Closes every server and socket. Safe to call more than once. */
  stop(): Promise<void>;
}

export const DEFAULT_FIRST_HOST = '127.0.1.10';

/** Starts every rig's server concurrently; if any address cannot be bound, stops the others and rejects. */
export async function startFarm(options: FarmOptions): Promise<Farm> {
  const { count } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number >= 1, got ${count}`);
  const models = options.models ?? MODEL_NAMES;
  if (models.length === 0) throw new RangeError('models must name at least one model');
  const hosts = loopbackHosts(options.firstHost ?? DEFAULT_FIRST_HOST, count);
  const seed = options.seed ?? 1;
  const clock = options.clock ?? systemClock;
  const rigs = hosts.map(
    (host, index) =>
      new VirtualRig({
        host,
        port: options.port ?? 4028,
        model: models[index % models.length] ?? 'Antminer S19 Pro',
        seed: mixSeed(seed, index),
        clock,
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
        ...(options.quirks === undefined ? {} : { quirks: options.quirks }),
        ...(options.devsLayout === undefined ? {} : { devsLayout: options.devsLayout }),
      }),
  );
  return { ...(await startRigGroup(rigs, 'rig')), clock };
}

/** A small farm as operators run them: mostly S19-class units, some older S17/S9, a few T19s. */
const DEMO_MIX: ReadonlyArray<readonly [ModelName, number]> = [
  ['Antminer S19 Pro', 8],
  ['Antminer S19j Pro', 6],
  ['Antminer S17 Pro', 4],
  ['Antminer S9', 4],
  ['Antminer T19', 2],
];

/** Model list of `count` rigs in DEMO_MIX proportions (largest remainder), shuffled by the seed. */
export function demoModels(count: number, seed: number): ModelName[] {
  const total = DEMO_MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const quotas = DEMO_MIX.map(([name, weight]) => ({ name, exact: (count * weight) / total }));
  const counts = quotas.map((quota) => Math.floor(quota.exact));
  const byRemainder = quotas.map((quota, index) => ({ index, rest: quota.exact - Math.floor(quota.exact) }));
  byRemainder.sort((a, b) => b.rest - a.rest);
  let missing = count - counts.reduce((sum, value) => sum + value, 0);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    missing -= 1;
  }
  const models = quotas.flatMap((quota, index) => Array.from({ length: counts[index] ?? 0 }, () => quota.name));
  const next = mulberry32(mixSeed(seed, 0xde70));
  for (let last = models.length - 1; last > 0; last -= 1) {
    const pick = Math.floor(next() * (last + 1));
    [models[last], models[pick]] = [models[pick] ?? 'Antminer S19 Pro', models[last] ?? 'Antminer S19 Pro'];
  }
  return models;
}

export type DemoFarmOptions = Omit<FarmOptions, 'models' | 'count'> & { count?: number };

/**
 * The farm behind the app's `--demo` mode: a realistic mix of models, with one rig that has lost a few chips on a
 * board (and a second one in farms of 12 or more), the mild faults an operator actually meets every week.
 */
export async function startDemoFarm(options: DemoFarmOptions = {}): Promise<Farm> {
  const count = options.count ?? 24;
  const seed = options.seed ?? 7;
  const farm = await startFarm({ ...options, count, seed, models: demoModels(count, seed) });
  const degraded = [Math.min(3, count - 1), ...(count >= 12 ? [count - 4] : [])];
  for (const [order, index] of degraded.entries()) {
    const rig = farm.rigs[index];
    if (rig) await rig.injectFault({ kind: 'degradedBoard', board: 1, failedChips: order === 0 ? 9 : 4 });
  }
  return farm;
}
