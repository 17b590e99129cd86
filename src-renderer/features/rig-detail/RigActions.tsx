import { useState } from 'react';
import type { Rig } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';
import { RefreshIcon, TrashIcon } from '../../ui/icons.js';

type Busy = 'poll' | 'remove' | null;

/** Poll now and remove (with an inline confirmation rather than a blocking browser dialog). */
export function RigActions({ rig }: { rig: Rig }) {
  const pollRigNow = useAppStore((state) => state.pollRigNow);
  const removeRig = useAppStore((state) => state.removeRig);
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const poll = async (): Promise<void> => {
    setBusy('poll');
    setMessage(null);
    const failure = await pollRigNow(rig.id);
    setBusy(null);
    setMessage(failure === null ? { tone: 'ok', text: 'Polled just now.' } : { tone: 'error', text: failure.message });
  };

  const remove = async (): Promise<void> => {
    setBusy('remove');
    const failure = await removeRig(rig.id);
    // On success the store drops the rig and this panel closes; only a failure is left to show.
    if (failure !== null) {
      setBusy(null);
      setConfirmingRemove(false);
      setMessage({ tone: 'error', text: failure.message });
    }
  };

  return (
    <div className="rig-actions">
      {confirmingRemove ? (
        <div className="confirm-box" role="alertdialog" aria-labelledby="remove-question">
          <p id="remove-question">
            Remove <strong>{rig.name}</strong> from the fleet? Rigwise stops polling it. A later scan adds it back if it
            still answers.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              data-testid="rig-remove-confirm"
              disabled={busy !== null}
              onClick={() => void remove()}
            >
              {busy === 'remove' ? 'Removing…' : 'Remove rig'}
            </button>
            <button type="button" className="button" autoFocus onClick={() => setConfirmingRemove(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="rig-poll-now"
            disabled={busy !== null}
            onClick={() => void poll()}
          >
            <RefreshIcon size={14} /> {busy === 'poll' ? 'Polling…' : 'Poll now'}
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            data-testid="rig-remove"
            onClick={() => setConfirmingRemove(true)}
          >
            <TrashIcon size={14} /> Remove
          </button>
        </div>
      )}
      {message !== null && (
        <p className={message.tone === 'error' ? 'field-error' : 'field-ok'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
