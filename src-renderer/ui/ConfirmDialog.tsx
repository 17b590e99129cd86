import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  /** 'danger' for changes that stop mining (restart, bulk pause): the safe button, Cancel, gets the focus. */
  tone?: 'primary' | 'danger';
  busy?: boolean;
  /** Why the last attempt failed (the engine's message), shown above the buttons. */
  error?: { code: string; message: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on a native <dialog> (focus trapped, inert page behind it, top layer above the side panel).
 * Escape cancels the dialog only: the key is marked handled so the side panel under it stays open.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  tone = 'primary',
  busy = false,
  error = null,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const safeChoiceFirst = tone === 'danger';
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    // showModal focuses the first button; the choice that should have the focus is picked explicitly.
    (safeChoiceFirst ? cancelRef : confirmRef).current?.focus();
    return () => dialog?.close();
  }, [safeChoiceFirst]);

  return (
    <dialog
      ref={dialogRef}
      className={`confirm-dialog confirm-${tone}`}
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="confirm-title">
        {title}
      </h2>
      <div className="confirm-body">{children}</div>
      {error !== null && (
        <div className="error-box" role="alert">
          <span className="error-code">{error.code}</span>
          <span>{error.message}</span>
        </div>
      )}
      <div className="confirm-actions">
        <button
          ref={cancelRef}
          type="button"
          className="button"
          data-testid="confirm-cancel"
          onClick={onCancel}
          disabled={busy}
        >
          Cancel
        </button>
        <button
          type="button"
          className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
          ref={confirmRef}
          data-testid="confirm-ok"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? 'Sending…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
