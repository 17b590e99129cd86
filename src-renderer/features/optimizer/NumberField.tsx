import { useId } from 'react';

interface NumberFieldProps {
  label: string;
  value: string;
  onChange: (typed: string) => void;
  /** Beside the input: the unit typed in ("kW", "°C", "USD/kWh"). */
  unit?: string;
  /** Under the input when there is no error: what the field does, its bounds. */
  hint?: string;
  error?: string | undefined;
  testId?: string;
  placeholder?: string;
}

/** A labelled number input with its unit, and either its hint or what is wrong with what was typed. */
export function NumberField({ label, value, onChange, unit, hint, error, testId, placeholder }: NumberFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const help = error ?? hint;
  return (
    <div className={`setting-field ${error === undefined ? '' : 'has-error'}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="input-with-unit">
        <input
          id={id}
          data-testid={testId}
          className="text-input num"
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          aria-invalid={error !== undefined}
          aria-describedby={help === undefined ? undefined : helpId}
          onChange={(event) => onChange(event.target.value)}
        />
        {unit !== undefined && <span className="input-unit">{unit}</span>}
      </div>
      {help !== undefined && (
        <p className={error === undefined ? 'hint' : 'field-error'} id={helpId}>
          {help}
        </p>
      )}
    </div>
  );
}
