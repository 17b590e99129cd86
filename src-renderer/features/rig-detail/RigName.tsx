import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Rig } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { PencilIcon } from '../../ui/icons.js';

/** Must match the engine's `fleet.rename` schema (1 to 64 characters after trimming). */
const MAX_NAME_LENGTH = 64;

/** The rig's name as the panel title, with an inline rename form. */
export function RigName({ rig }: { rig: Rig }) {
  const renameRig = useAppStore((state) => state.renameRig);
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const stopEditing = (): void => {
    setDraft(null);
    setError(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const name = (draft ?? '').trim();
    if (name === '') return setError('A rig needs a name.');
    if (name === rig.name) return stopEditing();
    setSaving(true);
    const failure = await renameRig(rig.id, name);
    setSaving(false);
    if (failure === null) stopEditing();
    else setError(failure.message);
  };

  if (draft === null) {
    return (
      <span className="rig-name">
        <span className="rig-name-text">{rig.name}</span>
        <button
          type="button"
          className="icon-button small"
          data-testid="rig-rename"
          aria-label="Rename rig"
          title="Rename"
          onClick={() => setDraft(rig.name)}
        >
          <PencilIcon size={14} />
        </button>
      </span>
    );
  }
  return (
    <form className="rename-form" onSubmit={(event) => void submit(event)}>
      <input
        className="text-input"
        data-testid="rig-rename-input"
        aria-label="New rig name"
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          // Escape cancels the edit; preventDefault tells the panel not to close as well.
          if (event.key === 'Escape') {
            event.preventDefault();
            stopEditing();
          }
        }}
      />
      <button type="submit" className="button button-primary small" data-testid="rig-rename-save" disabled={saving}>
        Save
      </button>
      <button type="button" className="button small" onClick={stopEditing}>
        Cancel
      </button>
      {error !== null && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
