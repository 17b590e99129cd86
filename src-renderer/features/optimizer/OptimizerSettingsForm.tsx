import { useId, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { OptimizerObjectiveSchema } from '../../../src-shared/model/optimizer.js';
import type { OptimizerObjective, OptimizerSettings } from '../../../src-shared/model/optimizer.js';
import { useAppStore } from '../../store/store-context.js';
import { OBJECTIVE_HELP, OBJECTIVE_LABEL } from '../../ui/describe-tuning.js';
import { FormFooter, type SaveState } from '../settings/FormFooter.js';
import { ElectricityFields } from './ElectricityFields.js';
import { NumberField } from './NumberField.js';
import { draftFromSettings, parseOptimizerDraft } from './settings-draft.js';
import type { FieldErrors, OptimizerDraft } from './settings-draft.js';
import { TariffEditor } from './TariffEditor.js';
import { ThermalFields } from './ThermalFields.js';
import './optimizer-form.css';

const OBJECTIVES = OptimizerObjectiveSchema.options;

function FormGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="optimizer-group">
      <legend className="settings-section-title">{title}</legend>
      {children}
    </fieldset>
  );
}

function ObjectiveField({
  value,
  onChange,
}: {
  value: OptimizerObjective;
  onChange: (next: OptimizerObjective) => void;
}) {
  const id = useId();
  return (
    <div className="setting-field">
      <label htmlFor={id} className="field-label">
        Objective
      </label>
      <select
        id={id}
        className="text-input"
        data-testid="optimizer-objective"
        value={value}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(OBJECTIVES.find((objective) => objective === event.target.value) ?? value)}
      >
        {OBJECTIVES.map((objective) => (
          <option key={objective} value={objective} title={OBJECTIVE_HELP[objective]}>
            {OBJECTIVE_LABEL[objective]}
          </option>
        ))}
      </select>
      <ul className="objective-help" id={`${id}-help`}>
        {OBJECTIVES.map((objective) => (
          <li key={objective} className={objective === value ? 'is-chosen' : undefined}>
            <strong>{OBJECTIVE_LABEL[objective]}:</strong> {OBJECTIVE_HELP[objective]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PowerFields({ draft, errors, onChange }: FieldsProps) {
  return (
    <>
      <NumberField
        label="Power budget per device"
        value={draft.devicePowerBudgetW}
        unit="W"
        placeholder="Device maximum"
        hint="For the hashrate objective: no device draws more. Blank: each device's own maximum."
        error={errors['devicePowerBudgetW']}
        onChange={(devicePowerBudgetW) => onChange({ devicePowerBudgetW })}
      />
      <NumberField
        label="Site power cap"
        value={draft.siteCapKw}
        unit="kW"
        placeholder="No cap"
        testId="optimizer-site-cap"
        hint="The site's total limit, e.g. the circuit's rating. Blank: no cap."
        error={errors['siteCapW']}
        onChange={(siteCapKw) => onChange({ siteCapKw })}
      />
    </>
  );
}

interface FieldsProps {
  draft: OptimizerDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<OptimizerDraft>) => void;
}

/**
 * The optimizer's settings as a draft: checked with the shared schema before saving, saved whole. Until edited it
 * follows the engine's settings (changed from another window, or by the switch and the devices table here).
 */
export function OptimizerSettingsForm({ settings }: { settings: OptimizerSettings }) {
  const save = useAppStore((state) => state.saveOptimizerSettings);
  const siteCurrency = useAppStore((state) => state.optimizerSite?.currency ?? '');
  const [draft, setDraft] = useState<OptimizerDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const fromEngine = useMemo(() => draftFromSettings(settings), [settings]);
  const shown = draft ?? fromEngine;
  const currency = shown.tariff?.currency.trim().toUpperCase() || siteCurrency;

  const edit = (patch: Partial<OptimizerDraft>): void => {
    setDraft({ ...shown, ...patch });
    setSaveState({ kind: 'idle' });
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    // Parsed against the settings the engine has now: the switch and the exclusions may have changed since.
    const parsed = parseOptimizerDraft(shown, settings);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setSaveState({ kind: 'idle' });
      return;
    }
    setErrors({});
    setSaveState({ kind: 'saving' });
    const failure = await save(parsed.settings);
    if (failure !== null) return setSaveState({ kind: 'failed', code: failure.code, message: failure.message });
    setDraft(null);
    setSaveState({ kind: 'saved' });
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form className="optimizer-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormGroup title="Objective">
        <ObjectiveField value={shown.objective} onChange={(objective) => edit({ objective })} />
        <PowerFields draft={shown} errors={errors} onChange={edit} />
      </FormGroup>
      <FormGroup title="Electricity">
        <ElectricityFields draft={shown} errors={errors} currency={currency} onChange={edit} />
      </FormGroup>
      <FormGroup title="Heat">
        <ThermalFields draft={shown} errors={errors} onChange={edit} />
      </FormGroup>
      {shown.tariff !== null && (
        <TariffEditor
          tariff={shown.tariff}
          errors={errors}
          onChange={(tariff) => edit({ tariff })}
          onRemove={() => edit({ tariff: null })}
        />
      )}
      {errorCount > 0 && (
        <p className="field-error" role="alert">
          {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} a change before these settings can be
          saved.
        </p>
      )}
      <FormFooter
        saveState={saveState}
        saveLabel="Save optimizer settings"
        saveTestId="optimizer-save"
        errorTestId="optimizer-settings-error"
        savedMessage="Saved. The optimizer plans with these from its next round."
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
