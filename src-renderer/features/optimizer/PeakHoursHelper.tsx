import { useId, useState } from 'react';
import { HOURS_PER_DAY, hourLabel, parsePeakHelper } from './tariff-draft.js';
import type { DayKind, PeakHelperDraft } from './tariff-draft.js';

const HOURS = Array.from({ length: HOURS_PER_DAY + 1 }, (_, hour) => hour);

const DAY_CHOICES = ['weekday', 'weekend', 'both'] as const;
const DAYS_LABEL: Readonly<Record<PeakHelperDraft['days'], string>> = {
  weekday: 'weekdays',
  weekend: 'weekends',
  both: 'every day',
};

/**
 * Most bills have one peak a day: two prices and the peak's hours fill the 24 cells at once, which the operator can
 * then adjust cell by cell.
 */
export function PeakHoursHelper({ onFill }: { onFill: (days: DayKind | 'both', prices: string[]) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<PeakHelperDraft>({
    offPeak: '',
    peak: '',
    fromHour: 16,
    toHour: 21,
    days: 'weekday',
  });
  const [error, setError] = useState<string | null>(null);
  const edit = (patch: Partial<PeakHelperDraft>): void => {
    setDraft({ ...draft, ...patch });
    setError(null);
  };
  const fill = (): void => {
    const parsed = parsePeakHelper(draft);
    if (!parsed.ok) return setError(parsed.error);
    onFill(draft.days, parsed.prices);
  };

  return (
    <fieldset className="peak-helper">
      <legend className="field-label">Peak hours helper</legend>
      <div className="peak-helper-row">
        <label className="peak-helper-field">
          <span className="hint">Off-peak</span>
          <input
            className="text-input num"
            inputMode="decimal"
            placeholder="0.08"
            value={draft.offPeak}
            onChange={(event) => edit({ offPeak: event.target.value })}
          />
        </label>
        <label className="peak-helper-field">
          <span className="hint">Peak</span>
          <input
            className="text-input num"
            inputMode="decimal"
            placeholder="0.25"
            value={draft.peak}
            onChange={(event) => edit({ peak: event.target.value })}
          />
        </label>
        <label className="peak-helper-field">
          <span className="hint">From</span>
          <select
            className="text-input"
            value={draft.fromHour}
            onChange={(event) => edit({ fromHour: Number(event.target.value) })}
          >
            {HOURS.slice(0, HOURS_PER_DAY).map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
        </label>
        <label className="peak-helper-field">
          <span className="hint">To</span>
          <select
            className="text-input"
            value={draft.toHour}
            onChange={(event) => edit({ toHour: Number(event.target.value) })}
          >
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hour === HOURS_PER_DAY ? '24:00' : hourLabel(hour)}
              </option>
            ))}
          </select>
        </label>
        <label className="peak-helper-field">
          <span className="hint">For</span>
          <select
            className="text-input"
            value={draft.days}
            onChange={(event) => edit({ days: DAY_CHOICES.find((days) => days === event.target.value) ?? 'both' })}
          >
            {DAY_CHOICES.map((days) => (
              <option key={days} value={days}>
                {DAYS_LABEL[days]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button small" aria-describedby={`${id}-error`} onClick={fill}>
          Fill {DAYS_LABEL[draft.days]}
        </button>
      </div>
      {error !== null && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
