// Time of use: what power costs at a given moment under the operator's tariff, and which of a device's operating points
// pays best at that price (the most profitable one; asleep when none covers its power). The revenue per TH/s comes
// from a simple input now and from the profitability engine once it exists.
import { inSeason, type Tariff } from '../../../../src-shared/model/tariff.js';
import type { OperatingPoint } from './power-cap.js';

interface LocalTime {
  month: number;
  /** 0 Sunday .. 6 Saturday. */
  weekday: number;
  hour: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock in a time zone (daylight saving included), as the utility's bill reads it. */
export function localTime(t: number, timeZone: string): LocalTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      month: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(t)).map((part) => [part.type, part.value]));
  return { month: Number(parts['month']), weekday: WEEKDAYS[parts['weekday'] ?? ''] ?? 0, hour: Number(parts['hour']) };
}

/** Price per kWh at time t. */
export function priceAt(tariff: Tariff, t: number): number {
  const { month, weekday, hour } = localTime(t, tariff.timeZone);
  const season = tariff.seasons.find((candidate) => inSeason(candidate, month)) ?? tariff.seasons[0];
  if (!season) throw new Error('A tariff has at least one season');
  const weekend = weekday === 0 || weekday === 6;
  return (weekend ? season.weekend : season.weekday)[hour] ?? 0;
}

export interface PointChoice {
  /** Index into the points, or null: sleep, since no point covers its power cost. */
  index: number | null;
  profitPerHour: number;
}

/** The point with the best profit per hour at this price; sleep when every point loses money. */
export function bestPointForPrice(
  points: readonly OperatingPoint[],
  revenuePerThsHour: number,
  pricePerKwh: number,
): PointChoice {
  let best: PointChoice = { index: null, profitPerHour: 0 };
  points.forEach((point, index) => {
    const profit = point.hashrateThs * revenuePerThsHour - (point.powerW / 1000) * pricePerKwh;
    if (profit > best.profitPerHour) best = { index, profitPerHour: profit };
  });
  return best;
}
