import type { FieldErrors } from './settings-draft.js';
import { fieldKey } from './settings-draft.js';
import { HOURS_PER_DAY, hourLabel } from './tariff-draft.js';
import type { DayKind } from './tariff-draft.js';

interface HourlyPricesProps {
  seasonIndex: number;
  seasonName: string;
  days: DayKind;
  prices: readonly string[];
  errors: FieldErrors;
  onChange: (hour: number, typed: string) => void;
}

const HOURS = Array.from({ length: HOURS_PER_DAY }, (_, hour) => hour);

/** One day's 24 prices, a small cell per hour headed by the hour it starts at. */
export function HourlyPrices({ seasonIndex, seasonName, days, prices, errors, onChange }: HourlyPricesProps) {
  const title = days === 'weekday' ? 'Weekdays' : 'Weekends';
  return (
    <fieldset className="hourly-prices">
      <legend className="field-label">{title}</legend>
      <div className="hourly-grid">
        {HOURS.map((hour) => {
          const error = errors[fieldKey(['tariff', 'seasons', seasonIndex, days, hour])];
          return (
            <label key={hour} className="hour-cell" title={error}>
              <span className="hour-label" aria-hidden="true">
                {String(hour).padStart(2, '0')}
              </span>
              <input
                className="text-input num hour-input"
                inputMode="decimal"
                aria-label={`${seasonName || 'Season'}, ${title.toLowerCase()} from ${hourLabel(hour)}: price per kWh`}
                aria-invalid={error !== undefined}
                value={prices[hour] ?? ''}
                onChange={(event) => onChange(hour, event.target.value)}
              />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
