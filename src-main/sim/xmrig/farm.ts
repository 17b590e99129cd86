// A set of virtual XMRig rigs on consecutive loopback addresses.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import { systemClock, type Clock } from '../clock.js';
import { mixSeed } from '../random.js';
import type { XmrigRigKind } from './models.js';
import { VirtualXmrig } from './rig.js';

export interface XmrigRigsOptions {
  count: number;
  /** First address; the rest follow, skipping .0 and .255. Default 127.0.21.40. */
  firstHost?: string;
  seed?: number;
  /** Default 8080. */
  port?: number;
  /** Rig kinds in order, cycled. Default: cpu, gpu. */
  kinds?: readonly XmrigRigKind[];
  /** Access token of every rig (null: none). Default "rigwise-sim-token". */
  accessToken?: string | null;
  /** Default false: remote control allowed with the token. */
  restricted?: boolean;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
}

export interface XmrigRigs {
  readonly rigs: readonly VirtualXmrig[];
  rig(host: string): VirtualXmrig | undefined;
  /** Closes every server; safe to call more than once. */
  stop(): Promise<void>;
}

export async function startXmrigRigs(options: XmrigRigsOptions): Promise<XmrigRigs> {
  const kinds = options.kinds ?? (['cpu', 'gpu'] as const);
  if (!Number.isInteger(options.count) || options.count < 1)
    throw new RangeError(`count must be >= 1, got ${options.count}`);
  if (kinds.length === 0) throw new RangeError('kinds must name at least one kind');
  const clock = options.clock ?? systemClock;
  const rigs = loopbackHosts(options.firstHost ?? '127.0.21.40', options.count).map(
    (host, index) =>
      new VirtualXmrig({
        host,
        port: options.port ?? 8080,
        kind: kinds[index % kinds.length] ?? 'cpu',
        seed: mixSeed(options.seed ?? 1, index),
        clock,
        ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
        ...(options.restricted === undefined ? {} : { restricted: options.restricted }),
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
      }),
  );
  return startRigGroup(rigs, 'XMRig rig');
}
