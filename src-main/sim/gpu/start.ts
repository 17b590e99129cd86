// Starts a group of virtual GPU rigs on consecutive loopback addresses: what tests, benchmarks and a mixed demo farm
// call. Each rig gets its own seed (silicon lottery) derived from the group's seed and its position.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import type { Clock } from '../clock.js';
import { mixSeed } from '../random.js';
import type { GpuMiner } from './catalog.js';
import type { SimPool } from './reading.js';
import { VirtualGpuRig } from './rig.js';

export interface GpuRigsOptions {
  count: number;
  firstHost: string;
  seed?: number;
  /** One miner for every rig, or a list cycled over the rigs. Default 'trex'. */
  miner?: GpuMiner | readonly GpuMiner[];
  gpuCount?: number;
  /** Default: each miner's conventional port. */
  port?: number;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  pools?: readonly SimPool[];
  apiPassword?: string | null;
}

export interface GpuRigs {
  readonly rigs: readonly VirtualGpuRig[];
  rig(host: string): VirtualGpuRig | undefined;
  /** Closes every server; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startGpuRigs(options: GpuRigsOptions): Promise<GpuRigs> {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new RangeError(`count must be a whole number >= 1, got ${options.count}`);
  }
  const miners: readonly GpuMiner[] =
    options.miner === undefined ? ['trex'] : typeof options.miner === 'string' ? [options.miner] : options.miner;
  if (miners.length === 0) throw new RangeError('miner must name at least one miner');
  const rigs = loopbackHosts(options.firstHost, options.count).map(
    (host, index) =>
      new VirtualGpuRig({
        host,
        miner: miners[index % miners.length] ?? 'trex',
        seed: mixSeed(options.seed ?? 1, index),
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.gpuCount === undefined ? {} : { gpuCount: options.gpuCount }),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
        ...(options.pools === undefined ? {} : { pools: options.pools }),
        ...(options.apiPassword === undefined ? {} : { apiPassword: options.apiPassword }),
      }),
  );
  return startRigGroup(rigs, 'GPU rig');
}
