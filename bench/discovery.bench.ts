// Scan of a /22 (1,022 addresses) holding 200 simulated rigs of every family (targets: 100% identified correctly,
// wall time under 3x the per-host timeout). 200 more addresses accept connections on 4028 and never answer. Baseline,
// same process: the bare `version` sweep of scan.bench.ts over the same /22.
import { createEngine } from '../src-main/core/engine.js';
import { SIMULATED_CREDENTIALS } from '../src-main/sim/mixed-farm.js';
import { startRemoteFarm } from './farm-client.js';
import { bareVersionSweepMs } from './scan.bench.js';

const RANGE = '127.0.12.0/22';
const PER_HOST_TIMEOUT_MS = 1500;
const MIX = {
  antminer: 80,
  whatsminer: 40,
  bosminer: 24,
  bitaxe: 16,
  xmrig: 8,
  trex: 8,
  lolminer: 8,
  gminer: 6,
  srbminer: 5,
  teamredminer: 5,
};

export async function discoveryBenchmark(): Promise<Record<string, number | string>> {
  const farm = await startRemoteFarm({
    count: 200,
    firstHost: '127.0.12.10',
    mixed: MIX,
    hangCount: 200,
    hangFirstHost: '127.0.14.10',
  });
  try {
    const engine = createEngine({
      dataDir: null,
      info: { version: 'bench', shell: 'headless', demo: false, demoRange: null },
    });
    for (const { family, kind, secret } of SIMULATED_CREDENTIALS)
      engine.credentials.set(`family:${family}`, kind, secret);
    engine.settings.update({ scanTimeoutMs: PER_HOST_TIMEOUT_MS, scanConcurrency: 1024 });
    const started = performance.now();
    engine.discovery.start({ range: RANGE });
    await engine.discovery.settled();
    const scanMs = performance.now() - started;
    const found = new Map(engine.fleet.list().map((rig) => [rig.identity.host, rig.identity]));
    const correct = farm.identities.filter(
      ({ host, family, model }) => found.get(host)?.family === family && found.get(host)?.model === model,
    );
    await engine.stop();
    const baselineMs = await bareVersionSweepMs(RANGE, PER_HOST_TIMEOUT_MS, 1024);
    return {
      'addresses scanned': engine.discovery.status()?.total ?? 0,
      'rigs present / identified correctly': `${farm.identities.length} / ${correct.length}`,
      'identified correctly (target 100%)': `${((100 * correct.length) / farm.identities.length).toFixed(1)}%`,
      'scan wall time ms': Math.round(scanMs),
      'wall time / per-host timeout (target < 3)': Number((scanMs / PER_HOST_TIMEOUT_MS).toFixed(2)),
      'baseline: bare version sweep ms': Math.round(baselineMs),
      'scan / baseline': Number((scanMs / baselineMs).toFixed(2)),
    };
  } finally {
    await farm.stop();
  }
}
