// Hashboards from GET /2/backends: the CPU backend as one board, and each GPU as one board. CUDA and OpenCL list one
// entry per GPU thread; a GPU can run several threads, so threads are grouped by their device "index". Health comes
// from NVML on CUDA (temperature, power W, clock MHz, fan_speed as a list of percents) and from ADL on OpenCL
// (temperature, power, clock, mem_clock, rpm). Sources: xmrig/xmrig doc/api/2/backends.json (CPU + CUDA capture);
// src/backend/opencl/wrappers/OclDevice.cpp toJSON (the OpenCL health block); PROTOCOLS.md A6.
import type { Fan, Hashboard } from '../../../../src-shared/model/rig.js';
import { toTerahash } from '../../../../src-shared/units.js';
import { booleanField, intField, isObject, numberField, stringField } from '../fields.js';
import { hashrateWindows } from './parse.js';

const MAX_BACKENDS = 8;
const MAX_THREADS = 4096;
const MAX_GPUS = 32;

export interface BackendDevices {
  boards: Hashboard[];
  fans: Fan[];
  /** CPU mining threads, or null when the CPU backend is off or absent. */
  cpuThreads: number | null;
  /** The CPU threads profile in use ("rx"): the config entry a thread-count change rewrites. */
  cpuProfile: string | null;
  /** Sum of GPU power when every GPU reports it and the CPU (whose power XMRig never reports) is not mining. */
  powerW: number | null;
}

interface GpuGroup {
  hashrateHs: number | null;
  name: string | null;
  health: Record<string, unknown>;
}

function ths(hs: number | null): number | null {
  return hs === null ? null : toTerahash(hs, 'H');
}

function currentRate(value: unknown): number | null {
  const [tenSeconds, minute] = hashrateWindows(value);
  return tenSeconds ?? minute ?? null;
}

function status(hashrateThs: number | null, paused: boolean): Hashboard['status'] {
  return hashrateThs === 0 && !paused ? 'dead' : 'ok';
}

function gpuGroups(threads: unknown[]): GpuGroup[] {
  const groups = new Map<number, GpuGroup>();
  threads.slice(0, MAX_THREADS).forEach((thread, position) => {
    if (!isObject(thread)) return;
    const index = intField(thread['index']);
    const key = index !== null && index >= 0 ? index : position;
    if (!groups.has(key) && groups.size >= MAX_GPUS) return;
    const group = groups.get(key) ?? { hashrateHs: null, name: null, health: {} };
    const rate = currentRate(thread['hashrate']);
    if (rate !== null) group.hashrateHs = (group.hashrateHs ?? 0) + rate;
    group.name ??= stringField(thread['name'], 96);
    if (isObject(thread['health'])) group.health = thread['health'];
    groups.set(key, group);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

function positive(value: unknown, max: number): number | null {
  const parsed = numberField(value);
  return parsed !== null && parsed > 0 && parsed < max ? parsed : null;
}

function gpuBoard(group: GpuGroup, index: number, paused: boolean): { board: Hashboard; rpm: number | null } {
  const fanSpeeds: unknown = group.health['fan_speed'];
  const fanPercent = Array.isArray(fanSpeeds) ? numberField(fanSpeeds[0]) : null;
  const hashrateThs = ths(group.hashrateHs);
  return {
    board: {
      index,
      hashrateThs,
      chipTempC: positive(group.health['temperature'], 200),
      boardTempC: null,
      frequencyMhz: positive(group.health['clock'], 10_000),
      chipsOk: null,
      chipsTotal: null,
      hardwareErrors: null,
      powerW: positive(group.health['power'], 5_000),
      fanPercent: fanPercent !== null && fanPercent >= 0 && fanPercent <= 100 ? fanPercent : null,
      status: status(hashrateThs, paused),
    },
    rpm: positive(group.health['rpm'], 100_000),
  };
}

export function devicesFromBackends(backends: unknown, paused: boolean): BackendDevices {
  const result: BackendDevices = { boards: [], fans: [], cpuThreads: null, cpuProfile: null, powerW: null };
  if (!Array.isArray(backends)) return result;
  let cpuMining = false;
  for (const backend of backends.slice(0, MAX_BACKENDS)) {
    if (!isObject(backend) || booleanField(backend['enabled']) !== true) continue;
    const threads = Array.isArray(backend['threads']) ? backend['threads'] : [];
    const type = stringField(backend['type'], 16);
    if (type === 'cpu') {
      const hashrateThs = ths(currentRate(backend['hashrate']));
      // An enabled CPU backend with no threads cannot mine this algorithm (e.g. KawPow): no board, no thread count.
      cpuMining = threads.length > 0;
      if (!cpuMining) continue;
      result.cpuThreads = Math.min(threads.length, MAX_THREADS);
      result.cpuProfile = stringField(backend['profile'], 64);
      result.boards.push({
        index: result.boards.length,
        hashrateThs,
        chipTempC: null,
        boardTempC: null,
        frequencyMhz: null,
        chipsOk: null,
        chipsTotal: null,
        hardwareErrors: null,
        powerW: null,
        fanPercent: null,
        status: status(hashrateThs, paused),
      });
    } else if (type === 'cuda' || type === 'opencl') {
      for (const group of gpuGroups(threads)) {
        const { board, rpm } = gpuBoard(group, result.boards.length, paused);
        result.boards.push(board);
        if (rpm !== null) result.fans.push({ index: board.index, rpm });
      }
    }
  }
  const gpus = result.boards.filter((board) => board.powerW !== null);
  const gpuCount = result.boards.length - (cpuMining ? 1 : 0);
  if (!cpuMining && gpuCount > 0 && gpus.length === gpuCount) {
    result.powerW = gpus.reduce((sum, board) => sum + (board.powerW ?? 0), 0);
  }
  return result;
}
