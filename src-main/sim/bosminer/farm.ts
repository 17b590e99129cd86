// A row of virtual Braiins OS+ rigs on consecutive loopback addresses, for tests, benchmarks and demos.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import { systemClock } from '../clock.js';
import type { Clock } from '../clock.js';
import { mixSeed } from '../random.js';
import type { BosApiVersion } from './grpc-service.js';
import { BOS_MODEL_NAMES } from './models.js';
import type { BosFirmware, BosModelName } from './models.js';
import { VirtualBosminer } from './rig.js';

export interface BosminerRigsOptions {
  count: number;
  /** First address; the rest follow, skipping .0 and .255. Default 127.0.23.10. */
  firstHost?: string;
  seed?: number;
  /** Models in order, cycled over the rigs. Default: S19j Pro, S19 XP, S9. */
  models?: readonly BosModelName[];
  clock?: Clock;
  /** cgminer-compatible API port (4028) and gRPC port (50051); 0 picks free ports. */
  port?: number;
  grpcPort?: number;
  password?: string;
  firmware?: BosFirmware;
  apiVersion?: BosApiVersion;
  ambientC?: number;
  uptimeS?: number;
}

export interface BosminerRigs {
  readonly rigs: readonly VirtualBosminer[];
  readonly clock: Clock;
  rig(host: string): VirtualBosminer | undefined;
  /** Closes every server and socket. Safe to call more than once. */
  stop(): Promise<void>;
}

export const DEFAULT_BOS_FIRST_HOST = '127.0.23.10';

/** Starts every rig concurrently; if any cannot bind, stops the others and rejects. */
export async function startBosminerRigs(options: BosminerRigsOptions): Promise<BosminerRigs> {
  const { count } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a whole number >= 1, got ${count}`);
  const models = options.models ?? BOS_MODEL_NAMES;
  if (models.length === 0) throw new RangeError('models must name at least one model');
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 1;
  const rigs = loopbackHosts(options.firstHost ?? DEFAULT_BOS_FIRST_HOST, count).map(
    (host, index) =>
      new VirtualBosminer({
        host,
        model: models[index % models.length] ?? 'Antminer S19j Pro',
        seed: mixSeed(seed, index),
        clock,
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.grpcPort === undefined ? {} : { grpcPort: options.grpcPort }),
        ...(options.password === undefined ? {} : { password: options.password }),
        ...(options.firmware === undefined ? {} : { firmware: options.firmware }),
        ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
      }),
  );
  return { ...(await startRigGroup(rigs, 'BOS rig')), clock };
}
