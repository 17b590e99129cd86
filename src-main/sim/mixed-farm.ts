// A farm of every family Rigwise speaks, on consecutive loopback addresses: Antminers (with their web interface),
// Whatsminers, Braiins OS rigs, Bitaxes, XMRig, GPU rigs under T-Rex, lolMiner, GMiner, SRBMiner and TeamRedMiner.
// The `--demo` mode, the mixed-farm integration test and the discovery benchmark start it.
import type { CredentialKind } from '../../src-shared/model/control.js';
import type { RigFamily } from '../../src-shared/model/rig.js';
import { loopbackHosts } from './addresses.js';
import { startAntminerWebRigs } from './antminer-web/index.js';
import { startAxeosRigs } from './axeos/farm.js';
import { startBosminerRigs } from './bosminer/farm.js';
import { startFarm } from './farm.js';
import { DEFAULT_TREX_PASSWORD, startGpuRigs } from './gpu/index.js';
import type { ModelName } from './models.js';
import type { SimulatedRig } from './simulated-rig.js';
import { startTeamRedMinerRigs } from './teamredminer/index.js';
import { startWhatsminerRigs } from './whatsminer/farm.js';
import { startXmrigRigs } from './xmrig/farm.js';

export type MixedKind =
  | 'antminer'
  | 'whatsminer'
  | 'bosminer'
  | 'bitaxe'
  | 'xmrig'
  | 'trex'
  | 'lolminer'
  | 'gminer'
  | 'srbminer'
  | 'teamredminer';

export const ONE_OF_EACH: Readonly<Record<MixedKind, number>> = {
  antminer: 1,
  whatsminer: 1,
  bosminer: 1,
  bitaxe: 1,
  xmrig: 1,
  trex: 1,
  lolminer: 1,
  gminer: 1,
  srbminer: 1,
  teamredminer: 1,
};

/** The secrets the simulated rigs are configured with, so a demo or test can hand them to the engine. */
export const SIMULATED_CREDENTIALS: ReadonlyArray<{ family: RigFamily; kind: CredentialKind; secret: string }> = [
  { family: 'cgminer', kind: 'adminPassword', secret: 'root' },
  { family: 'whatsminer', kind: 'adminPassword', secret: 'admin' },
  { family: 'bosminer', kind: 'adminPassword', secret: 'root' },
  { family: 'xmrig', kind: 'apiToken', secret: 'rigwise-sim-token' },
  { family: 'trex', kind: 'apiToken', secret: DEFAULT_TREX_PASSWORD },
];

export interface MixedFarmOptions {
  firstHost: string;
  counts: Partial<Record<MixedKind, number>>;
  seed?: number;
  antminerModels?: readonly ModelName[];
}

export interface MixedFarm {
  readonly rigs: readonly SimulatedRig[];
  /** Kinds that could not start (port 80 needs root or CAP_NET_BIND_SERVICE), with the reason. */
  readonly skipped: ReadonlyArray<{ kind: MixedKind; reason: string }>;
  stop(): Promise<void>;
}

interface Group {
  readonly rigs: readonly SimulatedRig[];
  stop(): Promise<void>;
}

type Starter = (count: number, firstHost: string, seed: number, options: MixedFarmOptions) => Promise<Group>;

const STARTERS: Readonly<Record<MixedKind, Starter>> = {
  antminer: (count, firstHost, seed, options) =>
    startAntminerWebRigs({
      count,
      firstHost,
      seed,
      ...(options.antminerModels ? { models: options.antminerModels } : {}),
    }),
  whatsminer: (count, firstHost, seed) => startWhatsminerRigs({ count, firstHost, seed }),
  bosminer: (count, firstHost, seed) => startBosminerRigs({ count, firstHost, seed }),
  bitaxe: (count, firstHost, seed) => startAxeosRigs({ count, firstHost, seed }),
  xmrig: (count, firstHost, seed) => startXmrigRigs({ count, firstHost, seed }),
  trex: (count, firstHost, seed) => startGpuRigs({ count, firstHost, seed, miner: 'trex' }),
  lolminer: (count, firstHost, seed) => startGpuRigs({ count, firstHost, seed, miner: 'lolminer' }),
  gminer: (count, firstHost, seed) => startGpuRigs({ count, firstHost, seed, miner: 'gminer' }),
  srbminer: (count, firstHost, seed) => startGpuRigs({ count, firstHost, seed, miner: 'srbminer' }),
  teamredminer: (count, firstHost, seed) => startTeamRedMinerRigs({ count, firstHost, seed }),
};

/** Antminers without the web interface, where port 80 cannot be bound: read-only, but still there. */
const ANTMINER_WITHOUT_WEB: Starter = (count, firstHost, seed, options) =>
  startFarm({ count, firstHost, seed, ...(options.antminerModels ? { models: options.antminerModels } : {}) });

function isPermissionError(error: unknown): boolean {
  return /EACCES|EPERM/.test(String(error));
}

export async function startMixedFarm(options: MixedFarmOptions): Promise<MixedFarm> {
  const kinds = (Object.keys(STARTERS) as MixedKind[]).filter((kind) => (options.counts[kind] ?? 0) > 0);
  const total = kinds.reduce((sum, kind) => sum + (options.counts[kind] ?? 0), 0);
  const hosts = loopbackHosts(options.firstHost, total);
  const groups: Group[] = [];
  const skipped: Array<{ kind: MixedKind; reason: string }> = [];
  let next = 0;
  try {
    for (const [index, kind] of kinds.entries()) {
      const count = options.counts[kind] ?? 0;
      const firstHost = hosts[next] ?? options.firstHost;
      next += count;
      const seed = (options.seed ?? 1) * 100 + index;
      try {
        groups.push(await STARTERS[kind](count, firstHost, seed, options));
      } catch (error) {
        if (!isPermissionError(error)) throw error;
        skipped.push({ kind, reason: 'port 80 needs root or CAP_NET_BIND_SERVICE' });
        if (kind === 'antminer') groups.push(await ANTMINER_WITHOUT_WEB(count, firstHost, seed, options));
      }
    }
  } catch (error) {
    await Promise.all(groups.map((group) => group.stop()));
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    rigs: groups.flatMap((group) => group.rigs),
    skipped,
    stop: () => (stopping ??= Promise.all(groups.map((group) => group.stop())).then(() => undefined)),
  };
}
