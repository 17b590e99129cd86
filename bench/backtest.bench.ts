// The profit switcher replayed over real history: Bitcoin's daily difficulty and price 2019-01-01 to 2021-12-13
// (shipped in assets/data/btc) for a 100 TH/s, 3,250 W rig at 0.05/kWh, against a generated second SHA-256 coin
// whose profitability is Bitcoin's times a mean-reverting ratio (around 0.97, a few percent a day; seeded). Baselines
// from the same run: best single coin in hindsight, best at the start, and a naive switcher. Daily steps, so the
// switcher uses a week's horizon, a day's minimum stay and a three-day average.
import path from 'node:path';
import { loadBtcHistory } from '../src-main/core/market/btc-history.js';
import { coinsPerDay } from '../src-main/core/market/profitability.js';
import { backtest, type BacktestStep } from '../src-main/core/engines/switcher/backtest.js';
import { mulberry32 } from '../src-main/sim/random.js';

const HASHRATE_HS = 100e12;
const POWER_W = 3250;
const PRICE_PER_KWH = 0.05;
const FROM = Date.UTC(2019, 0, 1);

/** The Bitcoin block subsidy on a day (halvings of 2012-11-28, 2016-07-09, 2020-05-11). */
function subsidy(t: number): number {
  if (t < Date.UTC(2012, 10, 28)) return 50;
  if (t < Date.UTC(2016, 6, 9)) return 25;
  if (t < Date.UTC(2020, 4, 11)) return 12.5;
  return 6.25;
}

export function backtestBenchmark(): Record<string, string> {
  const { days, problems } = loadBtcHistory(path.resolve('assets/data/btc'));
  if (problems.length > 0) throw new Error(problems.join('; '));
  const random = mulberry32(2019);
  let ratio = 0.97;
  const powerCost = (POWER_W / 1000) * 24 * PRICE_PER_KWH;
  const series: BacktestStep[] = days
    .filter((day) => day.t >= FROM)
    .map((day) => {
      ratio += (0.97 - ratio) * 0.1 + (random() - 0.5) * 0.06;
      const coins =
        coinsPerDay(
          HASHRATE_HS,
          {
            symbol: 'BTC',
            name: 'Bitcoin',
            algorithm: 'sha256',
            blockTimeS: 600,
            blockRewardCoins: subsidy(day.t),
            feesPerBlockCoins: 0,
            networkHashrateHs: null,
            networkDifficulty: day.difficulty,
            priceUsd: day.priceUsd,
          },
          0,
        ) ?? 0;
      const revenue = coins * day.priceUsd;
      return {
        tS: (day.t - FROM) / 1000,
        profitPerDay: { BTC: revenue - powerCost, ALT: revenue * ratio - powerCost },
      };
    });
  const policy = { horizonS: 7 * 86_400, hysteresis: 0.02, minDwellS: 86_400 };
  const report = backtest(series, policy, { downtimeS: 300 }, 3 * 86_400);
  const line = (result: { netRevenue: number; switches: number }) =>
    `${result.netRevenue.toFixed(0)} USD net, ${result.switches} switches (${(result.switches / report.days).toFixed(3)} a day)`;
  return {
    period: `${new Date(FROM).toISOString().slice(0, 10)} to 2021-12-13, ${report.days.toFixed(0)} days`,
    switcher: line(report.switcher),
    'naive switcher (raw best, no margin, stay or cost)': line(report.naive),
    [report.bestInHindsight.name]: line(report.bestInHindsight),
    [report.bestAtStart.name]: line(report.bestAtStart),
    'switcher / best in hindsight': (report.switcher.netRevenue / report.bestInHindsight.netRevenue).toFixed(3),
    'time lost switching': `${(report.switcher.lostS / 3600).toFixed(1)} h`,
  };
}
