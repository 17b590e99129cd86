import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CredentialKind, Rig } from '../../../src-shared/model/index.js';
import type { CredentialScope } from '../../store/capabilities-slice.js';
import { useAppStore } from '../../store/store-context.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { CREDENTIAL_LABEL } from '../../ui/describe-change.js';
import { FAMILY_LABEL } from '../../ui/family-names.js';
import { AlertIcon, LockIcon } from '../../ui/icons.js';

type Scope = 'rig' | 'family';
type Feedback = { tone: 'ok' | 'error'; text: string; code?: string } | null;

interface CredentialBoxProps {
  rig: Rig;
  kind: CredentialKind;
  /** Where the engine has it: for this rig, for its whole family, or nowhere. */
  source: 'rig' | 'family' | null;
}

/**
 * Status and entry of the secret a rig's control needs. Write-only: the secret goes to the engine and the field is
 * cleared; nothing here (or anywhere in the renderer) can read a stored secret back.
 */
export function CredentialBox({ rig, kind, source }: CredentialBoxProps) {
  const setCredential = useAppStore((state) => state.setCredential);
  const clearCredential = useAppStore((state) => state.clearCredential);
  const [secret, setSecret] = useState('');
  const [scope, setScope] = useState<Scope>(source === 'family' ? 'family' : 'rig');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [confirmingForget, setConfirmingForget] = useState(false);
  const label = CREDENTIAL_LABEL[kind];
  const family = FAMILY_LABEL[rig.identity.family];
  const scopeOf = (which: Scope): CredentialScope =>
    which === 'rig' ? { rigId: rig.id } : { family: rig.identity.family };

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (secret === '' || busy) return;
    setBusy(true);
    setFeedback(null);
    const failure = await setCredential(scopeOf(scope), kind, secret);
    setBusy(false);
    if (failure !== null) {
      setFeedback({ tone: 'error', text: failure.message, code: failure.code });
      return;
    }
    setSecret('');
    setFeedback({ tone: 'ok', text: `Saved, encrypted. Rigwise never shows a saved ${label}.` });
  };

  const forget = async (): Promise<void> => {
    if (source === null) return;
    setBusy(true);
    const failure = await clearCredential(scopeOf(source), kind);
    setBusy(false);
    setConfirmingForget(false);
    setFeedback(failure === null ? null : { tone: 'error', text: failure.message, code: failure.code });
  };

  const statusText =
    source === 'rig'
      ? `${capitalized(label)} set for this rig.`
      : source === 'family'
        ? `${capitalized(label)} set for all ${family} rigs.`
        : `No ${label} yet: changes to this rig are refused until it is set.`;

  return (
    <div className={`control-block credential-box ${source === null ? 'is-missing' : 'is-set'}`}>
      <div
        className="credential-status"
        data-testid="credential-status"
        data-state={source === null ? 'missing' : 'set'}
      >
        {source === null ? <AlertIcon size={15} /> : <LockIcon size={15} />}
        <span>{statusText}</span>
        {source !== null && (
          <button
            type="button"
            className="link-button credential-forget"
            onClick={() => setConfirmingForget(true)}
            disabled={busy}
          >
            Forget
          </button>
        )}
      </div>
      <form className="credential-form" onSubmit={(event) => void save(event)}>
        <div className="credential-scope">
          <span className="field-label">Set {label} for</span>
          <div className="segmented small" role="radiogroup" aria-label={`Set ${label} for`}>
            {(['rig', 'family'] as const).map((which) => (
              <button
                key={which}
                type="button"
                role="radio"
                className="segment"
                aria-checked={scope === which}
                onClick={() => setScope(which)}
              >
                {which === 'rig' ? 'this rig' : `all ${family} rigs`}
              </button>
            ))}
          </div>
        </div>
        <div className="credential-entry">
          <input
            className="text-input"
            type="password"
            data-testid="credential-input"
            aria-label={scope === 'rig' ? `Set ${label} for this rig` : `Set ${label} for all ${family} rigs`}
            placeholder={source === null ? `${capitalized(label)}` : `New ${label}`}
            value={secret}
            maxLength={256}
            autoComplete="new-password"
            spellCheck={false}
            onChange={(event) => {
              setSecret(event.target.value);
              setFeedback(null);
            }}
          />
          <button
            type="submit"
            className="button button-primary"
            data-testid="credential-save"
            disabled={secret === '' || busy}
          >
            {busy ? 'Saving…' : source === null ? 'Save' : 'Replace'}
          </button>
        </div>
        {scope === 'family' && <p className="hint">A rig's own {label}, where one is set, takes precedence.</p>}
      </form>
      {feedback !== null && (
        <p className={feedback.tone === 'ok' ? 'field-ok' : 'field-error'} role="status">
          {feedback.code !== undefined && <span className="error-code">{feedback.code}</span>} {feedback.text}
        </p>
      )}
      {confirmingForget && source !== null && (
        <ConfirmDialog
          title={`Forget the ${label}?`}
          confirmLabel="Forget it"
          tone="danger"
          busy={busy}
          onConfirm={() => void forget()}
          onCancel={() => setConfirmingForget(false)}
        >
          <p>
            {source === 'rig'
              ? `Rigwise deletes the ${label} it keeps for ${rig.name}.`
              : `Rigwise deletes the ${label} it keeps for all ${family} rigs.`}{' '}
            Changes to rigs that need it are refused until one is set again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
