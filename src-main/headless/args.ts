// Command-line options of the headless server (`npm start -- --demo --port 5178`). Unknown or malformed options are
// an error with a usage line, not silently ignored.
import { parseArgs } from 'node:util';

export interface ServerArgs {
  host: string;
  port: number;
  dataDir: string | null;
  demo: boolean;
  demoCount: number;
  /** Measure each tuning step for seconds instead of minutes (the demo, and e2e tests). */
  fastTuning: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm start -- [--demo] [--demo-count N] [--host 127.0.0.1] [--port 5178] [--data-dir DIR]
  --demo          also start a simulated farm on 127.0.1.10+ and scan it (works offline, touches no real rig)
  --demo-count N  how many simulated rigs (default 24, at most 1000); the demo keeps its own data folder
  --fast-tuning   measure each optimizer step for seconds, not minutes: for demos, less accurate (on with --demo,
                  unless --data-dir is given)
  --host ADDR     address to listen on (default 127.0.0.1; anything else exposes the farm to the network)
  --port N        port to listen on (default 5178; 0 picks a free one)
  --data-dir DIR  where settings and the fleet are kept (default: your user config folder)`;

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-count': { type: 'string' },
      'fast-tuning': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 5178, 0, 65_535),
    dataDir: values['data-dir'] ?? null,
    demo: values.demo,
    demoCount: integer('demo-count', values['demo-count'], 24, 1, 1000),
    // Short steps come with the demo only in its own folder: a --data-dir may hold a real farm.
    fastTuning: values['fast-tuning'] || (values.demo && values['data-dir'] === undefined),
    help: values.help,
  };
}
