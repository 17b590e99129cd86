// Groups of GPU rigs on consecutive loopback addresses: TeamRedMiner rigs (read-only API) and sgminer rigs whose API
// grants privileged access, for tests and demos.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import type { Clock } from '../clock.js';
import { mixSeed } from '../random.js';
import { GpuMinerRig, type GpuMinerRigOptions, type StartupPool } from './gpu-rig.js';
import type { GpuMinerFlavour } from './gpu-replies.js';

export interface GpuRigsOptions {
  count: number;
  firstHost: string;
  seed?: number;
  /** GPUs per rig; 6 by default. */
  gpus?: number;
  port?: number;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  pools?: readonly StartupPool[];
  restartDelayMs?: number;
}

export interface GpuRigs {
  readonly rigs: readonly GpuMinerRig[];
  stop(): Promise<void>;
}

/** The captured TeamRedMiner version (foreman-apps TeamRedMiner_0_3_10_ITest), with its default 30 s window. */
export function teamRedMinerFlavour(version = '0.3.10'): GpuMinerFlavour {
  return {
    kind: 'teamredminer',
    description: `TeamRedMiner ${version}`,
    version: { SGMiner: version, API: '3.1' },
    rateWindowS: 30,
    algorithm: 'kawpow',
  };
}

/** sgminer as a captured 4.1.0 text reply shows it: "Description=sgminer 4.1.0|VERSION,SGMiner=4.1.0,API=3.1". */
export function sgminerFlavour(): GpuMinerFlavour {
  return {
    kind: 'sgminer',
    description: 'sgminer 4.1.0',
    version: { SGMiner: '4.1.0', API: '3.1' },
    rateWindowS: 5,
    algorithm: 'kawpow',
  };
}

async function startGpuRigs(
  options: GpuRigsOptions,
  flavour: GpuMinerFlavour,
  extra: Partial<GpuMinerRigOptions>,
): Promise<GpuRigs> {
  const rigs = loopbackHosts(options.firstHost, options.count).map(
    (host, index) =>
      new GpuMinerRig({
        ...extra,
        host,
        flavour,
        seed: mixSeed(options.seed ?? 1, index),
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.gpus === undefined ? {} : { gpus: options.gpus }),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
        ...(options.pools === undefined ? {} : { pools: options.pools }),
        ...(options.restartDelayMs === undefined ? {} : { restartDelayMs: options.restartDelayMs }),
      }),
  );
  return startRigGroup(rigs, 'GPU rig');
}

export function startTeamRedMinerRigs(options: GpuRigsOptions & { version?: string }): Promise<GpuRigs> {
  return startGpuRigs(options, teamRedMinerFlavour(options.version), {});
}

export function startSgminerRigs(options: GpuRigsOptions & { privilegedAccess?: boolean }): Promise<GpuRigs> {
  return startGpuRigs(options, sgminerFlavour(), { privilegedAccess: options.privilegedAccess ?? true });
}
