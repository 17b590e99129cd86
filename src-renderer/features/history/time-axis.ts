import type { TimeBounds } from '../../store/history-windows.js';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Steps a time axis may use: ticks land on round clock times, never on "14:07:23". */
const STEPS_MS = [
  10 * SECOND_MS,
  30 * SECOND_MS,
  MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
  61 * DAY_MS,
];

/** Local time's offset from UTC at `t`, so hour and day ticks fall on the operator's clock, not Greenwich's. */
function localOffsetMs(t: number): number {
  return -new Date(t).getTimezoneOffset() * MINUTE_MS;
}

/** Evenly spaced ticks on round local times within the bounds, at most `maxTicks` of them. */
export function timeTicks(bounds: TimeBounds, maxTicks: number): number[] {
  const span = bounds.to - bounds.from;
  if (span <= 0 || maxTicks < 1) return [];
  const step = STEPS_MS.find((candidate) => span / candidate <= maxTicks) ?? STEPS_MS[STEPS_MS.length - 1] ?? DAY_MS;
  const offset = step >= HOUR_MS ? localOffsetMs(bounds.from) : 0;
  const first = Math.ceil((bounds.from + offset) / step) * step - offset;
  const ticks: number[] = [];
  for (let tick = first; tick <= bounds.to && ticks.length < maxTicks; tick += step) ticks.push(tick);
  return ticks;
}

// Short forms: a tick label has about 60 px ("1:40 PM" or "13:40", as the operator's locale writes the time).
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const clockSecondsFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});
const weekdayClockFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** A tick label as precise as the span needs: seconds for a few minutes, hours for a week, days beyond. */
export function formatAxisTime(t: number, spanMs: number): string {
  const at = new Date(t);
  if (spanMs <= 10 * MINUTE_MS) return clockSecondsFormat.format(at);
  if (spanMs <= 2 * DAY_MS) return clockFormat.format(at);
  if (spanMs <= 8 * DAY_MS) return weekdayClockFormat.format(at);
  return dayFormat.format(at);
}
