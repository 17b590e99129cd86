// A set of virtual AxeOS rigs on consecutive loopback addresses, what tests and the demo start.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { mixSeed } from '../random.js';
import { AXE_MODEL_NAMES, type AxeModelName } from './models.js';
import { VirtualBitaxe } from './rig.js';

export interface AxeosRigsOptions {
  count: number;
  /** First address; the rest follow, skipping .0 and .255. Default 127.0.21.10. */
  firstHost?: string;
  seed?: number;
  /** Default 80, the firmware's port. */
  port?: number;
  /** Models in order, cycled over the rigs. Default: Gamma, Supra, Ultra, NerdQAxe++. */
  models?: readonly AxeModelName[];
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  restartDownMs?: number;
}

export interface AxeosRigs {
  readonly rigs: readonly VirtualBitaxe[];
  rig(host: string): VirtualBitaxe | undefined;
  /** Closes every server; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startAxeosRigs(options: AxeosRigsOptions): Promise<AxeosRigs> {
  const models = options.models ?? AXE_MODEL_NAMES;
  if (!Number.isInteger(options.count) || options.count < 1)
    throw new RangeError(`count must be >= 1, got ${options.count}`);
  if (models.length === 0) throw new RangeError('models must name at least one model');
  const clock = options.clock ?? systemClock;
  const rigs = loopbackHosts(options.firstHost ?? '127.0.21.10', options.count).map(
    (host, index) =>
      new VirtualBitaxe({
        host,
        port: options.port ?? 80,
        model: models[index % models.length] ?? 'Bitaxe Gamma',
        seed: mixSeed(options.seed ?? 1, index),
        clock,
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
        ...(options.restartDownMs === undefined ? {} : { restartDownMs: options.restartDownMs }),
      }),
  );
  return startRigGroup(rigs, 'AxeOS rig');
}
