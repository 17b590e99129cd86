// A child process for the kill test: a farm of four simulated rigs on 127.0.6.20-23 and the engine polling them every
// second, with history in the data folder given; prints "written <n>" each time the worker confirms n frames.
import { startFarm } from '../sim/farm.js';
import { createEngine } from '../core/engine.js';

const dataDir = process.argv[2];
if (dataDir) {
  await startFarm({ count: 4, firstHost: '127.0.6.20', seed: 9 });
  const engine = createEngine({
    dataDir,
    info: { version: 'test', shell: 'headless', demo: true, demoRange: null },
    telemetry: { flushIntervalMs: 200 },
  });
  engine.settings.update({ pollIntervalMs: 1000, pollTimeoutMs: 500, scanTimeoutMs: 800 });
  engine.start();
  engine.discovery.start({ range: '127.0.6.20-127.0.6.23' });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const status = await engine.telemetry.flushed();
    process.stdout.write(`written ${status.framesWritten}\n`);
  }
}
