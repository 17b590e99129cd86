import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { OperatorLimits } from '../../../src-shared/model/index.js';
import { useFleetRigs } from '../fleet/use-fleet-rigs.js';
import { useAppStore } from '../../store/store-context.js';
import { formatCount, formatPlainNumber } from '../../ui/format-plain.js';
import {
  CHIP_TEMP_BOUNDS,
  MODEL_FIELDS,
  POWER_CAP_BOUNDS,
  draftFromLimits,
  parseLimitsDraft,
  withModelCleared,
} from './limits-form.js';
import type { LimitsDraft, LimitsErrors, ModelField } from './limits-form.js';
import { FormFooter, type SaveState } from './FormFooter.js';

/** Models in the fleet with how many rigs of each, most common first. */
function useFleetModels(): ReadonlyArray<{ model: string; count: number }> {
  const rigs = useFleetRigs();
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const rig of rigs) counts.set(rig.identity.model, (counts.get(rig.identity.model) ?? 0) + 1);
    return [...counts]
      .map(([model, count]) => ({ model, count }))
      .sort((a, b) => b.count - a.count || a.model.localeCompare(b.model));
  }, [rigs]);
}

function ModelOverrides({
  draft,
  errors,
  fleetCounts,
  onChange,
}: {
  draft: LimitsDraft;
  errors: LimitsErrors;
  fleetCounts: ReadonlyMap<string, number>;
  onChange: (draft: LimitsDraft) => void;
}) {
  const models = Object.keys(draft.models);
  if (models.length === 0)
    return <p className="muted">No rigs yet: per-model limits appear once the fleet has rigs.</p>;
  const set = (model: string, field: ModelField, value: string): void => {
    const current = draft.models[model];
    if (current !== undefined)
      onChange({ ...draft, models: { ...draft.models, [model]: { ...current, [field]: value } } });
  };
  return (
    <div className="limits-table-wrap">
      <table className="limits-table">
        <thead>
          <tr>
            <th scope="col">Model</th>
            {MODEL_FIELDS.map((field) => (
              <th key={field.key} scope="col" className="num" title={`${field.label} (${field.unit})`}>
                {field.label}
                <span className="limits-unit">{field.unit}</span>
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Clear</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => {
            const row = draft.models[model];
            const rowErrors = errors.models?.[model] ?? {};
            const count = fleetCounts.get(model);
            const empty = row === undefined || MODEL_FIELDS.every((field) => row[field.key] === '');
            return (
              <tr key={model} data-testid="limits-model-row" data-model={model}>
                <th scope="row" className="limits-model" title={model}>
                  <span className="limits-model-name">{model}</span>
                  <span className="limits-model-count">
                    {count === undefined ? 'not in fleet' : `${formatCount(count)} rig${count === 1 ? '' : 's'}`}
                  </span>
                </th>
                {MODEL_FIELDS.map((field) => {
                  const error = rowErrors[field.key];
                  return (
                    <td key={field.key}>
                      <input
                        className="text-input num limits-cell"
                        inputMode="decimal"
                        aria-label={`${model}: ${field.label} (${field.unit})`}
                        aria-invalid={error !== undefined}
                        title={error}
                        placeholder="—"
                        value={row?.[field.key] ?? ''}
                        onChange={(event) => set(model, field.key, event.target.value)}
                      />
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="icon-button small"
                    aria-label={`Clear the limits for ${model}`}
                    title="Clear this model's limits"
                    disabled={empty}
                    onClick={() => onChange(withModelCleared(draft, model))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors.models !== undefined && (
        <p className="field-error">
          {Object.entries(errors.models)
            .flatMap(([model, fields]) =>
              Object.entries(fields).map(([key, message]) => {
                const field = MODEL_FIELDS.find((candidate) => candidate.key === key);
                return `${model}, ${field?.label.toLowerCase() ?? key}: ${message}`;
              }),
            )
            .join(' ')}
        </p>
      )}
    </div>
  );
}

function LimitsEditor({ limits }: { limits: OperatorLimits }) {
  const updateLimits = useAppStore((state) => state.updateLimits);
  const fleetModels = useFleetModels();
  const fleetCounts = useMemo(() => new Map(fleetModels.map((entry) => [entry.model, entry.count])), [fleetModels]);
  // null while untouched: the form follows the engine's limits (and the fleet's models) until edited.
  const [draft, setDraft] = useState<LimitsDraft | null>(null);
  const [errors, setErrors] = useState<LimitsErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const fromEngine = useMemo(
    () =>
      draftFromLimits(
        limits,
        fleetModels.map((entry) => entry.model),
      ),
    [limits, fleetModels],
  );
  const shown = draft ?? fromEngine;

  const edit = (next: LimitsDraft): void => {
    setDraft(next);
    setSaveState({ kind: 'idle' });
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const parsed = parseLimitsDraft(shown);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    setSaveState({ kind: 'saving' });
    const failure = await updateLimits(parsed.limits);
    if (failure !== null) return setSaveState({ kind: 'failed', code: failure.code, message: failure.message });
    setDraft(null);
    setSaveState({ kind: 'saved' });
  };

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className={`setting-field ${errors.maxChipTempC === undefined ? '' : 'has-error'}`}>
        <label htmlFor="limits-max-chip-temp" className="field-label">
          Max chip temperature
        </label>
        <div className="input-with-unit">
          <input
            id="limits-max-chip-temp"
            data-testid="limits-max-chip-temp"
            className="text-input num"
            inputMode="decimal"
            value={shown.maxChipTempC}
            aria-invalid={errors.maxChipTempC !== undefined}
            aria-describedby="limits-max-chip-temp-help"
            onChange={(event) => edit({ ...shown, maxChipTempC: event.target.value })}
          />
          <span className="input-unit">°C</span>
        </div>
        <p className={errors.maxChipTempC === undefined ? 'hint' : 'field-error'} id="limits-max-chip-temp-help">
          {errors.maxChipTempC ??
            `At or above it, no change that adds heat (power, clock, voltage, resume) is sent, and a change that takes a rig past it is rolled back. ${formatPlainNumber(CHIP_TEMP_BOUNDS.min)}–${formatPlainNumber(CHIP_TEMP_BOUNDS.max)} °C.`}
        </p>
      </div>
      <div className={`setting-field ${errors.maxPowerWPerRig === undefined ? '' : 'has-error'}`}>
        <label htmlFor="limits-max-power" className="field-label">
          Max power per rig
        </label>
        <div className="input-with-unit">
          <input
            id="limits-max-power"
            data-testid="limits-max-power"
            className="text-input num"
            inputMode="numeric"
            placeholder="No cap"
            value={shown.maxPowerWPerRig}
            aria-invalid={errors.maxPowerWPerRig !== undefined}
            aria-describedby="limits-max-power-help"
            onChange={(event) => edit({ ...shown, maxPowerWPerRig: event.target.value })}
          />
          <span className="input-unit">W</span>
        </div>
        <p className={errors.maxPowerWPerRig === undefined ? 'hint' : 'field-error'} id="limits-max-power-help">
          {errors.maxPowerWPerRig ??
            `Caps any rig's power target, whatever its model allows. Empty: each model's own range. Up to ${formatPlainNumber(POWER_CAP_BOUNDS.max)} W.`}
        </p>
      </div>
      <div className="setting-field">
        <span className="field-label">Per-model limits</span>
        <p className="hint">Tighter bounds for one model; empty cells leave the model's own safe range.</p>
        <ModelOverrides draft={shown} errors={errors} fleetCounts={fleetCounts} onChange={edit} />
      </div>
      <FormFooter
        saveState={saveState}
        saveLabel="Save limits"
        saveTestId="limits-save"
        errorTestId="limits-error"
        savedMessage="Saved. Every change from now on is checked against these limits."
        canRevert={draft !== null}
        onRevert={() => {
          setDraft(null);
          setErrors({});
          setSaveState({ kind: 'idle' });
        }}
      />
    </form>
  );
}

/** Settings → Safety limits: the bounds the engine checks every change against, whoever asks for it. */
export function SafetyLimitsForm() {
  const limits = useAppStore((state) => state.limits);
  if (limits === null) return <p className="muted">Waiting for the engine's limits…</p>;
  return <LimitsEditor limits={limits} />;
}
