// Polling 1,000 simulated rigs every 5 s (targets: engine CPU < 10% of one core, event-loop delay p99 < 20 ms). The
// farm runs in another process, so the CPU measured here is the engine's alone. Baseline, same process and schedule: a
// bare poller that sends the same request to every rig and discards the reply unparsed, i.e. the floor set by sockets.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sendCgminerCommand } from '../src-main/core/drivers/cgminer/transport.js';
import { createEngine } from '../src-main/core/engine.js';
import { PollScheduler } from '../src-main/core/fleet/poll-scheduler.js';
import { startRemoteFarm } from './farm-client.js';

const RIGS = 1000;
const POLL_INTERVAL_MS = 5000;

interface Window {
  cpuShareOfOneCore: number;
  loopDelayP99Ms: number;
  polls: number;
}

async function measure(seconds: number, polls: () => number): Promise<Window> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const before = process.cpuUsage();
  const pollsBefore = polls();
  const started = performance.now();
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  histogram.disable();
  const usage = process.cpuUsage(before);
  const wallUs = (performance.now() - started) * 1000;
  return {
    cpuShareOfOneCore: (usage.user + usage.system) / wallUs,
    loopDelayP99Ms: histogram.percentile(99) / 1e6,
    polls: polls() - pollsBefore,
  };
}

async function engineWindow(hosts: string[], seconds: number): Promise<Window> {
  const engine = createEngine({
    dataDir: null,
    info: { version: 'bench', shell: 'headless', demo: false, demoRange: null },
  });
  engine.settings.update({ pollIntervalMs: POLL_INTERVAL_MS, scanConcurrency: 256 });
  let polls = 0;
  engine.events.subscribe((event) => {
    if (event === 'fleet.rigUpdated') polls += 1;
  });
  engine.start();
  engine.discovery.start({ range: `${hosts[0]}-${hosts.at(-1)}` });
  await engine.discovery.settled();
  // Let the first round of polls spread over the period before measuring the steady state.
  await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS + 1000));
  const window = await measure(seconds, () => polls);
  const upShare = engine.fleet.list().filter((rig) => rig.status === 'up').length;
  await engine.stop();
  if (upShare !== hosts.length) console.warn(`  note: only ${upShare} of ${hosts.length} rigs were up at the end`);
  return window;
}

async function bareWindow(hosts: string[], seconds: number): Promise<Window> {
  let polls = 0;
  const scheduler = new PollScheduler({
    intervalMs: POLL_INTERVAL_MS,
    retryDelayMs: 1000,
    maxInFlight: 128,
    poll: async (host) => {
      await sendCgminerCommand(host, 4028, 'summary+stats+pools+devs', { timeoutMs: 3000 });
      polls += 1;
      return 'ok';
    },
  });
  for (const host of hosts) scheduler.add(host);
  await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS + 1000));
  const window = await measure(seconds, () => polls);
  scheduler.stop();
  return window;
}

export async function pollBenchmark(seconds: number): Promise<Record<string, number | string>> {
  const farm = await startRemoteFarm({ count: RIGS, firstHost: '127.0.8.1' });
  try {
    const engine = await engineWindow(farm.hosts, seconds);
    const bare = await bareWindow(farm.hosts, seconds);
    return {
      rigs: farm.hosts.length,
      'measured seconds': seconds,
      'engine polls completed': engine.polls,
      'engine CPU, share of one core (target < 10%)': `${(engine.cpuShareOfOneCore * 100).toFixed(1)}%`,
      'engine event-loop delay p99 ms (target < 20)': Number(engine.loopDelayP99Ms.toFixed(1)),
      'baseline: bare poller CPU': `${(bare.cpuShareOfOneCore * 100).toFixed(1)}%`,
      'baseline: bare poller loop delay p99 ms': Number(bare.loopDelayP99Ms.toFixed(1)),
      'engine CPU / baseline CPU': Number((engine.cpuShareOfOneCore / bare.cpuShareOfOneCore).toFixed(2)),
    };
  } finally {
    await farm.stop();
  }
}
