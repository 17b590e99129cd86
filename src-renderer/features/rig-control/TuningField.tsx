import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { OperatorLimits, Rig } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { CommandStatus } from './CommandStatus.js';
import { allowedRange, describeRange, parseTuningValue } from './tuning.js';
import type { TuningSpec } from './tuning.js';
import { useDraftUntilApplied } from './use-draft-until-applied.js';
import { useLatestCommand } from './use-latest-command.js';

interface TuningFieldProps {
  rig: Rig;
  spec: TuningSpec;
  rigRange: { min: number; max: number };
  limits: OperatorLimits | null;
  nowMs: number;
}

/**
 * One tunable setting: what the rig reports now, a box for the new value bounded by the rig's safe range and the
 * operator's limits, and the state of the last change. The box shows the reported value until the operator types, and
 * what they typed until the change is applied.
 */
export function TuningField({ rig, spec, rigRange, limits, nowMs }: TuningFieldProps) {
  const applyChange = useAppStore((state) => state.applyChange);
  const latest = useLatestCommand(rig.id, spec.kind);
  const { draft, edit, markSent } = useDraftUntilApplied<string>(latest);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiErrorValue | null>(null);
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const current = rig.snapshot?.control[spec.current] ?? null;
  const range = allowedRange(spec, rigRange, limits, rig.identity.model);
  const shown = draft ?? (current === null ? '' : String(Math.round(current)));

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const parsed = parseTuningValue(spec, shown, range);
    if (!parsed.ok) return setError(parsed.error);
    setError(null);
    setRefusal(null);
    setSending(true);
    const failure = await applyChange([rig.id], spec.toChange(parsed.value));
    setSending(false);
    if (failure !== null) return setRefusal(failure);
    markSent(shown, latest);
  };

  const message = error ?? refusal?.message ?? null;
  return (
    <form className="tuning-field" onSubmit={(event) => void submit(event)} noValidate>
      <label className="tuning-label" htmlFor={inputId}>
        {spec.label}
        <span className="tuning-now">{current === null ? 'not reported' : `now ${spec.format(current)}`}</span>
      </label>
      <div className="tuning-entry">
        <div className="input-with-unit">
          <input
            id={inputId}
            data-testid={`${spec.testIdPrefix}-input`}
            className="text-input num"
            type="text"
            inputMode="numeric"
            value={shown}
            aria-invalid={message !== null}
            aria-describedby={`${inputId}-hint`}
            autoComplete="off"
            onChange={(event) => {
              edit(event.target.value);
              setError(null);
              setRefusal(null);
            }}
          />
          <span className="input-unit">{spec.unit}</span>
        </div>
        <button
          type="submit"
          className="button"
          data-testid={`${spec.testIdPrefix}-apply`}
          disabled={sending || shown.trim() === ''}
        >
          {sending ? 'Sending…' : 'Apply'}
        </button>
        <CommandStatus command={latest} nowMs={nowMs} />
      </div>
      <p
        className={message === null ? 'hint' : 'field-error'}
        id={`${inputId}-hint`}
        role={message === null ? undefined : 'alert'}
      >
        {message ??
          (range.min > range.max
            ? 'Your safety limits leave no value allowed for this rig.'
            : `${range.limitedByOperator ? 'Allowed' : 'Safe range'} ${describeRange(spec, range)}${range.limitedByOperator ? ' (the safe range within your limits)' : ''}.`)}
      </p>
    </form>
  );
}
