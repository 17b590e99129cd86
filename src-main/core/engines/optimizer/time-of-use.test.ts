import { describe, expect, it } from 'vitest';
import { TariffSchema, type Tariff } from '../../../../src-shared/model/tariff.js';
import { bestPointForPrice, localTime, priceAt } from './time-of-use.js';

const flat = (price: number) => Array.from({ length: 24 }, () => price);
const withPeak = (base: number, peak: number) =>
  flat(base).map((price, hour) => (hour >= 17 && hour < 20 ? peak : price));

const tariff: Tariff = TariffSchema.parse({
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  seasons: [
    { name: 'Winter', fromMonth: 11, toMonth: 2, weekday: withPeak(0.2, 0.5), weekend: flat(0.15) },
    { name: 'Rest', fromMonth: 3, toMonth: 10, weekday: withPeak(0.1, 0.3), weekend: flat(0.08) },
  ],
});

describe('priceAt', () => {
  it('follows the local clock through daylight saving: 17:00 in Berlin is 16:00 UTC in winter, 15:00 in summer', () => {
    expect(priceAt(tariff, Date.UTC(2026, 0, 14, 16, 30))).toBe(0.5); // Wednesday in January, 17:30 local
    expect(priceAt(tariff, Date.UTC(2026, 0, 14, 15, 30))).toBe(0.2); // 16:30 local
    expect(priceAt(tariff, Date.UTC(2026, 6, 15, 15, 30))).toBe(0.3); // Wednesday in July, 17:30 local
    expect(localTime(Date.UTC(2026, 6, 15, 15, 30), 'Europe/Berlin')).toEqual({ month: 7, weekday: 3, hour: 17 });
  });

  it('uses weekend prices on Saturday and Sunday and wraps a season over the year end', () => {
    expect(priceAt(tariff, Date.UTC(2026, 0, 17, 17, 0))).toBe(0.15); // Saturday in January
    expect(priceAt(tariff, Date.UTC(2026, 11, 2, 17, 0))).toBe(0.5); // Wednesday in December, 18:00 local
  });

  it('refuses a tariff that leaves a month uncovered or names no real time zone', () => {
    const summerOnly = { ...tariff, seasons: [{ ...tariff.seasons[1], fromMonth: 4 }] };
    expect(TariffSchema.safeParse(summerOnly).success).toBe(false);
    expect(TariffSchema.safeParse({ ...tariff, timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});

describe('bestPointForPrice', () => {
  // An S19-like power-target sweep: more power buys hashrate at a worse J/TH.
  const points = [
    { powerW: 1500, hashrateThs: 60 },
    { powerW: 2500, hashrateThs: 90 },
    { powerW: 3300, hashrateThs: 110 },
  ];
  const revenuePerThsHour = 0.002; // about 0.048 per TH/s and day

  it('runs full when power is cheap, tunes down when dear, and sleeps when no point pays for its power', () => {
    expect(bestPointForPrice(points, revenuePerThsHour, 0.03).index).toBe(2);
    expect(bestPointForPrice(points, revenuePerThsHour, 0.07).index).toBe(0);
    const dear = bestPointForPrice(points, revenuePerThsHour, 0.2);
    expect(dear).toEqual({ index: null, profitPerHour: 0 });
  });
});
