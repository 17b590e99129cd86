// `npm run bench [-- --seconds N] [-- --only scan|discovery|poll|history|optimizer|backtest]`: prints each benchmark's figures and its ratio against a
// baseline measured in the same run. Not a test: it asserts nothing, it reports.
import { parseArgs } from 'node:util';
import { backtestBenchmark } from './backtest.bench.js';
import { discoveryBenchmark } from './discovery.bench.js';
import { optimizerBenchmark } from './optimizer.bench.js';
import { pollBenchmark } from './poll.bench.js';
import { scanBenchmark } from './scan.bench.js';
import { telemetryBenchmark } from './telemetry.bench.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, only: { type: 'string' } },
});
const seconds = Number(values.seconds);
if (!Number.isFinite(seconds) || seconds < 5 || seconds > 600) throw new Error('--seconds must be 5 to 600');

function print(title: string, figures: Record<string, number | string>): void {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(48)} ${value}`);
}

const only = values.only;
if (only !== undefined && !['scan', 'discovery', 'poll', 'history', 'optimizer', 'backtest'].includes(only))
  throw new Error('--only is scan, discovery, poll, history, optimizer or backtest');
if (only === undefined || only === 'scan') print('Scan: /24 with 50 simulated rigs', await scanBenchmark());
if (only === undefined || only === 'discovery') {
  print('Discovery: /22 with 200 rigs of every family', await discoveryBenchmark());
}
if (only === undefined || only === 'poll') {
  print(`Polling: 1,000 simulated rigs every 5 s for ${seconds} s`, await pollBenchmark(seconds));
}
if (only === undefined || only === 'history') {
  for (const [title, figures] of Object.entries(telemetryBenchmark())) print(title, figures);
}
if (only === undefined || only === 'optimizer') {
  for (const [title, figures] of Object.entries(await optimizerBenchmark(seconds))) print(title, figures);
}
if (only === undefined || only === 'backtest') {
  print('Profit switcher backtest: Bitcoin history and a generated second SHA-256 coin', backtestBenchmark());
}
