// Scan of a /24 holding 50 simulated rigs (target: wall time <= 1.5x the per-host timeout, 100% found). 150 other
// addresses accept connections and never answer, the worst a LAN can do, so the timeout really is paid. Baseline, in
// the same process: a bare sweep that sends `version` to every address with the same concurrency and timeout and waits
// for any answer, parsing and identifying nothing: what any scanner that asks rigs who they are must pay.
import net from 'node:net';
import { addressesOf, parseRange } from '../src-main/core/discovery/range.js';
import { createEngine } from '../src-main/core/engine.js';
import { forEachBounded } from '../src-main/core/util/concurrency.js';
import { startRemoteFarm } from './farm-client.js';

const RANGE = '127.0.7.0/24';
const PER_HOST_TIMEOUT_MS = 1500;
const CONCURRENCY = 256;

function askVersionOnce(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host, port });
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    socket.once('connect', () => socket.write('{"command":"version"}'));
    socket.once('data', done);
    socket.once('end', done);
    socket.once('error', done);
  });
}

export async function bareVersionSweepMs(range: string, timeoutMs: number, concurrency: number): Promise<number> {
  const started = performance.now();
  await forEachBounded(addressesOf(parseRange(range)), concurrency, (host) => askVersionOnce(host, 4028, timeoutMs));
  return performance.now() - started;
}

export async function scanBenchmark(): Promise<Record<string, number | string>> {
  const farm = await startRemoteFarm({
    count: 50,
    firstHost: '127.0.7.10',
    hangCount: 150,
    hangFirstHost: '127.0.7.100',
  });
  try {
    const engine = createEngine({
      dataDir: null,
      info: { version: 'bench', shell: 'headless', demo: false, demoRange: null },
    });
    engine.settings.update({ scanTimeoutMs: PER_HOST_TIMEOUT_MS, scanConcurrency: CONCURRENCY });
    const started = performance.now();
    engine.discovery.start({ range: RANGE });
    await engine.discovery.settled();
    const scanMs = performance.now() - started;
    const found = engine.fleet.list().filter((rig) => farm.hosts.includes(rig.identity.host)).length;
    await engine.stop();
    const baselineMs = await bareVersionSweepMs(RANGE, PER_HOST_TIMEOUT_MS, CONCURRENCY);
    return {
      'addresses scanned': parseRange(RANGE).size,
      'rigs present / found': `${farm.hosts.length} / ${found}`,
      'found share (target 100%)': `${((100 * found) / farm.hosts.length).toFixed(1)}%`,
      'scan wall time ms': Math.round(scanMs),
      'wall time / per-host timeout (target <= 1.5)': Number((scanMs / PER_HOST_TIMEOUT_MS).toFixed(2)),
      'baseline: bare version sweep ms': Math.round(baselineMs),
      'scan / baseline': Number((scanMs / baselineMs).toFixed(2)),
    };
  } finally {
    await farm.stop();
  }
}
