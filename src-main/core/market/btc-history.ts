// Bitcoin's daily difficulty and price 2010-2021, shipped in assets/data/btc (see the README there for the source and
// licence): for the profitability backtest and an offline snapshot with real, dated figures. Each file is "Date,value"
// with dates as YYYY/MM/DD; a line that does not read is reported with its number and left out, never thrown.
import fs from 'node:fs';
import path from 'node:path';

export interface DailyPoint {
  /** Midnight UTC of the day. */
  t: number;
  value: number;
}

export interface DailySeries {
  points: DailyPoint[];
  /** "line 12: ..." for each line left out. */
  problems: string[];
}

export interface BtcDay {
  t: number;
  difficulty: number;
  priceUsd: number;
}

const DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;

export function parseDailySeries(text: string, column: string): DailySeries {
  const points: DailyPoint[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim();
  if (header !== `Date,${column}`)
    return { points, problems: [`line 1: expected "Date,${column}", got ${JSON.stringify(header)}`] };
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const [date = '', raw = ''] = line.split(',');
    const match = DATE.exec(date.trim());
    const value = Number(raw);
    const t = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
    // Date.UTC rolls 2020/13/40 into 2021: a date is real only if it reads back the same.
    const real = match !== null && new Date(t).toISOString().slice(0, 10) === `${match[1]}-${match[2]}-${match[3]}`;
    if (!real || raw.trim() === '' || !Number.isFinite(value) || value < 0) {
      problems.push(`line ${index + 2}: ${JSON.stringify(line.slice(0, 40))}`);
      return;
    }
    if (points.length > 0 && t <= (points[points.length - 1]?.t ?? -Infinity)) {
      problems.push(`line ${index + 2}: ${date} is not after the line before`);
      return;
    }
    points.push({ t, value });
  });
  return { points, problems };
}

/** Days that have both a difficulty and a price, in order. */
export function joinDays(difficulty: readonly DailyPoint[], price: readonly DailyPoint[]): BtcDay[] {
  const prices = new Map(price.map((point) => [point.t, point.value]));
  return difficulty.flatMap((point) => {
    const priceUsd = prices.get(point.t);
    return priceUsd === undefined || point.value <= 0 ? [] : [{ t: point.t, difficulty: point.value, priceUsd }];
  });
}

/** The shipped history; problems name the lines left out (none in the shipped files). */
export function loadBtcHistory(dataDir: string): { days: BtcDay[]; problems: string[] } {
  const read = (file: string, column: string): DailySeries => {
    try {
      return parseDailySeries(fs.readFileSync(path.join(dataDir, file), 'utf8'), column);
    } catch (error) {
      return { points: [], problems: [`${file}: ${(error as Error).message}`] };
    }
  };
  const difficulty = read('difficulty.csv', 'difficulty');
  const price = read('price.csv', 'price');
  return {
    days: joinDays(difficulty.points, price.points),
    problems: [
      ...difficulty.problems.map((problem) => `difficulty.csv ${problem}`),
      ...price.problems.map((problem) => `price.csv ${problem}`),
    ],
  };
}
