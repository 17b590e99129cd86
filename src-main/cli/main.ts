// `npm run cli -- scan <range> [--json]` and `npm run cli -- status <address> [--json]`: the engine's own discovery
// and drivers from a terminal, for scripts and for checking a rig without opening the app. Prints to stdout; errors go
// to stderr with exit code 1 (usage: 2).
import { parseArgs } from 'node:util';
import { RigwiseError } from '../../src-shared/api/errors.js';
import { ipv4ToNumber } from '../../src-shared/ipv4.js';
import { identifyHost } from '../core/discovery/scanner.js';
import { createEngine } from '../core/engine.js';
import { rigTable, snapshotReport } from './format.js';

const USAGE = `Usage:
  npm run cli -- scan <range> [--json] [--timeout MS] [--concurrency N]
  npm run cli -- status <address> [--json] [--timeout MS]
A range is a CIDR block (192.168.1.0/24) or a span (192.168.1.10-192.168.1.60); an address is an IPv4 address.`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function integer(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) fail(`--${name} must be a positive whole number.\n\n${USAGE}`, 2);
  return value;
}

function newEngine() {
  return createEngine({ dataDir: null, info: { version: 'cli', shell: 'headless', demo: false, demoRange: null } });
}

async function scan(range: string, json: boolean, timeoutMs: number, concurrency: number): Promise<void> {
  const engine = newEngine();
  engine.discovery.start({ range, timeoutMs, concurrency });
  await engine.discovery.settled();
  const rigs = engine.fleet.list();
  await Promise.all(rigs.map((rig) => engine.fleet.pollNow(rig.id)));
  const polled = engine.fleet
    .list()
    .sort((a, b) => (ipv4ToNumber(a.identity.host) ?? 0) - (ipv4ToNumber(b.identity.host) ?? 0));
  const progress = engine.discovery.status();
  await engine.stop();
  if (json) {
    console.log(
      JSON.stringify(
        polled.map(({ identity, status, snapshot, problem }) => ({ ...identity, status, snapshot, problem })),
        null,
        2,
      ),
    );
    return;
  }
  console.log(rigTable(polled));
  console.log(
    `\n${polled.length} rig${polled.length === 1 ? '' : 's'} found in ${progress?.range ?? range} (${progress?.probed ?? 0} addresses probed).`,
  );
}

async function status(address: string, json: boolean, timeoutMs: number): Promise<void> {
  const host = address.split(':')[0] ?? '';
  if (ipv4ToNumber(host) === null) fail(`"${address}" is not an IPv4 address.\n\n${USAGE}`, 2);
  const engine = newEngine();
  const registry = engine.drivers;
  const identity = await identifyHost(host, registry, timeoutMs, new AbortController().signal);
  if (!identity) {
    await engine.stop();
    fail(`No rig Rigwise knows answered at ${host} within ${timeoutMs} ms.`);
  }
  const snapshot = await registry.get(identity.family).read({ identity, timeoutMs }, new AbortController().signal);
  await engine.stop();
  console.log(json ? JSON.stringify({ ...identity, snapshot }, null, 2) : snapshotReport(identity, snapshot));
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  if (values.help) return console.log(USAGE);
  const timeoutMs = integer(values.timeout, 3000, 'timeout');
  if (command === 'scan' && target)
    return scan(target, values.json, timeoutMs, integer(values.concurrency, 256, 'concurrency'));
  if (command === 'status' && target) return status(target, values.json, timeoutMs);
  fail(USAGE, 2);
}

main().catch((error: unknown) => {
  fail(error instanceof RigwiseError ? `${error.code}: ${error.message}` : `Failed: ${String(error)}`);
});
