import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Settings, SettingsPatch } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { formatPlainNumber } from '../../ui/format-plain.js';
import { SETTING_FIELDS, boundsOf, draftFromSettings, parseSettingsDraft } from './settings-form.js';
import type { DraftErrors, SettingField, SettingsDraft } from './settings-form.js';
import { FormFooter, type SaveState } from './FormFooter.js';

interface SettingsFormProps {
  settings: Settings;
  /** The fields this form edits; it saves only those that changed. */
  fields?: readonly SettingField[];
  /** Checks beyond each field's bounds (the retention form's ordering); each field's bounds by default. */
  parse?: (draft: SettingsDraft, current: Settings) => { patch: SettingsPatch; errors: DraftErrors };
  saveTestId?: string;
  errorTestId?: string;
}

/** A form over some numeric settings: polling and discovery here, history retention in the History block. */
export function SettingsForm({
  settings,
  fields = SETTING_FIELDS,
  parse,
  saveTestId = 'settings-save',
  errorTestId = 'settings-error',
}: SettingsFormProps) {
  const updateSettings = useAppStore((state) => state.updateSettings);
  // null while untouched: the form then follows the engine's settings, including changes made elsewhere.
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const shown = draft ?? draftFromSettings(settings, fields);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const parsed = parse === undefined ? parseSettingsDraft(shown, settings, fields) : parse(shown, settings);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length > 0) return;
    setSaveState({ kind: 'saving' });
    const failure = await updateSettings(parsed.patch);
    if (failure !== null) {
      setSaveState({ kind: 'failed', code: failure.code, message: failure.message });
      return;
    }
    setDraft(null);
    setSaveState({ kind: 'saved' });
  };

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      {fields.map((field) => {
        const { min, max } = boundsOf(field);
        const error = errors[field.key];
        const inputId = `setting-${field.key}`;
        return (
          <div key={field.key} className={`setting-field ${error === undefined ? '' : 'has-error'}`}>
            <label htmlFor={inputId} className="field-label">
              {field.label}
            </label>
            <div className="input-with-unit">
              <input
                id={inputId}
                data-testid={inputId}
                className="text-input num"
                type="number"
                inputMode="decimal"
                min={min}
                max={max}
                step={field.step}
                value={shown[field.key] ?? ''}
                aria-invalid={error !== undefined}
                aria-describedby={`${inputId}-help`}
                onChange={(event) => {
                  setDraft({ ...shown, [field.key]: event.target.value });
                  setSaveState({ kind: 'idle' });
                }}
              />
              <span className="input-unit">{field.unit}</span>
            </div>
            <p className={error === undefined ? 'hint' : 'field-error'} id={`${inputId}-help`}>
              {error ?? `${field.help} ${formatPlainNumber(min)}–${formatPlainNumber(max)} ${field.unit}.`}
            </p>
          </div>
        );
      })}
      <FormFooter
        saveState={saveState}
        saveLabel="Save"
        saveTestId={saveTestId}
        errorTestId={errorTestId}
        savedMessage="Saved."
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
