// `summary`, `pools` and `devs` as BOSminer writes them: the field lists and their order (alphabetical, as serde
// serialises BOSminer's structs) are the real replies' (BOSminer+ 0.2.0 summary and pools: PROTOCOLS.md A3; devs from
// bosminer-plus-am1-s9 0.4.0: foreman AntminerStatsITest "Antminer S9 (bOS+)"). Rates are MH/s.
import type { WireObject } from '../serialize.js';
import { boardGhs, errorFraction, POOL_DIFFICULTY } from './physics.js';
import { f64, ok, readingNoise, whenS } from './reply-context.js';
import type { BosReply, BosReplyContext } from './reply-context.js';

const DIFF1_SHARES_PER_MH = 1e6 / 4_294_967_296;

function rigGhs(context: BosReplyContext): number {
  return context.rig.boards.reduce((sum, board) => sum + boardGhs(context.rig, board), 0);
}

function hardwareErrors(context: BosReplyContext): number {
  return context.rig.boards.reduce((sum, board) => sum + Math.floor(board.hwErrors), 0);
}

export function summaryReply(context: BosReplyContext): BosReply {
  const { rig } = context;
  const elapsedS = Math.max(1, Math.floor(rig.elapsedS));
  const accepted = Math.floor(rig.accepted);
  const rejected = Math.floor(rig.rejected);
  const stale = Math.floor(rig.stale);
  const errors = hardwareErrors(context);
  const diff1 = rig.totalMh * DIFF1_SHARES_PER_MH;
  const shares = Math.max(1, accepted + rejected + stale);
  const liveErrorFraction = rig.boards.reduce((max, board) => Math.max(max, errorFraction(rig, board)), 0);
  const summary: WireObject = {
    Accepted: accepted,
    'Best Share': Math.floor(rig.bestShare),
    'Device Hardware%': f64(liveErrorFraction * 100),
    'Device Rejected%': f64(0),
    'Difficulty Accepted': f64(accepted * POOL_DIFFICULTY),
    'Difficulty Rejected': f64(rejected * POOL_DIFFICULTY),
    'Difficulty Stale': f64(stale * POOL_DIFFICULTY),
    Discarded: 0,
    Elapsed: elapsedS,
    'Found Blocks': 0,
    'Get Failures': 0,
    Getworks: Math.floor(elapsedS / 30) + 1,
    'Hardware Errors': errors,
    'Last getwork': whenS(context),
    'Local Work': Math.floor(diff1 / 4),
    'MHS 15m': f64(rig.ema15mGhs * 1000),
    'MHS 1m': f64(rig.ema1mGhs * 1000 * readingNoise(context, 1, 0.004)),
    'MHS 24h': f64((rig.elapsedS < 86_400 ? rig.totalMh / 86_400 : rig.ema15mGhs * 1000) || 0),
    'MHS 5m': f64(rig.ema5mGhs * 1000),
    'MHS 5s': f64(rigGhs(context) * 1000 * readingNoise(context, 2, 0.02)),
    'MHS av': f64(rig.totalMh / elapsedS),
    'Network Blocks': 0,
    'Pool Rejected%': f64((rejected / shares) * 100),
    'Pool Stale%': f64((stale / shares) * 100),
    Rejected: rejected,
    'Remote Failures': 0,
    Stale: stale,
    'Total MH': f64(rig.totalMh),
    Utility: f64(accepted / (elapsedS / 60)),
    'Work Utility': f64(diff1 / (elapsedS / 60)),
  };
  return ok(11, 'Summary', 'SUMMARY', [summary]);
}

