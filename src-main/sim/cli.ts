// The simulator as a program: `npx tsx src-main/sim/cli.ts --count 30 --start 127.0.1.10` (mapped to `npm run sim`).
// Starts the farm, prints where each rig answers, accepts fault commands on stdin, and stops every server cleanly on
// Ctrl-C or SIGTERM, exiting 0.

import { createInterface } from 'node:readline';
import { formatHashrate, formatPower, formatTemperature } from '../../src-shared/units.js';
import { parseCliArgs, USAGE } from './cli-args.js';
import type { CliOptions } from './cli-args.js';
import { startDemoFarm, startFarm } from './farm.js';
import type { Farm } from './farm.js';
import { isFaultKind, parseFault } from './faults.js';

function describeRig(farm: Farm, index: number): string {
  const rig = farm.rigs[index];
  if (!rig) return `no rig ${index}`;
  const state = rig.readState();
  const hottestC = Math.max(...state.boards.map((board) => board.chipTempC));
  const faults = rig.activeFaults().map((fault) => fault.kind);
  const faultText = faults.length > 0 ? `  faults: ${faults.join(', ')}` : '';
  return `${String(index).padStart(4)}  ${rig.address.padEnd(21)} ${rig.model.name.padEnd(18)} ${formatHashrate(state.hashrateThs).padStart(12)} ${formatPower(state.powerW).padStart(9)} ${formatTemperature(hottestC).padStart(6)}${faultText}`;
}

function summaryLine(farm: Farm, options: CliOptions): string {
  const counts = new Map<string, number>();
  let hashrateThs = 0;
  let powerW = 0;
  for (const rig of farm.rigs) {
    counts.set(rig.model.name, (counts.get(rig.model.name) ?? 0) + 1);
    const state = rig.readState();
    hashrateThs += state.hashrateThs;
    powerW += state.powerW;
  }
  const mix = [...counts].map(([name, count]) => `${count} x ${name.replace(/^Antminer /, '')}`).join(', ');
  const first = farm.rigs[0]?.host ?? '?';
  const last = farm.rigs.at(-1)?.host ?? '?';
  return `${farm.rigs.length} rigs up on ${first} .. ${last} port ${options.port} (seed ${options.seed}): ${mix}; total ${formatHashrate(hashrateThs)}, ${formatPower(powerW)}`;
}

const COMMAND_HELP = `Commands:
  list                         every rig with its state
  fault R KIND [A [B]]         give rig R a fault (kinds: unreachable, deadBoard B, degradedBoard B N, failingFan F,
                               overheat, slowReplies MS, garbageReplies, hang, trickle BYTES MS, oversized BYTES)
  clear R KIND [INDEX]         clear rig R's faults of that kind (only board/fan INDEX if given)
  help                         this text`;

async function runCommand(farm: Farm, line: string): Promise<string> {
  const [verb = '', rigText = '', kind = '', ...args] = line.trim().split(/\s+/);
  if (verb === '') return '';
  if (verb === 'help') return COMMAND_HELP;
  if (verb === 'list') return farm.rigs.map((_rig, index) => describeRig(farm, index)).join('\n');
  const rig = farm.rigs[Number(rigText)];
  if (!/^\d+$/.test(rigText) || !rig) return `no rig "${rigText}" (rigs are 0..${farm.rigs.length - 1})`;
  if (verb === 'fault') {
    const fault = parseFault(kind, args);
    if (typeof fault === 'string') return fault;
    await rig.injectFault(fault);
    return describeRig(farm, Number(rigText));
  }
  if (verb === 'clear') {
    if (!isFaultKind(kind)) return `unknown fault "${kind}"`;
    await rig.clearFault(kind, args[0] === undefined ? undefined : Number(args[0]));
    return describeRig(farm, Number(rigText));
  }
  return `unknown command "${verb}"; type help`;
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if ('error' in options) {
    process.stderr.write(`rigwise sim: ${options.error}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const common = {
    count: options.count,
    firstHost: options.start,
    port: options.port,
    seed: options.seed,
    quirks: options.quirks,
    devsLayout: options.devsLayout,
  };
  const farm = options.demo
    ? await startDemoFarm(common)
    : await startFarm(options.models ? { ...common, models: options.models } : common);
  for (const { rig, fault } of options.faults) await farm.rigs[rig]?.injectFault(fault);
  farm.rigs.forEach((_rig, index) => process.stdout.write(`${describeRig(farm, index)}\n`));
  process.stdout.write(`${summaryLine(farm, options)}\nType "help" for fault commands; Ctrl-C stops.\n`);

  // Fault commands come in on stdin; with stdin at EOF (a service, /dev/null) the reader just closes.
  const input = createInterface({ input: process.stdin, terminal: false });
  input.on('line', (line) => {
    runCommand(farm, line)
      .then((reply) => reply && process.stdout.write(`${reply}\n`))
      .catch((error: unknown) =>
        process.stdout.write(`error: ${error instanceof Error ? error.message : String(error)}\n`),
      );
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    input.close();
    farm
      .stop()
      .then(() => {
        process.stdout.write(`${signal}: stopped ${farm.rigs.length} rigs\n`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`rigwise sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
