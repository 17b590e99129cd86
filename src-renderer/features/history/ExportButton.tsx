import { useState } from 'react';
import type { ApiErrorValue } from '../../../src-shared/api/index.js';
import type { ExportRequest } from '../../store/history-slice.js';
import { useAppStore } from '../../store/store-context.js';
import { DownloadIcon } from '../../ui/icons.js';
import { describeExport, downloadName, saveCsv } from './csv-download.js';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; message: string; truncated: boolean }
  | { kind: 'failed'; error: ApiErrorValue };

interface ExportButtonProps {
  testId: string;
  /** What to export, decided at the click (the window then, not when the section rendered). */
  prepare: () => { request: ExportRequest; fallbackName: string };
  disabled?: boolean;
}

/** Exports the window on screen as CSV and says how it went, and whether the engine stopped at its row cap. */
export function ExportButton({ testId, prepare, disabled = false }: ExportButtonProps) {
  const exportHistory = useAppStore((state) => state.exportHistory);
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const run = async (): Promise<void> => {
    const { request, fallbackName } = prepare();
    setState({ kind: 'running' });
    const done: { saved?: { message: string; truncated: boolean } } = {};
    const failure = await exportHistory(request, (result) => {
      const name = downloadName(result.filename, fallbackName);
      saveCsv(result.csv, name);
      done.saved = { message: describeExport(result, name), truncated: result.truncated };
    });
    if (failure !== null) setState({ kind: 'failed', error: failure });
    else setState(done.saved === undefined ? { kind: 'idle' } : { kind: 'done', ...done.saved });
  };

  return (
    <>
      <button
        type="button"
        className="button small"
        data-testid={testId}
        disabled={disabled || state.kind === 'running'}
        onClick={() => void run()}
      >
        <DownloadIcon size={14} /> {state.kind === 'running' ? 'Exporting…' : 'Export CSV'}
      </button>
      {state.kind === 'done' && (
        <p
          className={`history-export-status ${state.truncated ? 'text-warn' : 'muted'}`}
          role="status"
          data-testid={`${testId}-status`}
          data-truncated={state.truncated}
        >
          {state.message}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="history-export-status field-error" role="alert" data-testid={`${testId}-status`}>
          <span className="error-code">{state.error.code}</span> Could not export: {state.error.message}
        </p>
      )}
    </>
  );
}
