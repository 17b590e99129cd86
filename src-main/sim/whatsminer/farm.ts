// Starts a row of virtual Whatsminers on consecutive loopback addresses, for tests, benchmarks and demo wiring.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { mixSeed } from '../random.js';
import { WHATSMINER_MODEL_NAMES, type WhatsminerModelName } from './models.js';
import type { SimPool } from './replies.js';
import { VirtualWhatsminer } from './rig.js';

export interface WhatsminerRigsOptions {
  count: number;
  /** First address; the rest follow, skipping .0 and .255 (../addresses.ts). */
  firstHost: string;
  seed?: number;
  /** Models in order, cycled over the rigs. Default: M20S, M30S, M30S+, M50. */
  models?: readonly WhatsminerModelName[];
  port?: number;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  /** Every rig's admin password ('admin' as shipped). */
  adminPassword?: string;
  writeAccess?: boolean;
  pools?: readonly SimPool[];
}

export interface WhatsminerRigs {
  readonly rigs: readonly VirtualWhatsminer[];
  readonly clock: Clock;
  rig(host: string): VirtualWhatsminer | undefined;
  /** Closes every server and socket; safe to call more than once. */
  stop(): Promise<void>;
}

/** Starts every rig concurrently; if any address cannot be bound, stops the others and rejects. */
export async function startWhatsminerRigs(options: WhatsminerRigsOptions): Promise<WhatsminerRigs> {
  const { count } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number >= 1, got ${count}`);
  const models = options.models ?? WHATSMINER_MODEL_NAMES;
  if (models.length === 0) throw new RangeError('models must name at least one model');
  const seed = options.seed ?? 1;
  const clock = options.clock ?? systemClock;
  const rigs = loopbackHosts(options.firstHost, count).map(
    (host, index) =>
      new VirtualWhatsminer({
        host,
        port: options.port ?? 4028,
        model: models[index % models.length] ?? 'M20S',
        seed: mixSeed(seed, 0x3d, index),
        clock,
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
        ...(options.adminPassword === undefined ? {} : { adminPassword: options.adminPassword }),
        ...(options.writeAccess === undefined ? {} : { writeAccess: options.writeAccess }),
        ...(options.pools === undefined ? {} : { pools: options.pools }),
      }),
  );
  return { ...(await startRigGroup(rigs, 'Whatsminer')), clock };
}
