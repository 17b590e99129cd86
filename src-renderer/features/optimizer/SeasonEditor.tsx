import { useId } from 'react';
import { HourlyPrices } from './HourlyPrices.js';
import { PeakHoursHelper } from './PeakHoursHelper.js';
import { seasonErrorLines } from './settings-draft.js';
import type { FieldErrors } from './settings-draft.js';
import { MONTHS, monthName, withPrice, withPrices } from './tariff-draft.js';
import type { SeasonDraft } from './tariff-draft.js';

interface SeasonEditorProps {
  season: SeasonDraft;
  index: number;
  errors: FieldErrors;
  /** False for the last season left: a tariff needs at least one. */
  removable: boolean;
  onChange: (season: SeasonDraft) => void;
  onRemove: () => void;
}

function MonthSelect({ label, value, onChange }: { label: string; value: number; onChange: (month: number) => void }) {
  return (
    <label className="season-month">
      <span className="hint">{label}</span>
      <select className="text-input" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {MONTHS.map((month) => (
          <option key={month} value={month}>
            {monthName(month)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One season: its name and months, its weekday and weekend prices by hour, and the peak-hours helper. */
export function SeasonEditor({ season, index, errors, removable, onChange, onRemove }: SeasonEditorProps) {
  const nameId = useId();
  const problems = seasonErrorLines(errors, index);
  return (
    <fieldset className="season" data-testid="tariff-season">
      <legend className="visually-hidden">Season {index + 1}</legend>
      <div className="season-head">
        <label htmlFor={nameId} className="visually-hidden">
          Season name
        </label>
        <input
          id={nameId}
          className="text-input season-name"
          placeholder="Season name"
          value={season.name}
          aria-invalid={errors[`tariff.seasons.${index}.name`] !== undefined}
          onChange={(event) => onChange({ ...season, name: event.target.value })}
        />
        <MonthSelect
          label="from"
          value={season.fromMonth}
          onChange={(fromMonth) => onChange({ ...season, fromMonth })}
        />
        <MonthSelect label="to" value={season.toMonth} onChange={(toMonth) => onChange({ ...season, toMonth })} />
        <button type="button" className="button small button-danger-quiet" disabled={!removable} onClick={onRemove}>
          Remove
        </button>
      </div>
      <PeakHoursHelper onFill={(days, prices) => onChange(withPrices(season, days, prices))} />
      {(['weekday', 'weekend'] as const).map((days) => (
        <HourlyPrices
          key={days}
          seasonIndex={index}
          seasonName={season.name}
          days={days}
          prices={season[days]}
          errors={errors}
          onChange={(hour, typed) => onChange(withPrice(season, days, hour, typed))}
        />
      ))}
      {problems.length > 0 && (
        <ul className="field-error season-errors">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
