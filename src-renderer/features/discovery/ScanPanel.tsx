import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppStore } from '../../store/store-context.js';
import { RadarIcon } from '../../ui/icons.js';
import { ScanProgressView } from './ScanProgressView.js';
import { SCAN_RANGE_EXAMPLE, SCAN_RANGE_INPUT_ID, suggestedScanRange } from './scan-range.js';
import './discovery.css';

/** Scan an address range for rigs: range box, Scan/Cancel, live progress, and what went wrong if anything did. */
export function ScanPanel() {
  const settings = useAppStore((state) => state.settings);
  const appInfo = useAppStore((state) => state.appInfo);
  const scan = useAppStore((state) => state.scan);
  const scanStarting = useAppStore((state) => state.scanStarting);
  const requestError = useAppStore((state) => state.scanRequestError);
  const connected = useAppStore((state) => state.connectionState === 'open');
  const startScan = useAppStore((state) => state.startScan);
  const cancelScan = useAppStore((state) => state.cancelScan);
  // null until the operator types: until then the box follows the suggestion, which may arrive after first render.
  const [typedRange, setTypedRange] = useState<string | null>(null);

  const range = typedRange ?? suggestedScanRange(settings, appInfo);
  const running = scan?.state === 'running';
  const canStart = connected && !running && !scanStarting && range.trim() !== '';
  const scanFailure = scan?.state === 'failed' ? (scan.error ?? 'The scan failed.') : null;
  const errorMessage = requestError?.message ?? scanFailure;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (canStart) void startScan(range.trim());
  };

  return (
    <section className="card scan-panel" aria-labelledby="scan-title">
      <div className="scan-main">
        <h2 className="section-title" id="scan-title">
          <RadarIcon /> Discover rigs
        </h2>
        <form className="scan-form" onSubmit={submit}>
          <label htmlFor={SCAN_RANGE_INPUT_ID} className="field-label">
            Address range
          </label>
          <input
            id={SCAN_RANGE_INPUT_ID}
            data-testid="scan-range"
            className="text-input mono scan-range-input"
            value={range}
            onChange={(event) => setTypedRange(event.target.value)}
            placeholder={SCAN_RANGE_EXAMPLE}
            aria-describedby="scan-range-hint"
            aria-invalid={requestError !== null}
            spellCheck={false}
            autoComplete="off"
            maxLength={64}
          />
          <button type="submit" className="button button-primary" data-testid="scan-start" disabled={!canStart}>
            {running ? 'Scanning…' : scanStarting ? 'Starting…' : 'Scan'}
          </button>
          {running && (
            <button type="button" className="button" data-testid="scan-cancel" onClick={() => void cancelScan()}>
              Cancel
            </button>
          )}
        </form>
        <p className="hint" id="scan-range-hint">
          A CIDR block or a first-last span, e.g. {SCAN_RANGE_EXAMPLE}. Rigwise asks each address on the API port of
          every miner family it knows.
        </p>
        {errorMessage !== null && (
          <div className="error-box" role="alert">
            {requestError !== null && <span className="error-code">{requestError.code}</span>}
            <span data-testid="scan-error" data-code={requestError?.code}>
              {errorMessage}
            </span>
          </div>
        )}
      </div>
      <div className="scan-side">
        {scan === null ? (
          <p className="muted scan-idle">No scan has run yet in this session.</p>
        ) : (
          <ScanProgressView scan={scan} />
        )}
      </div>
    </section>
  );
}
