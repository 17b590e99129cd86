// The switcher replayed over history: at each step every option's profit per day (from the market figures of that
// time and the rig's hashrate and power), the same smoother and switch rule as live, and the money it would have made
// net of the time lost switching. Baselines on the same series: the best single option in hindsight, the best one at
// the start held throughout, and a naive switcher that chases the raw best with no margin, stay, smoothing or
// thought for what a switch costs.
import { ProfitSmoother } from './profit-smoother.js';
import { decideSwitch, type SwitchCosts, type SwitchPolicy } from './switch-rule.js';

export interface BacktestStep {
  /** Seconds since the start of the series; steps in order, any spacing. */
  tS: number;
  profitPerDay: Readonly<Record<string, number>>;
}

export interface StrategyResult {
  name: string;
  netRevenue: number;
  switches: number;
  /** Time spent switching (hashing nothing), in seconds. */
  lostS: number;
}

export interface BacktestReport {
  days: number;
  switcher: StrategyResult;
  naive: StrategyResult;
  bestInHindsight: StrategyResult;
  bestAtStart: StrategyResult;
}

const DAY_S = 86_400;

function held(series: readonly BacktestStep[], id: string, name: string): StrategyResult {
  let netRevenue = 0;
  series.forEach((step, index) => {
    const next = series[index + 1];
    if (next) netRevenue += ((step.profitPerDay[id] ?? 0) * (next.tS - step.tS)) / DAY_S;
  });
  return { name, netRevenue, switches: 0, lostS: 0 };
}

function switching(
  series: readonly BacktestStep[],
  name: string,
  policy: SwitchPolicy,
  costs: SwitchCosts,
  smoothingS: number | null,
  /** The naive switcher decides as if switching were free (it still pays the downtime). */
  decideFree = false,
): StrategyResult {
  const smoother = smoothingS === null ? null : new ProfitSmoother(smoothingS);
  const ids = Object.keys(series[0]?.profitPerDay ?? {});
  let current = ids.reduce(
    (a, b) => ((series[0]?.profitPerDay[b] ?? -Infinity) > (series[0]?.profitPerDay[a] ?? -Infinity) ? b : a),
    ids[0] ?? '',
  );
  let lastSwitchS = -Infinity;
  let netRevenue = 0;
  let switches = 0;
  let lostS = 0;
  series.forEach((step, index) => {
    const options = ids.map((id) => {
      const raw = step.profitPerDay[id] ?? 0;
      return { id, profitPerDay: smoother ? smoother.update(id, step.tS, raw) : raw, windowLossDays: 0 };
    });
    const mine = options.find((option) => option.id === current);
    if (mine) {
      const verdict = decideSwitch(mine, options, step.tS - lastSwitchS, decideFree ? { downtimeS: 0 } : costs, policy);
      if (verdict.switchTo !== null) {
        current = verdict.switchTo;
        lastSwitchS = step.tS;
        switches += 1;
      }
    }
    const next = series[index + 1];
    if (!next) return;
    const spanS = next.tS - step.tS;
    // Right after a switch the rig hashes nothing for the downtime (within this step).
    const down = lastSwitchS === step.tS ? Math.min(spanS, costs.downtimeS) : 0;
    lostS += down;
    netRevenue += ((step.profitPerDay[current] ?? 0) * (spanS - down)) / DAY_S;
  });
  return { name, netRevenue, switches, lostS };
}

export function backtest(
  series: readonly BacktestStep[],
  policy: SwitchPolicy,
  costs: SwitchCosts,
  smoothingS = 3600,
): BacktestReport {
  const ids = Object.keys(series[0]?.profitPerDay ?? {});
  const all = ids.map((id) => held(series, id, `always ${id}`));
  const bestInHindsight = all.reduce<StrategyResult>(
    (a, b) => (b.netRevenue > a.netRevenue ? b : a),
    all[0] ?? held([], '', 'none'),
  );
  const first = series[0]?.profitPerDay ?? {};
  const startId = ids.reduce((a, b) => ((first[b] ?? -Infinity) > (first[a] ?? -Infinity) ? b : a), ids[0] ?? '');
  const days = series.length > 1 ? ((series.at(-1)?.tS ?? 0) - (series[0]?.tS ?? 0)) / DAY_S : 0;
  return {
    days,
    switcher: switching(series, 'switcher', policy, costs, smoothingS),
    naive: switching(series, 'naive switcher', { ...policy, hysteresis: 0, minDwellS: 0 }, costs, null, true),
    bestInHindsight: { ...bestInHindsight, name: `best in hindsight (${bestInHindsight.name})` },
    bestAtStart: { ...held(series, startId, `best at the start (always ${startId})`) },
  };
}
