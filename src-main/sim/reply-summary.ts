// `summary` and `pools`. Field names and number formats per family: the S19 family follows a real S19j Pro capture
// (two decimals, the "Getwork" spelling in summary, "Pool Stale%%" in pools), S17/S9 follow the S17 Pro capture and
// cgminer's own summary (four and eight decimals, "Pool Stale%").

import { POOL_DIFFICULTY } from './calibration.js';
import type { ApiReply } from './reply-envelope.js';
import { averageGhs, totalHardwareErrors } from './reply-context.js';
import type { ReplyContext } from './reply-context.js';
import { fixed } from './serialize.js';
import type { WireObject } from './serialize.js';

/** The simulated pools. Hostnames use the reserved .test TLD: nothing ever connects to them. */
export const SIM_POOLS = [
  'stratum+tcp://btc.pool-a.test:3333',
  'stratum+tcp://btc.pool-b.test:443',
  'stratum+tcp://btc.pool-c.test:25',
] as const;

/** cgminer's suffix_string: 65536 -> "65.5K", 524288 -> "524K", 512 -> "512". */
export function suffixString(value: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let scaled = value;
  let unit = 0;
  while (scaled >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  if (unit === 0) return String(Math.round(scaled));
  const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  return `${scaled.toFixed(digits)}${units[unit] ?? ''}`;
}

interface Formats {
  diffDigits: number;
  pctDigits: number;
}

function formats(context: ReplyContext): Formats {
  return context.model.layout === 's19' ? { diffDigits: 2, pctDigits: 2 } : { diffDigits: 8, pctDigits: 4 };
}

/** Counters that real firmware keeps but the model does not need: derived from uptime at realistic ratios. */
function workCounters(context: ReplyContext): { getworks: number; discarded: number; localWork: number } {
  const getworks = Math.floor(context.physics.elapsedS / 28);
  return { getworks, discarded: getworks * 15, localWork: getworks * 16 };
}

function sharesPerS(context: ReplyContext): number {
  return (context.reading.ghs * 1e9) / (POOL_DIFFICULTY * 4_294_967_296);
}

/** "0:00:34": time since the last accepted share, as cgminer prints it. */
function lastShareTime(context: ReplyContext): string {
  const rate = sharesPerS(context);
  if (rate <= 0 || context.physics.accepted < 1) return '0';
  const seconds = Math.floor(context.random() * Math.min(3600, 1 / rate));
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export function summaryReply(context: ReplyContext): ApiReply {
  const { physics, model } = context;
  const { diffDigits, pctDigits } = formats(context);
  const elapsedS = Math.max(1, Math.floor(physics.elapsedS));
  const accepted = Math.floor(physics.accepted);
  const rejected = Math.floor(physics.rejected);
  const totalGh = physics.boards.reduce((sum, board) => sum + board.hashesGh, 0);
  const diff1Shares = (totalGh * 1e9) / 4_294_967_296;
  const hwErrors = totalHardwareErrors(context);
  const { getworks, discarded, localWork } = workCounters(context);
  const isS19 = model.layout === 's19';
  const summary: WireObject = { Elapsed: elapsedS };
  summary['GHS 5s'] = isS19 ? fixed(context.ghs5s, 2) : context.ghs5s.toFixed(2);
  summary['GHS av'] = fixed(averageGhs(context), 2);
  if (isS19) summary['GHS 30m'] = fixed(physics.rate30mGhs, 2);
  summary['Found Blocks'] = 0;
  // The S19j Pro capture spells it "Getwork" here and "Getworks" in pools.
  summary[isS19 ? 'Getwork' : 'Getworks'] = getworks;
  Object.assign(summary, {
    Accepted: accepted,
    Rejected: rejected,
    'Hardware Errors': hwErrors,
    Utility: fixed((accepted / elapsedS) * 60, 2),
    Discarded: discarded,
    Stale: Math.floor(physics.stale),
    'Get Failures': Math.floor(elapsedS / 400_000),
    'Local Work': localWork,
    'Remote Failures': Math.floor(elapsedS / 900_000),
    'Network Blocks': Math.floor(elapsedS / 600),
    'Total MH': fixed(totalGh * 1000, isS19 ? 2 : 4),
    'Work Utility': fixed((diff1Shares / elapsedS) * 60, 2),
    'Difficulty Accepted': fixed(accepted * POOL_DIFFICULTY, diffDigits),
    'Difficulty Rejected': fixed(rejected * POOL_DIFFICULTY, diffDigits),
    'Difficulty Stale': fixed(Math.floor(physics.stale) * POOL_DIFFICULTY, diffDigits),
    'Best Share': Math.floor(accepted * POOL_DIFFICULTY * 1.9),
    'Device Hardware%': fixed((hwErrors / Math.max(1, diff1Shares + hwErrors)) * 100, pctDigits),
    'Device Rejected%': fixed((rejected / Math.max(1, accepted)) * 100, pctDigits),
    'Pool Rejected%': fixed((rejected / Math.max(1, accepted + rejected)) * 100, pctDigits),
    'Pool Stale%': fixed((physics.stale / Math.max(1, accepted + rejected)) * 100, pctDigits),
    'Last getwork': context.whenS,
  });
  return { severity: 'S', code: 11, msg: 'Summary', section: { name: 'SUMMARY', items: [summary] } };
}

function poolRecord(context: ReplyContext, index: number): WireObject {
  const { physics, model, identity } = context;
  const { diffDigits, pctDigits } = formats(context);
  const active = index === 0;
  const accepted = active ? Math.floor(physics.accepted) : 0;
  const rejected = active ? Math.floor(physics.rejected) : 0;
  const stale = active ? Math.floor(physics.stale) : 0;
  const getworks = active ? workCounters(context).getworks : 3 + index;
  const url = SIM_POOLS[index] ?? '';
  const pool: WireObject = {
    POOL: index,
    URL: url,
    Status: 'Alive',
    Priority: index,
    Quota: 1,
    'Long Poll': 'N',
    Getworks: getworks,
    Accepted: accepted,
    Rejected: rejected,
    Discarded: active ? workCounters(context).discarded : 0,
    Stale: stale,
    'Get Failures': active ? Math.floor(physics.elapsedS / 400_000) : 0,
    'Remote Failures': 0,
    User: identity.workerName,
    'Last Share Time': active ? lastShareTime(context) : '0',
    Diff: suffixString(POOL_DIFFICULTY),
    'Diff1 Shares': 0,
    'Proxy Type': '',
    Proxy: '',
    'Difficulty Accepted': fixed(accepted * POOL_DIFFICULTY, diffDigits),
    'Difficulty Rejected': fixed(rejected * POOL_DIFFICULTY, diffDigits),
    'Difficulty Stale': fixed(stale * POOL_DIFFICULTY, diffDigits),
    'Last Share Difficulty': fixed(accepted > 0 ? POOL_DIFFICULTY : 0, diffDigits),
    'Has Stratum': true,
    'Stratum Active': active,
    'Stratum URL': active ? url.replace(/^stratum\+tcp:\/\//, '').replace(/:\d+$/, '') : '',
    'Has GBT': false,
    'Best Share': active ? Math.floor(accepted * POOL_DIFFICULTY * 1.9) : 0,
    'Pool Rejected%': fixed(active ? (rejected / Math.max(1, accepted + rejected)) * 100 : 0, pctDigits),
  };
  // S19-era firmware doubles the percent sign in this one key (S19 and mskminer captures); S17 and older do not.
  pool[model.layout === 's19' ? 'Pool Stale%%' : 'Pool Stale%'] = fixed(
    active ? (stale / Math.max(1, accepted + rejected)) * 100 : 0,
    pctDigits,
  );
  return pool;
}

export function poolsReply(context: ReplyContext): ApiReply {
  const items = SIM_POOLS.map((_url, index) => poolRecord(context, index));
  return { severity: 'S', code: 7, msg: `${items.length} Pool(s)`, section: { name: 'POOLS', items } };
}
