// The JSON a virtual XMRig serves. GET /2/summary has the key set, order and types of the real 6.17 capture
// (PROTOCOLS.md A6, xmrig/xmrig doc/api/2/summary.json); GET /2/backends follows doc/api/2/backends.json for the CPU and
// CUDA entries and src/backend/opencl OclBackend/OclDevice toJSON for OpenCL (health: temperature, power, clock,
// mem_clock, rpm). Hashrate windows are [10 s, 60 s, 15 min] and null until the miner has run that long, as XMRig does.
import { mixSeed, mulberry32 } from '../random.js';
import { activePool, cpuAffinities, cpuProfileName, type XmrigConfig } from './config.js';
import { cpuThreadRates, gpuPowerW, gpuRate, poolDifficulty, totalRate, type XmrigPhysics } from './physics.js';

export const XMRIG_VERSION = '6.21.0';

export interface XmrigReplyContext {
  physics: XmrigPhysics;
  config: XmrigConfig;
  restricted: boolean;
  seed: number;
  host: string;
  nowMs: number;
}

function noise(context: XmrigReplyContext, salt: number, spread: number): number {
  const next = mulberry32(mixSeed(context.seed, salt, Math.floor(context.nowMs / 5000)));
  return 1 + (next() * 2 - 1) * spread;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** [10 s, 60 s, 15 min] windows, each null until the miner has run that long. */
function windows(context: XmrigReplyContext, rate: number, salt: number): Array<number | null> {
  const uptimeS = context.physics.elapsedS;
  return [
    uptimeS >= 10 ? round2(rate * noise(context, salt, 0.02)) : null,
    uptimeS >= 60 ? round2(rate * noise(context, salt + 1, 0.008)) : null,
    uptimeS >= 900 ? round2(rate * noise(context, salt + 2, 0.003)) : null,
  ];
}

const ALGORITHMS = [
  'cn/0',
  'cn/1',
  'cn/2',
  'cn/r',
  'cn-heavy/xhv',
  'cn-pico',
  'rx/0',
  'rx/wow',
  'rx/arq',
  'argon2/chukwav2',
  'kawpow',
  'ghostrider',
];

export function summaryReply(context: XmrigReplyContext): Record<string, unknown> {
  const { physics, config } = context;
  const { cpu } = physics.model;
  const pool = activePool(config);
  const good = Math.floor(physics.sharesGood);
  const bad = Math.floor(physics.sharesBad);
  const diff = poolDifficulty(physics);
  const avgTimeMs = good > 0 ? Math.round((physics.elapsedS * 1000) / good) : 0;
  const hashes = Math.floor(physics.hashesTotal);
  const id = mulberry32(mixSeed(context.seed, 0x1d))().toString(16).slice(2, 18).padEnd(16, '0');
  const threads = cpuThreadRates(physics).length;
  return {
    id,
    worker_id: `rig-${context.host.split('.').slice(-1)[0] ?? '0'}`,
    uptime: Math.floor(physics.elapsedS),
    restricted: context.restricted,
    resources: {
      memory: { free: 19_327_352_832, total: 34_359_738_368, resident_set_memory: 2_408_448_000 },
      load_average: [round2(threads * 0.98), round2(threads * 0.97), round2(threads * 0.95)],
      hardware_concurrency: cpu.threads,
    },
    features: ['api', 'asm', 'http', 'hwloc', 'tls', 'opencl', 'cuda'],
    results: {
      diff_current: diff,
      shares_good: good,
      shares_total: good + bad,
      avg_time: Math.round(avgTimeMs / 1000),
      avg_time_ms: avgTimeMs,
      hashes_total: hashes,
      best: [Math.floor(diff * 41.7), Math.floor(diff * 17.2), Math.floor(diff * 9.3), 0, 0, 0, 0, 0, 0, 0],
    },
    algo: physics.model.algo,
    connection: {
      pool: pool?.url ?? '',
      ip: '192.0.2.10',
      uptime: Math.floor(physics.connectionS),
      uptime_ms: Math.floor(physics.connectionS * 1000),
      ping: 38,
      failures: 0,
      tls: pool?.tls ? 'TLSv1.3' : null,
      'tls-fingerprint': null,
      algo: physics.model.algo,
      diff,
      accepted: Math.floor(physics.poolAccepted),
      rejected: Math.floor(physics.poolRejected),
      avg_time: Math.round(avgTimeMs / 1000),
      avg_time_ms: avgTimeMs,
      hashes_total: hashes,
    },
    version: XMRIG_VERSION,
    kind: 'miner',
    ua: `XMRig/${XMRIG_VERSION} (Linux x86_64) libuv/1.44.2 gcc/11.2.0`,
    cpu: {
      brand: cpu.brand,
      family: cpu.family,
      model: cpu.model,
      stepping: cpu.stepping,
      proc_info: cpu.family * 0x10000 + cpu.model * 0x10 + cpu.stepping,
      aes: true,
      avx2: true,
      x64: true,
      '64_bit': true,
      l2: cpu.l2,
      l3: cpu.l3,
      cores: cpu.cores,
      threads: cpu.threads,
      packages: 1,
      nodes: 1,
      backend: 'hwloc/2.9.0',
      msr: cpu.msr,
      assembly: cpu.assembly,
      arch: 'x86_64',
      flags: ['aes', 'avx', 'avx2', 'bmi2', 'osxsave', 'pdpe1gb', 'sse2', 'ssse3', 'sse4.1', 'popcnt'],
    },
    donate_level: typeof config['donate-level'] === 'number' ? config['donate-level'] : 1,
    paused: physics.paused,
    algorithms: ALGORITHMS,
    hashrate: { total: windows(context, totalRate(physics), 10), highest: round2(physics.highestHs) },
    hugepages: threads > 0 ? [threads, threads] : [0, 0],
  };
}

function cpuBackend(context: XmrigReplyContext): Record<string, unknown> {
  const { physics, config } = context;
  const algo = physics.model.algo;
  const rates = cpuThreadRates(physics);
  const enabled = physics.cpuThreads > 0;
  const base = {
    type: 'cpu',
    enabled,
    algo: enabled ? algo : null,
    profile: enabled ? cpuProfileName(config, algo) : null,
    'hw-aes': true,
    priority: -1,
    msr: true,
    asm: physics.model.cpu.assembly,
    'argon2-impl': 'AVX2',
    hugepages: [physics.cpuThreads, physics.cpuThreads],
    memory: physics.cpuThreads * 2_097_152,
  };
  if (!enabled) return base;
  const affinities = cpuAffinities(config, algo, physics.cpuThreads);
  const total = rates.reduce((sum, rate) => sum + rate, 0);
  return {
    ...base,
    hashrate: windows(context, total, 20),
    threads: affinities.map((affinity, index) => ({
      intensity: 1,
      affinity,
      av: 1,
      hashrate: windows(context, rates[index] ?? 0, 100 + index * 3),
    })),
  };
}

function gpuBackend(context: XmrigReplyContext, backend: 'opencl' | 'cuda'): Record<string, unknown> {
  const { physics } = context;
  const gpus = physics.gpus.map((gpu, index) => ({ gpu, index })).filter(({ gpu }) => gpu.spec.backend === backend);
  const head = {
    type: backend,
    enabled: gpus.length > 0,
    algo: gpus.length > 0 ? physics.model.algo : null,
    profile: gpus.length > 0 ? physics.model.algo : null,
  };
  if (gpus.length === 0) return head;
  const total = gpus.reduce((sum, { gpu }) => sum + gpuRate(physics, gpu), 0);
  const threads = gpus.map(({ gpu, index }, deviceIndex) => {
    const rate = gpuRate(physics, gpu);
    const powerW = Math.round(gpuPowerW(physics, gpu) * noise(context, 300 + index, 0.02));
    const tempC = Math.round(gpu.tempC);
    const clock = Math.round(gpu.spec.clockMhz * (rate > 0 ? 1 : 0.25));
    const fanPct = gpu.fanFailed ? 0 : Math.round(gpu.fanDuty * 100);
    if (backend === 'cuda') {
      return {
        index: deviceIndex,
        threads: 256,
        blocks: 2048,
        bfactor: 0,
        bsleep: 0,
        affinity: -1,
        cclock: 0,
        mclock: 0,
        // "dataset_host" is RandomX-only (the 6.17 capture mines cn-heavy with it false); KawPow has no dataset.
        hashrate: windows(context, rate, 200 + index * 3),
        name: gpu.spec.name,
        bus_id: gpu.spec.busId,
        smx: 46,
        arch: 86,
        global_mem: gpu.spec.globalMemBytes,
        clock: gpu.spec.clockMhz,
        memory_clock: gpu.spec.memClockMhz,
        health: { temperature: tempC, power: powerW, clock, mem_clock: gpu.spec.memClockMhz, fan_speed: [fanPct] },
      };
    }
    return {
      index: deviceIndex,
      intensity: 1_048_576,
      worksize: 256,
      affinity: -1,
      hashrate: windows(context, rate, 200 + index * 3),
      board: gpu.spec.name,
      name: 'gfx1030',
      bus_id: gpu.spec.busId,
      cu: 60,
      global_mem: gpu.spec.globalMemBytes,
      health: {
        temperature: tempC,
        power: powerW,
        clock,
        mem_clock: gpu.spec.memClockMhz,
        rpm: gpu.fanFailed ? 0 : Math.round(gpu.fanDuty * gpu.spec.fanMaxRpm),
      },
    };
  });
  const extra =
    backend === 'cuda'
      ? {
          versions: {
            'cuda-runtime': '12.2',
            'cuda-driver': '12.2',
            plugin: XMRIG_VERSION,
            nvml: '12.535.104.05',
            driver: '535.104.05',
          },
        }
      : {
          platform: {
            index: 0,
            profile: 'FULL_PROFILE',
            version: 'OpenCL 2.1 AMD-APP (3581.0)',
            name: 'AMD Accelerated Parallel Processing',
            vendor: 'Advanced Micro Devices, Inc.',
          },
        };
  return { ...head, ...extra, hashrate: windows(context, total, 250 + (backend === 'cuda' ? 1 : 0) * 5), threads };
}

/** XMRig lists every backend it was built with, in this order, enabled or not. */
export function backendsReply(context: XmrigReplyContext): unknown[] {
  return [cpuBackend(context), gpuBackend(context, 'opencl'), gpuBackend(context, 'cuda')];
}
