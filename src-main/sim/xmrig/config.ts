// A virtual XMRig rig's config: the JSON GET /2/config serves and PUT /2/config replaces whole, in the shape of
// xmrig/xmrig doc/api/2/config.json. What the miner does with a new config (Base::reload: 400 when it does not load,
// else 204 and the new settings take effect) is reduced to what the replies show: the pool it connects to, the CPU
// threads of the profile in use (doc/CPU.md profile formats), and the API's own token and restricted flag.
import type { XmrigRigModel } from './models.js';

export type XmrigConfig = Record<string, unknown>;

export interface HttpSettings {
  token: string | null;
  restricted: boolean;
}

export interface PoolSettings {
  url: string;
  user: string;
  tls: boolean;
}

const MAX_THREADS = 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function defaultConfig(model: XmrigRigModel, http: HttpSettings, port: number): XmrigConfig {
  const affinities = Array.from({ length: model.cpu.threads }, (_, index) => index);
  const hasOpencl = model.gpus.some((gpu) => gpu.backend === 'opencl');
  const hasCuda = model.gpus.some((gpu) => gpu.backend === 'cuda');
  return {
    api: { id: null, 'worker-id': null },
    http: { enabled: true, host: '0.0.0.0', port, 'access-token': http.token, restricted: http.restricted },
    autosave: true,
    background: false,
    colors: true,
    title: true,
    randomx: { init: -1, 'init-avx2': -1, mode: 'auto', '1gb-pages': false, rdmsr: true, wrmsr: true, numa: true },
    cpu: {
      enabled: model.cpuMining,
      'huge-pages': true,
      'huge-pages-jit': false,
      'hw-aes': null,
      priority: null,
      'memory-pool': false,
      yield: true,
      'max-threads-hint': 100,
      asm: true,
      'argon2-impl': null,
      rx: affinities,
      'rx/wow': affinities,
      'cn/0': false,
      'cn-lite/0': false,
    },
    opencl: {
      enabled: hasOpencl,
      cache: true,
      loader: null,
      platform: 'AMD',
      adl: true,
      'cn/0': false,
      'cn-lite/0': false,
    },
    cuda: { enabled: hasCuda, loader: null, nvml: true, 'cn/0': false, 'cn-lite/0': false },
    'log-file': null,
    'donate-level': 1,
    'donate-over-proxy': 1,
    pools: [
      {
        algo: null,
        coin: null,
        url: model.defaultPool.url,
        user: model.defaultPool.user,
        pass: 'x',
        'rig-id': null,
        nicehash: false,
        keepalive: true,
        enabled: true,
        tls: false,
        wss: false,
        daemon: false,
        socks5: null,
        'self-select': null,
        'submit-to-origin': false,
      },
    ],
    retries: 5,
    'retry-pause': 5,
    'print-time': 60,
    syslog: false,
    'user-agent': null,
    verbose: 0,
    watch: true,
    'pause-on-battery': false,
    'pause-on-active': false,
  };
}

/** Whether XMRig would load this config: an object with at least one pool that has a url. */
export function loadable(config: unknown): config is XmrigConfig {
  if (!isRecord(config) || !Array.isArray(config['pools'])) return false;
  if ('cpu' in config && !isRecord(config['cpu'])) return false;
  if ('http' in config && !isRecord(config['http'])) return false;
  return config['pools'].some((pool) => isRecord(pool) && typeof pool['url'] === 'string' && pool['url'].length > 0);
}

/** The pool the miner connects to: the first enabled one. */
export function activePool(config: XmrigConfig): PoolSettings | null {
  const pools = Array.isArray(config['pools']) ? config['pools'] : [];
  for (const pool of pools) {
    if (!isRecord(pool) || pool['enabled'] === false || typeof pool['url'] !== 'string') continue;
    const match = /^(?:([a-z0-9+.-]+):\/\/)?(.+)$/i.exec(pool['url']);
    const scheme = match?.[1]?.toLowerCase() ?? '';
    return {
      url: match?.[2] ?? pool['url'],
      user: typeof pool['user'] === 'string' ? pool['user'] : '',
      tls: pool['tls'] === true || scheme.includes('ssl') || scheme.includes('tls'),
    };
  }
  return null;
}

/** XMRig's profile lookup: the exact algorithm, then its family ("rx/0" -> "rx"), then "*"; string values alias. */
export function cpuProfileName(config: XmrigConfig, algo: string): string | null {
  const cpu = isRecord(config['cpu']) ? config['cpu'] : {};
  const family = algo.split('/')[0] ?? algo;
  let name = [algo, family, '*'].find((candidate) => candidate in cpu) ?? null;
  for (let hop = 0; name !== null && hop < 4 && typeof cpu[name] === 'string'; hop += 1) name = cpu[name] as string;
  return name;
}

/** CPU mining threads the config asks for on this algorithm (0: CPU backend off or profile disabled). */
export function cpuThreadCount(config: XmrigConfig, algo: string, fallback: number): number {
  const cpu = isRecord(config['cpu']) ? config['cpu'] : {};
  if (cpu['enabled'] === false) return 0;
  const name = cpuProfileName(config, algo);
  const profile = name === null ? undefined : cpu[name];
  if (profile === undefined || profile === true) return fallback;
  if (Array.isArray(profile)) return Math.min(profile.length, MAX_THREADS);
  if (isRecord(profile) && typeof profile['threads'] === 'number') {
    return Math.max(0, Math.min(Math.trunc(profile['threads']), MAX_THREADS));
  }
  return 0;
}

/** The affinity of each configured thread (-1: none), for the backends reply. */
export function cpuAffinities(config: XmrigConfig, algo: string, count: number): number[] {
  const cpu = isRecord(config['cpu']) ? config['cpu'] : {};
  const name = cpuProfileName(config, algo);
  const profile = name === null ? undefined : cpu[name];
  const list = Array.isArray(profile) ? profile : [];
  return Array.from({ length: count }, (_, index) => {
    const entry: unknown = list[index];
    const affinity: unknown = Array.isArray(entry) ? (entry as unknown[])[1] : entry;
    return typeof affinity === 'number' ? affinity : -1;
  });
}

export function httpSettings(config: XmrigConfig, current: HttpSettings): HttpSettings {
  const http = config['http'];
  if (!isRecord(http)) return current;
  const token = http['access-token'];
  return {
    token: typeof token === 'string' && token.length > 0 ? token : null,
    restricted: http['restricted'] !== false,
  };
}
