// Headless entry: the engine, the built renderer and the WebSocket API on 127.0.0.1, for machines where Electron
// cannot run (servers, CI, this sandbox). `npm start` falls back to it; `node dist-main/src-main/server.js --help`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseServerArgs, USAGE, type ServerArgs } from './headless/args.js';
import { defaultDataDir } from './headless/data-dir.js';
import { startHeadless } from './headless/headless-app.js';
import { startDemo, type RunningDemo } from './demo.js';

function projectRoot(): string {
  // Runs from src-main/ under tsx and from dist-main/src-main/ when built: walk up to package.json.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function readArgs(): ServerArgs {
  try {
    return parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

/** RIGWISE_TOKEN lets scripts know the token in advance; it must be as hard to guess as a generated one. */
function tokenFromEnvironment(): string | undefined {
  const token = process.env['RIGWISE_TOKEN'];
  if (token === undefined || token === '') return undefined;
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(token)) {
    console.error('RIGWISE_TOKEN must be 32 to 128 letters, digits, "-" or "_".');
    process.exit(2);
  }
  return token;
}

async function main(): Promise<void> {
  const args = readArgs();
  const token = tokenFromEnvironment();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const root = projectRoot();
  const rendererDir = path.join(root, 'dist-renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('The renderer is not built: run `npm run build` (npm start does it for you).');
    process.exit(1);
  }
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const demo: RunningDemo | null = args.demo ? await startDemo(args.demoCount) : null;
  const app = await startHeadless({
    host: args.host,
    port: args.port,
    // The demo keeps its own folder: its simulated rigs and its optimizer switched on never reach a real farm's state.
    dataDir: args.dataDir ?? (args.demo ? path.join(defaultDataDir(), 'demo') : defaultDataDir()),
    fastTuning: args.fastTuning,
    rendererDir,
    version,
    demoRange: demo?.range ?? null,
    token,
  });
  for (const problem of app.engine.startupProblems) console.warn(`Warning: ${problem}`);
  if (demo) {
    console.log(`Demo farm: ${demo.farm.rigs.length} simulated rigs on ${demo.range}, port 4028.`);
    // The optimizer is switched on only in the demo's own folder: a --data-dir may hold a real farm.
    demo.scanInto(app.engine, { enableOptimizer: args.dataDir === null });
  }
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.warn(`Warning: listening on ${args.host}: anyone who can reach it and has the token controls your farm.`);
  }
  console.log(`Rigwise is running headless. Open this URL in a browser:\n\n  ${app.url}\n`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping Rigwise…');
    app
      .close()
      .then(() => demo?.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('Rigwise did not stop cleanly:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('Rigwise failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
