// What Rigwise can change on XMRig, through its documented API (xmrig/xmrig doc/API.md): the config (GET /2/config,
// edit, PUT /2/config: "Common use case, get current configuration, make changes, and upload it to miner") and
// POST /json_rpc with "pause" / "resume". Both are restricted endpoints: they need "restricted": false and the access
// token. There is no restart in the API. Power, clocks and voltage are not XMRig settings.
//
// Threads: Rigwise rewrites the CPU threads profile in use (GET /2/backends names it, e.g. "rx"), not
// cpu."max-threads-hint": the hint only steers XMRig's autoconfig and "has no effect if miner already generated CPU
// configuration" (doc/CPU_MAX_USAGE.md), which every running miner has. A profile is a list with one entry per
// thread (doc/CPU.md: short form [affinity, ...], long form [[intensity, affinity], ...], or {intensity, threads,
// affinity}); the first `count` entries are kept and new ones get no affinity (-1).
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities } from '../../../../src-shared/model/control.js';
import type { JsonObject } from '../cgminer/parse.js';
import { isObject } from '../fields.js';

/** The contract's own ceiling; XMRig itself takes any number of pools and tries them in order. */
export const MAX_XMRIG_POOLS = 3;
const MAX_ALIAS_HOPS = 4;

export interface XmrigLearned {
  /** Logical CPUs, from the summary. */
  logicalCpus: number | null;
  /** Whether the CPU backend was mining when last read. */
  cpuMining: boolean | null;
}

export function xmrigCapabilities(learned: XmrigLearned | null): Capabilities {
  const cpus = learned?.logicalCpus ?? null;
  return {
    pools: { max: MAX_XMRIG_POOLS },
    powerTargetW: null,
    frequencyMhz: null,
    voltageMv: null,
    threads: cpus !== null && learned?.cpuMining !== false ? { min: 1, max: cpus } : null,
    pauseResume: true,
    restart: false,
    needsCredential: 'apiToken',
  };
}

/** The algorithm family XMRig falls back to when no profile is named exactly: "rx/0" -> "rx". */
export function profileForAlgo(algo: string | null): string | null {
  if (!algo) return null;
  const family = algo.split('/')[0];
  return family && family.length > 0 ? family : null;
}

function resizeThreads(current: unknown, count: number): unknown {
  if (isObject(current)) return { ...current, threads: count };
  const list: unknown[] = Array.isArray(current) ? (current as unknown[]) : [];
  const longForm = list.some((entry) => Array.isArray(entry));
  const first: unknown = list[0];
  const intensity = Array.isArray(first) && typeof first[0] === 'number' ? first[0] : 1;
  const kept = list.slice(0, count);
  while (kept.length < count) kept.push(longForm ? [intensity, -1] : -1);
  return kept;
}

/** The config with the CPU profile `profile` resized to `count` threads (following profile aliases). */
export function configWithThreads(config: JsonObject, profile: string, count: number): JsonObject | RigwiseError {
  const cpu = config['cpu'];
  if (!isObject(cpu)) return new RigwiseError('RIG_ERROR', 'The miner config has no "cpu" section to set threads in.');
  let name = profile;
  for (let hop = 0; hop < MAX_ALIAS_HOPS && typeof cpu[name] === 'string'; hop += 1) name = cpu[name] as string;
  const current = cpu[name];
  if (current === false || typeof current === 'string') {
    return new RigwiseError(
      'RIG_ERROR',
      `CPU profile "${name}" is disabled in the miner config; threads cannot be set.`,
    );
  }
  return { ...config, cpu: { ...cpu, [name]: resizeThreads(current, count) } };
}

/** A JSON-RPC reply: {"result":{"status":"OK"}} or {"error":{"code","message"}} (HttpApiRequest.cpp). */
export function rpcOutcome(reply: JsonObject, method: string): RigwiseError | null {
  if ('result' in reply && !('error' in reply)) return null;
  const error = reply['error'];
  const message =
    isObject(error) && typeof error['message'] === 'string' ? error['message'].slice(0, 80) : 'no reason given';
  return new RigwiseError('RIG_ERROR', `XMRig refused "${method}": ${message}.`);
}
