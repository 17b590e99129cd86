import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import type { Settings } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { formatPlainNumber } from '../../ui/format-plain.js';
import { ShieldIcon } from '../../ui/icons.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { SafetyLimitsForm } from './SafetyLimitsForm.js';
import { SETTING_FIELDS, boundsOf, draftFromSettings, parseSettingsDraft } from './settings-form.js';
import type { DraftErrors, SettingsDraft } from './settings-form.js';
import './settings.css';

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; code: string; message: string };

function SettingsForm({ settings }: { settings: Settings }) {
  const updateSettings = useAppStore((state) => state.updateSettings);
  // null while untouched: the form then follows the engine's settings, including changes made elsewhere.
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const shown = draft ?? draftFromSettings(settings);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const parsed = parseSettingsDraft(shown, settings);
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
      {SETTING_FIELDS.map((field) => {
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
                value={shown[field.key]}
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
      {saveState.kind === 'failed' && (
        <div className="error-box" role="alert" data-testid="settings-error">
          <span className="error-code">{saveState.code}</span>
          <span>{saveState.message}</span>
        </div>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="settings-save"
          disabled={saveState.kind === 'saving'}
        >
          {saveState.kind === 'saving' ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button"
          disabled={draft === null}
          onClick={() => {
            setDraft(null);
            setErrors({});
            setSaveState({ kind: 'idle' });
          }}
        >
          Revert
        </button>
        {saveState.kind === 'saved' && (
          <span className="field-ok" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}

export function SettingsPanel() {
  const open = useAppStore((state) => state.settingsOpen);
  const settings = useAppStore((state) => state.settings);
  const setSettingsOpen = useAppStore((state) => state.setSettingsOpen);
  const close = useCallback(() => setSettingsOpen(false), [setSettingsOpen]);
  if (!open) return null;
  return (
    <SidePanel
      testId="settings-panel"
      closeTestId="settings-close"
      title="Settings"
      subtitle="Polling, discovery and safety limits"
      onClose={close}
    >
      <section className="settings-section" aria-labelledby="settings-polling">
        <h3 className="settings-section-title" id="settings-polling">
          Polling and discovery
        </h3>
        {settings === null ? (
          <p className="muted">Waiting for the engine's settings…</p>
        ) : (
          <SettingsForm settings={settings} />
        )}
      </section>
      <section className="settings-section" aria-labelledby="settings-limits" data-testid="safety-limits">
        <h3 className="settings-section-title" id="settings-limits">
          <ShieldIcon size={14} /> Safety limits
        </h3>
        <SafetyLimitsForm />
      </section>
    </SidePanel>
  );
}
