// The sgminer-style replies of a GPU miner, with TeamRedMiner's real field names and order (PROTOCOLS.md A7;
// foreman-apps foreman-sgminer TeamRedMiner_0_3_10_ITest.java for `devs` and `pools`: code 9 "N GPU(s)", one DEVS row
// per GPU with "MHS 30s"/"KHS 30s", code 7 "N Pool(s)" with "Name", "Algorithm", "Works"). Assumptions, no capture
// read: `summary` carries sgminer's SUMMARY fields with the same rate window (HiveOS reads "KHS 30s", "Accepted",
// "Rejected", "Hardware Errors" and "Elapsed" from it); `version` is sgminer's (Msg "SGMiner versions", VERSION
// {"SGMiner","API"}, as in a captured sgminer 4.1.0 text reply quoted in a public C# monitor); `config` has
// cgminer's CONFIG fields plus TeamRedMiner's "Algo Count" (doc/TRM_DUAL_MINING_API.txt).
import type { ApiReply } from '../reply-envelope.js';
import { fixed, type WireObject } from '../serialize.js';
import type { GpuRigPhysics } from '../gpu/physics.js';
import type { GpuView } from '../gpu/reading.js';
import { megahashesPerShare } from './card.js';
import type { PoolTable } from './pool-table.js';

export interface GpuMinerFlavour {
  kind: 'teamredminer' | 'sgminer';
  /** STATUS Description of every reply: "TeamRedMiner 0.3.10" (captured), "sgminer 4.1.0". */
  description: string;
  version: WireObject;
  /** The rate window in seconds: --log_interval, 30 by default on TeamRedMiner, 5 on sgminer. */
  rateWindowS: number;
  algorithm: string;
}

export interface GpuReplyInput {
  rig: GpuRigPhysics;
  /** The sensors now (shared model, ~1 % noise per 5 s window). */
  views: readonly GpuView[];
  pools: PoolTable;
  flavour: GpuMinerFlavour;
  whenS: number;
}

/** Pool difficulty: shares are counted at this difficulty ("Difficulty Accepted" = shares x difficulty). */
const SHARE_DIFFICULTY = 1;
/** Miners report the last share a few seconds back while hashing; the model does not time single shares. */
const LAST_SHARE_AGO_S = 7;

function devRow(input: GpuReplyInput, view: GpuView): WireObject {
  const { rig, flavour } = input;
  const gpu = rig.gpus[view.index];
  const dead = gpu?.dead ?? false;
  const elapsedS = Math.max(1, rig.elapsedS);
  const totalMh = (view.accepted + view.rejected) * megahashesPerShare(rig);
  const averageMhs = totalMh / elapsedS;
  const mhs = view.hashrateHs / 1e6;
  const window = `${flavour.rateWindowS}s`;
  const lastShare = view.accepted > 0 && mhs > 0 ? input.whenS - LAST_SHARE_AGO_S : 0;
  return {
    GPU: view.index,
    Enabled: 'Y',
    Status: dead ? 'Dead' : 'Alive',
    Temperature: view.tempC,
    'Fan Speed': view.fanRpm,
    'Fan Percent': view.fanPercent,
    'GPU Clock': view.coreClockMhz,
    'Memory Clock': dead ? 0 : view.memoryClockMhz,
    'GPU Voltage': fixed(dead ? 0 : (gpu?.voltageMv ?? 0) / 1000, 3),
    'GPU Activity': 0,
    Powertune: 0,
    'MHS av': fixed(averageMhs, 3),
    [`MHS ${window}`]: fixed(mhs, 3),
    'KHS av': Math.round(averageMhs * 1000),
    [`KHS ${window}`]: Math.round(mhs * 1000),
    Accepted: view.accepted,
    Rejected: view.rejected,
    'Hardware Errors': view.invalid,
    Utility: fixed((view.accepted / elapsedS) * 60, 3),
    Intensity: '20',
    XIntensity: 0,
    RawIntensity: 0,
    'Last Share Pool': view.accepted > 0 ? Math.max(0, input.pools.currentIndex()) : -1,
    'Last Share Time': lastShare,
    'Total MH': Math.floor(totalMh),
    'Diff1 Work': fixed((view.accepted + view.rejected) * SHARE_DIFFICULTY, 6),
    'Difficulty Accepted': view.accepted * SHARE_DIFFICULTY,
    'Difficulty Rejected': view.rejected * SHARE_DIFFICULTY,
    'Last Share Difficulty': view.accepted > 0 ? SHARE_DIFFICULTY : 0,
    'Last Valid Work': lastShare,
    'Device Hardware%': 0,
    'Device Rejected%': fixed((view.rejected / Math.max(1, view.accepted + view.rejected)) * 100, 4),
    'Device Elapsed': Math.floor(rig.elapsedS),
  };
}

export function devsReply(input: GpuReplyInput): ApiReply {
  const items = input.views.map((view) => devRow(input, view));
  return { severity: 'S', code: 9, msg: `${items.length} GPU(s)`, section: { name: 'DEVS', items } };
}

function totals(input: GpuReplyInput): {
  mhs: number;
  totalMh: number;
  accepted: number;
  rejected: number;
  hw: number;
} {
  const sum = { mhs: 0, totalMh: 0, accepted: 0, rejected: 0, hw: 0 };
  for (const view of input.views) {
    sum.mhs += view.hashrateHs / 1e6;
    sum.totalMh += (view.accepted + view.rejected) * megahashesPerShare(input.rig);
    sum.accepted += view.accepted;
    sum.rejected += view.rejected;
    sum.hw += view.invalid;
  }
  return sum;
}