export function poolsReply(context: BosReplyContext): BosReply {
  const rows: WireObject[] = [];
  const lastShareS = whenS(context) - 3;
  for (const group of context.groups) {
    const activeIndex = group.pools.findIndex((pool) => pool.enabled);
    group.pools.forEach((pool, priority) => {
      const accepted = Math.floor(pool.accepted);
      const rejected = Math.floor(pool.rejected);
      const active = priority === activeIndex;
      const shares = Math.max(1, accepted + rejected);
      rows.push({
        Accepted: accepted,
        AsicBoost: true,
        'Bad Work': 0,
        'Best Share': active ? Math.floor(context.rig.bestShare) : 0,
        'Current Block Height': 0,
        'Current Block Version': active ? 536870912 : 0,
        'Diff1 Shares': Math.floor(accepted * POOL_DIFFICULTY * 1.1),
        'Difficulty Accepted': f64(accepted * POOL_DIFFICULTY),
        'Difficulty Rejected': f64(rejected * POOL_DIFFICULTY),
        'Difficulty Stale': f64(0),
        Discarded: 0,
        'Get Failures': 0,
        Getworks: active ? Math.floor(context.rig.elapsedS / 30) + 1 : 0,
        'Has GBT': false,
        'Has Stratum': true,
        'Has Vmask': true,
        'Last Share Difficulty': f64(accepted > 0 ? POOL_DIFFICULTY : 0),
        'Last Share Time': accepted > 0 ? lastShareS : 0,
        'Long Poll': 'N',
        POOL: rows.length,
        'Pool Rejected%': f64((rejected / shares) * 100),
        'Pool Stale%': f64(0),
        Priority: priority,
        Proxy: '',
        'Proxy Type': '',
        Quota: group.quota,
        Rejected: rejected,
        'Remote Failures': 0,
        Stale: 0,
        Status: pool.enabled ? 'Alive' : 'Disabled',
        'Stratum Active': active,
        'Stratum Difficulty': f64(active ? POOL_DIFFICULTY : 0),
        'Stratum URL': pool.url.replace(/^[a-z0-9+.-]+:\/\//i, ''),
        URL: pool.url,
        User: pool.user,
        'Work Difficulty': f64(active ? POOL_DIFFICULTY : 0),
        Works: active ? Math.floor(context.rig.totalMh / 2650) : 0,
      });
    });
  }
  return ok(7, `${rows.length} Pool(s)`, 'POOLS', rows);
}

export function devsReply(context: BosReplyContext): BosReply {
  const { rig } = context;
  const totalGhs = rigGhs(context);
  const nominalMhs = (rig.model.nominalHashrateThs * 1e6) / rig.boards.length;
  const elapsedS = Math.max(1, Math.floor(rig.elapsedS));
  const rows = rig.boards.map((board, index): WireObject => {
    const ghs = boardGhs(rig, board);
    const share = totalGhs > 0 ? ghs / totalGhs : 0;
    const errors = Math.floor(board.hwErrors);
    const alive = !board.dead && board.aliveChips > 0;
    return {
      ASC: index,
      Accepted: Math.floor(rig.accepted * share),
      'Device Elapsed': elapsedS,
      'Device Hardware%': f64(errorFraction(rig, board) * 100),
      'Device Rejected%': f64(0),
      'Diff1 Work': Math.floor(board.totalMh * DIFF1_SHARES_PER_MH),
      'Difficulty Accepted': f64(Math.floor(rig.accepted * share) * POOL_DIFFICULTY),
      'Difficulty Rejected': f64(0),
      Enabled: 'Y',
      'Hardware Error MHS 15m': f64(ghs * errorFraction(rig, board) * 1000),
      'Hardware Errors': errors,
      ID: board.chainId,
      'Last Share Difficulty': f64(ghs > 0 ? 5376 : 0),
      'Last Share Pool': -1,
      'Last Share Time': ghs > 0 ? whenS(context) - 1 : 0,
      'Last Valid Work': ghs > 0 ? whenS(context) : 0,
      'MHS 15m': f64(rig.ema15mGhs * share * 1000),
      'MHS 1m': f64(rig.ema1mGhs * share * 1000 * readingNoise(context, 10 + index, 0.004)),
      'MHS 5m': f64(rig.ema5mGhs * share * 1000),
      'MHS 5s': f64(ghs * 1000 * readingNoise(context, 20 + index, 0.02)),
      'MHS av': f64(board.totalMh / elapsedS),
      Name: '',
      'Nominal MHS': f64(nominalMhs),
      Rejected: 0,
      // Assumption: a board that lost every chip is listed as Dead (cgminer's status words); no capture shows one.
      Status: alive ? 'Alive' : 'Dead',
      Temperature: f64(0),
      'Total MH': f64(board.totalMh),
      Utility: f64(0),
    };
  });
  return ok(9, `${rows.length} ASC(s)`, 'DEVS', rows);
}
