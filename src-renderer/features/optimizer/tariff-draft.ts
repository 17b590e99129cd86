import { inSeason } from '../../../src-shared/model/tariff.js';
import type { Tariff } from '../../../src-shared/model/tariff.js';

// The tariff editor's draft and its helpers: prices as typed (strings), months as picked.

export const HOURS_PER_DAY = 24;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export interface SeasonDraft {
  name: string;
  fromMonth: number;
  toMonth: number;
  /** 24 prices as typed, hour 0 (00:00–01:00) first. */
  weekday: readonly string[];
  weekend: readonly string[];
}

export interface TariffDraft {
  currency: string;
  timeZone: string;
  seasons: readonly SeasonDraft[];
}

export type DayKind = 'weekday' | 'weekend';

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/** "Jan" ... "Dec" for a month 1..12. */
export function monthName(month: number): string {
  return monthFormat.format(Date.UTC(2000, month - 1, 1));
}

/** "00:00" ... "23:00": the hour a price cell starts at. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function sameEveryHour(price: string): string[] {
  return Array.from({ length: HOURS_PER_DAY }, () => price);
}

export function seasonDraft(name: string, price: string): SeasonDraft {
  return { name, fromMonth: 1, toMonth: 12, weekday: sameEveryHour(price), weekend: sameEveryHour(price) };
}

/**
 * A tariff to start from when the operator switches time of use on: one season all year at the flat price they pay
 * now, in the time zone of this screen (a farm's operator is usually in its time zone; it can be changed).
 */
export function startingTariff(flatPrice: string, currency: string, timeZone: string): TariffDraft {
  return { currency, timeZone, seasons: [seasonDraft('All year', flatPrice)] };
}

export function draftFromTariff(tariff: Tariff): TariffDraft {
  return {
    currency: tariff.currency,
    timeZone: tariff.timeZone,
    seasons: tariff.seasons.map((season) => ({
      name: season.name,
      fromMonth: season.fromMonth,
      toMonth: season.toMonth,
      weekday: season.weekday.map(String),
      weekend: season.weekend.map(String),
    })),
  };
}

/**
 * Prices for a day with one peak: `peak` from `fromHour` up to (not including) `toHour`, `offPeak` otherwise, as a
 * bill states it ("peak 16:00–21:00"). A peak that ends before it starts runs past midnight (22 → 6); equal hours
 * mean no peak.
 */
export function peakHourPrices(offPeak: number, peak: number, fromHour: number, toHour: number): number[] {
  return Array.from({ length: HOURS_PER_DAY }, (_, hour) => {
    const isPeak = fromHour <= toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    return isPeak ? peak : offPeak;
  });
}

/** The peak-hours helper's fields as typed. */
export interface PeakHelperDraft {
  offPeak: string;
  peak: string;
  fromHour: number;
  toHour: number;
  days: DayKind | 'both';
}

export type PeakHelperParse = { ok: true; prices: string[] } | { ok: false; error: string };

function price(typed: string): number | null {
  const trimmed = typed.trim().replace(/,/g, '');
  const value = Number(trimmed);
  return trimmed === '' || !Number.isFinite(value) || value < 0 ? null : value;
}

/** The 24 prices the helper would fill in, or what is wrong with what was typed. */
export function parsePeakHelper(draft: PeakHelperDraft): PeakHelperParse {
  const offPeak = price(draft.offPeak);
  const peak = price(draft.peak);
  if (offPeak === null || peak === null) return { ok: false, error: 'Enter both prices, as numbers of 0 or more.' };
  return { ok: true, prices: peakHourPrices(offPeak, peak, draft.fromHour, draft.toHour).map(String) };
}

export function withPrices(season: SeasonDraft, days: DayKind | 'both', prices: readonly string[]): SeasonDraft {
  return {
    ...season,
    weekday: days === 'weekend' ? season.weekday : prices,
    weekend: days === 'weekday' ? season.weekend : prices,
  };
}

export function withPrice(season: SeasonDraft, days: DayKind, hour: number, typed: string): SeasonDraft {
  return { ...season, [days]: season[days].map((cell, index) => (index === hour ? typed : cell)) };
}

/** Months no season covers: the engine refuses such a tariff, so the editor names them while the operator types. */
export function uncoveredMonths(seasons: ReadonlyArray<Pick<SeasonDraft, 'fromMonth' | 'toMonth'>>): number[] {
  return MONTHS.filter((month) => !seasons.some((season) => inSeason(season, month)));
}
