import { useId } from 'react';
import { SeasonEditor } from './SeasonEditor.js';
import type { FieldErrors } from './settings-draft.js';
import { monthName, seasonDraft, uncoveredMonths } from './tariff-draft.js';
import type { TariffDraft } from './tariff-draft.js';

/** The tariff schema allows this many seasons (src-shared/model/tariff.ts). */
const MAX_SEASONS = 12;

/** IANA names this browser knows, offered while typing the time zone; typing any other name stays possible. */
function knownTimeZones(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

function TextField({
  label,
  value,
  error,
  hint,
  list,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  hint: string;
  list?: string;
  onChange: (typed: string) => void;
}) {
  const id = useId();
  return (
    <div className={`setting-field ${error === undefined ? '' : 'has-error'}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        value={value}
        list={list}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className={error === undefined ? 'hint' : 'field-error'} id={`${id}-help`}>
        {error ?? hint}
      </p>
    </div>
  );
}

interface TariffEditorProps {
  tariff: TariffDraft;
  errors: FieldErrors;
  onChange: (tariff: TariffDraft) => void;
  onRemove: () => void;
}

/** Hourly electricity prices as the bill states them: a currency, the utility's time zone, and seasons. */
export function TariffEditor({ tariff, errors, onChange, onRemove }: TariffEditorProps) {
  const zonesId = useId();
  const uncovered = uncoveredMonths(tariff.seasons);
  const tariffError = errors['tariff'] ?? errors['tariff.seasons'];
  return (
    <div className="tariff-editor" data-testid="tariff-editor">
      <div className="tariff-editor-head">
        <span className="field-label">Hourly tariff</span>
        <button type="button" className="link-button" onClick={onRemove}>
          Use the flat price instead
        </button>
      </div>
      <div className="tariff-fields">
        <TextField
          label="Currency"
          value={tariff.currency}
          error={errors['tariff.currency']}
          hint="Three letters, as on the bill: USD, EUR."
          onChange={(currency) => onChange({ ...tariff, currency })}
        />
        <TextField
          label="Time zone"
          value={tariff.timeZone}
          error={errors['tariff.timeZone']}
          hint="The utility's clock: the peak moves with its daylight saving."
          list={zonesId}
          onChange={(timeZone) => onChange({ ...tariff, timeZone })}
        />
        <datalist id={zonesId}>
          {knownTimeZones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      {tariff.seasons.map((season, index) => (
        <SeasonEditor
          // Seasons have no id: their place in the list is what the error paths (tariff.seasons.N) refer to.
          key={index}
          season={season}
          index={index}
          errors={errors}
          removable={tariff.seasons.length > 1}
          onChange={(next) =>
            onChange({ ...tariff, seasons: tariff.seasons.map((current, at) => (at === index ? next : current)) })
          }
          onRemove={() => onChange({ ...tariff, seasons: tariff.seasons.filter((_, at) => at !== index) })}
        />
      ))}
      {uncovered.length > 0 && (
        <p className="hint text-warn" role="status">
          No season covers {uncovered.map(monthName).join(', ')}: every month needs one.
        </p>
      )}
      {tariffError !== undefined && uncovered.length === 0 && <p className="field-error">{tariffError}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button small"
          disabled={tariff.seasons.length >= MAX_SEASONS}
          onClick={() =>
            onChange({ ...tariff, seasons: [...tariff.seasons, seasonDraft('', tariff.seasons[0]?.weekday[0] ?? '')] })
          }
        >
          Add a season
        </button>
      </div>
    </div>
  );
}
