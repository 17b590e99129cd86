// The end of every settings form: the engine's refusal (if any), Save and Revert, and a word once saved.

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; code: string; message: string };

export function FormFooter({
  saveState,
  saveLabel,
  saveTestId,
  errorTestId,
  savedMessage,
  canRevert,
  onRevert,
}: {
  saveState: SaveState;
  saveLabel: string;
  saveTestId: string;
  errorTestId: string;
  savedMessage: string;
  canRevert: boolean;
  onRevert: () => void;
}) {
  return (
    <>
      {saveState.kind === 'failed' && (
        <div className="error-box" role="alert" data-testid={errorTestId}>
          <span className="error-code">{saveState.code}</span>
          <span>{saveState.message}</span>
        </div>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid={saveTestId}
          disabled={saveState.kind === 'saving'}
        >
          {saveState.kind === 'saving' ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className="button" disabled={!canRevert} onClick={onRevert}>
          Revert
        </button>
        {saveState.kind === 'saved' && (
          <span className="field-ok" role="status">
            {savedMessage}
          </span>
        )}
      </div>
    </>
  );
}