export function summaryReply(input: GpuReplyInput): ApiReply {
  const { rig, flavour } = input;
  const sum = totals(input);
  const elapsedS = Math.max(1, rig.elapsedS);
  const window = `${flavour.rateWindowS}s`;
  const rejectedPct = (sum.rejected / Math.max(1, sum.accepted + sum.rejected)) * 100;
  const summary: WireObject = {
    Elapsed: Math.floor(rig.elapsedS),
    'MHS av': fixed(sum.totalMh / elapsedS, 3),
    [`MHS ${window}`]: fixed(sum.mhs, 3),
    'KHS av': Math.round((sum.totalMh / elapsedS) * 1000),
    [`KHS ${window}`]: Math.round(sum.mhs * 1000),
    'Found Blocks': 0,
    Getworks: Math.floor(rig.elapsedS / 30),
    Accepted: sum.accepted,
    Rejected: sum.rejected,
    'Hardware Errors': sum.hw,
    Utility: fixed((sum.accepted / elapsedS) * 60, 3),
    Discarded: 0,
    Stale: 0,
    'Get Failures': 0,
    'Local Work': sum.accepted + sum.rejected,
    'Remote Failures': 0,
    'Network Blocks': Math.floor(rig.elapsedS / 60),
    'Total MH': Math.floor(sum.totalMh),
    'Work Utility': fixed(((sum.accepted + sum.rejected) / elapsedS) * 60, 3),
    'Difficulty Accepted': sum.accepted * SHARE_DIFFICULTY,
    'Difficulty Rejected': sum.rejected * SHARE_DIFFICULTY,
    'Difficulty Stale': 0,
    'Best Share': sum.accepted > 0 ? 3 : 0,
    'Device Hardware%': 0,
    'Device Rejected%': fixed(rejectedPct, 4),
    'Pool Rejected%': fixed(rejectedPct, 4),
    'Pool Stale%': 0,
    'Last getwork': input.whenS,
  };
  return { severity: 'S', code: 11, msg: 'Summary', section: { name: 'SUMMARY', items: [summary] } };
}

function hostOf(url: string): string {
  return url.replace(/^[a-z0-9+.-]+:\/\//i, '').replace(/:\d+$/, '');
}

export function poolsReply(input: GpuReplyInput): ApiReply {
  const current = input.pools.currentIndex();
  const items = input.pools.list().map((pool, index): WireObject => {
    const active = index === current;
    const accepted = Math.floor(pool.accepted);
    const rejected = Math.floor(pool.rejected);
    return {
      POOL: index,
      Name: hostOf(pool.url),
      URL: pool.url,
      Profile: '',
      Algorithm: input.flavour.algorithm,
      Description: '',
      Status: pool.enabled ? 'Alive' : 'Disabled',
      Priority: pool.priority,
      Quota: 1,
      'Long Poll': 'N',
      Getworks: active ? Math.floor(input.rig.elapsedS / 30) : 0,
      Accepted: accepted,
      Rejected: rejected,
      Works: active ? Math.floor(input.rig.elapsedS / 30) : 0,
      Discarded: 0,
      Stale: 0,
      'Get Failures': 0,
      'Remote Failures': 0,
      User: pool.user,
      'Last Share Time': active && accepted > 0 ? input.whenS - 7 : 0,
      'Diff1 Shares': accepted,
      'Proxy Type': '',
      Proxy: '',
      'Difficulty Accepted': accepted * SHARE_DIFFICULTY,
      'Difficulty Rejected': rejected * SHARE_DIFFICULTY,
      'Difficulty Stale': 0,
      'Last Share Difficulty': accepted > 0 ? SHARE_DIFFICULTY : 0,
      'Has Stratum': true,
      'Stratum Active': active,
      'Stratum URL': active ? hostOf(pool.url) : '',
      'Has GBT': false,
      'Best Share': 0,
      'Pool Rejected%': fixed((rejected / Math.max(1, accepted + rejected)) * 100, 4),
      'Pool Stale%': 0,
    };
  });
  if (items.length === 0) return { severity: 'E', code: 8, msg: 'No pools', section: null };
  return { severity: 'S', code: 7, msg: `${items.length} Pool(s)`, section: { name: 'POOLS', items } };
}

export function versionReply(input: GpuReplyInput): ApiReply {
  return {
    severity: 'S',
    code: 22,
    msg: 'SGMiner versions',
    section: { name: 'VERSION', items: [input.flavour.version] },
  };
}

export function configReply(input: GpuReplyInput): ApiReply {
  const config: WireObject = {
    'GPU Count': input.rig.gpus.length,
    'PGA Count': 0,
    'Pool Count': input.pools.list().length,
    ADL: 'N',
    'ADL in use': 'N',
    Strategy: 'Failover',
    'Log Interval': input.flavour.rateWindowS,
    'Device Code': 'GPU ',
    OS: 'Linux',
  };
  if (input.flavour.kind === 'teamredminer') config['Algo Count'] = 1;
  return { severity: 'S', code: 33, msg: 'SGMiner config', section: { name: 'CONFIG', items: [config] } };
}
