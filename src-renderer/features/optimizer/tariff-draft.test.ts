import { describe, expect, it } from 'vitest';
import {
  draftFromTariff,
  hourLabel,
  monthName,
  parsePeakHelper,
  peakHourPrices,
  seasonDraft,
  uncoveredMonths,
  withPrice,
  withPrices,
} from './tariff-draft.js';

const peakHours = (prices: readonly number[], peak: number) =>
  prices.flatMap((price, hour) => (price === peak ? [hour] : []));

describe('peakHourPrices', () => {
  it('prices the hours from the start up to, not including, the end at the peak price', () => {
    const prices = peakHourPrices(0.1, 0.3, 16, 21);
    expect(prices).toHaveLength(24);
    expect(peakHours(prices, 0.3)).toEqual([16, 17, 18, 19, 20]);
    expect(prices[21]).toBe(0.1);
  });

  it('runs a peak that ends before it starts past midnight', () => {
    expect(peakHours(peakHourPrices(0.1, 0.3, 22, 2), 0.3)).toEqual([0, 1, 22, 23]);
  });

  it('has no peak when it starts and ends at the same hour', () => {
    expect(peakHours(peakHourPrices(0.1, 0.3, 7, 7), 0.3)).toEqual([]);
  });
});

describe('parsePeakHelper', () => {
  it('fills prices as text for the cells, or explains a missing price', () => {
    const parsed = parsePeakHelper({ offPeak: '0.08', peak: '0.25', fromHour: 17, toHour: 20, days: 'both' });
    expect(parsed.ok && parsed.prices.slice(16, 21)).toEqual(['0.08', '0.25', '0.25', '0.25', '0.08']);
    expect(parsePeakHelper({ offPeak: '', peak: '0.25', fromHour: 17, toHour: 20, days: 'both' })).toEqual({
      ok: false,
      error: 'Enter both prices, as numbers of 0 or more.',
    });
  });
});

describe('season edits', () => {
  it('fills weekdays, weekends or both', () => {
    const season = seasonDraft('Summer', '0.1');
    const prices = Array.from({ length: 24 }, () => '0.2');
    expect(withPrices(season, 'weekday', prices)).toMatchObject({ weekday: prices, weekend: season.weekend });
    expect(withPrices(season, 'both', prices)).toMatchObject({ weekday: prices, weekend: prices });
  });

  it('changes one cell and leaves the others', () => {
    const edited = withPrice(seasonDraft('Summer', '0.1'), 'weekend', 5, '0.5');
    expect(edited.weekend[5]).toBe('0.5');
    expect(edited.weekend.filter((cell) => cell === '0.1')).toHaveLength(23);
    expect(edited.weekday.every((cell) => cell === '0.1')).toBe(true);
  });
});

describe('uncoveredMonths', () => {
  it('names the months no season covers, with seasons that wrap the year end', () => {
    expect(uncoveredMonths([{ fromMonth: 11, toMonth: 2 }])).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(
      uncoveredMonths([
        { fromMonth: 11, toMonth: 2 },
        { fromMonth: 3, toMonth: 10 },
      ]),
    ).toEqual([]);
  });
});

describe('labels and round trip', () => {
  it('labels months and hours', () => {
    expect(monthName(1)).toBe('Jan');
    expect(monthName(12)).toBe('Dec');
    expect(hourLabel(7)).toBe('07:00');
  });

  it('turns a saved tariff into text cells', () => {
    const tariff = {
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      seasons: [{ name: 'All', fromMonth: 1, toMonth: 12, weekday: Array(24).fill(0.3), weekend: Array(24).fill(0.2) }],
    };
    expect(draftFromTariff(tariff).seasons[0]?.weekend[0]).toBe('0.2');
  });
});
