// Command-line arguments of the simulator CLI, parsed and checked without side effects so they can be unit-tested.

import { parseArgs } from 'node:util';
import { isLoopbackAddress } from './addresses.js';
import { parseFault } from './faults.js';
import type { Fault } from './faults.js';
import { findModel } from './models.js';
import type { ModelName } from './models.js';
import type { DevsLayout } from './reply-context.js';
import type { QuirkName } from './rig.js';

export interface CliOptions {
  count: number;
  start: string;
  port: number;
  seed: number;
  demo: boolean;
  models: ModelName[] | null;
  faults: { rig: number; fault: Fault }[];
  quirks: QuirkName[];
  devsLayout: DevsLayout;
  help: boolean;
}

/** Keeps one process well inside a default file-descriptor limit and the benchmark's needs (1,000 rigs). */
export const MAX_RIGS = 10_000;

export const USAGE = `Usage: npm run sim -- --count N [--start 127.0.1.10] [--port 4028] [--seed S] [options]

Starts N virtual mining rigs on consecutive loopback addresses, each serving the cgminer API.
  --count N          number of rigs (1..${MAX_RIGS}; default 24 with --demo)
  --start ADDR       first address, inside 127.0.0.0/8 (default 127.0.1.10)
  --port P           API port of every rig (default 4028)
  --seed S           seed for the silicon lottery and noise (whole number, default 1)
  --models LIST      comma-separated models, cycled (e.g. s19pro,s9); default: all
  --demo             a realistic mixed farm with a couple of mild faults
  --fault R:KIND[:A[:B]]  give rig R (0-based) a fault, e.g. 3:deadBoard:1, 0:slowReplies:2000 (repeatable)
  --quirks LIST      firmware JSON quirks: missing-comma, leading-comma
  --devs LAYOUT      firmware (default) or per-board
While running, type "help" for commands that inject and clear faults. Ctrl-C or SIGTERM stops every rig.`;

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number ${min}..${max}, got "${text}"`);
  }
  return value;
}

function parseFaultSpec(spec: string): { rig: number; fault: Fault } {
  const [rigText = '', kind = '', ...args] = spec.split(':');
  const rig = wholeNumber('fault rig index', rigText, 0, MAX_RIGS - 1);
  const fault = parseFault(kind, args);
  if (typeof fault === 'string') throw new Error(`--fault ${spec}: ${fault}`);
  return { rig, fault };
}

function parseQuirk(name: string): QuirkName {
  if (name === 'missing-comma' || name === 'leading-comma') return name;
  throw new Error(`--quirks: unknown quirk "${name}" (known: missing-comma, leading-comma)`);
}

/** Parses argv (without node and script). Returns the options or an error message for the user. */
export function parseCliArgs(argv: readonly string[]): CliOptions | { error: string } {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        count: { type: 'string' },
        start: { type: 'string' },
        port: { type: 'string' },
        seed: { type: 'string' },
        models: { type: 'string' },
        demo: { type: 'boolean' },
        fault: { type: 'string', multiple: true },
        quirks: { type: 'string' },
        devs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const demo = values.demo ?? false;
    const help = values.help ?? false;
    if (values.count === undefined && !demo && !help) throw new Error('--count is required (or use --demo)');
    const count = values.count === undefined ? 24 : wholeNumber('count', values.count, 1, MAX_RIGS);
    const start = values.start ?? '127.0.1.10';
    if (!isLoopbackAddress(start)) throw new Error(`--start must be an IPv4 address in 127.0.0.0/8, got "${start}"`);
    const port = values.port === undefined ? 4028 : wholeNumber('port', values.port, 1, 65_535);
    const seed = values.seed === undefined ? 1 : wholeNumber('seed', values.seed, 0, 4_294_967_295);
    let models: ModelName[] | null = null;
    if (values.models !== undefined) {
      if (demo) throw new Error('--models and --demo cannot be combined: the demo picks its own mix');
      models = values.models.split(',').map((name) => {
        const model = findModel(name);
        if (!model) throw new Error(`--models: unknown model "${name}"`);
        return model;
      });
    }
    const faults = (values.fault ?? []).map(parseFaultSpec);
    const outOfRange = faults.find((entry) => entry.rig >= count);
    if (outOfRange) throw new Error(`--fault: rig ${outOfRange.rig} does not exist (rigs are 0..${count - 1})`);
    const quirks = values.quirks === undefined ? [] : values.quirks.split(',').map(parseQuirk);
    const devs = values.devs ?? 'firmware';
    if (devs !== 'firmware' && devs !== 'per-board')
      throw new Error(`--devs must be firmware or per-board, got "${devs}"`);
    return { count, start, port, seed, demo, models, faults, quirks, devsLayout: devs, help };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
