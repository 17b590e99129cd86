import { z } from 'zod';

/**
 * An electricity tariff as a power bill states it: prices per kWh by hour of day, different on weekdays and weekends,
 * possibly by season. Hours are the operator's local time in the tariff's time zone (IANA name), so daylight saving
 * moves the peak with the clock, as the utility does.
 */
const HourlyPricesSchema = z.array(z.number().min(0).max(100)).length(24);

export const TariffSeasonSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    /** First and last month of the season, 1..12; a season may wrap the year end (e.g. 11..2). */
    fromMonth: z.number().int().min(1).max(12),
    toMonth: z.number().int().min(1).max(12),
    weekday: HourlyPricesSchema,
    weekend: HourlyPricesSchema,
  })
  .strict();
export type TariffSeason = z.infer<typeof TariffSeasonSchema>;

export const TariffSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as USD or EUR.'),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'An IANA time zone such as Europe/Berlin or America/Chicago.'),
    /** Checked in order; the first season whose months hold the date applies. At least one must cover every month. */
    seasons: z.array(TariffSeasonSchema).min(1).max(12),
  })
  .strict()
  .refine(
    (tariff) =>
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].every((month) => tariff.seasons.some((s) => inSeason(s, month))),
    'Every month must fall in a season.',
  );
export type Tariff = z.infer<typeof TariffSchema>;

export function inSeason(season: Pick<TariffSeason, 'fromMonth' | 'toMonth'>, month: number): boolean {
  return season.fromMonth <= season.toMonth
    ? month >= season.fromMonth && month <= season.toMonth
    : month >= season.fromMonth || month <= season.toMonth;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
