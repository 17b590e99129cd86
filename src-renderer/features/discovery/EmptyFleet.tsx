import { useAppStore } from '../../store/store-context.js';
import { RadarIcon } from '../../ui/icons.js';
import { SCAN_RANGE_EXAMPLE, SCAN_RANGE_INPUT_ID } from './scan-range.js';

/** Shown instead of the fleet table while the engine knows no rigs: points the operator at the scan panel. */
export function EmptyFleet() {
  const scanRunning = useAppStore((state) => state.scan?.state === 'running');
  return (
    <div className="empty-state" data-testid="fleet-empty">
      <RadarIcon size={36} />
      {scanRunning ? (
        <>
          <h2>Scanning for rigs…</h2>
          <p>Rigs appear here as soon as they answer. Their figures fill in after the first poll.</p>
        </>
      ) : (
        <>
          <h2>No rigs in the fleet yet</h2>
          <p>
            Enter your farm&apos;s address range in <strong>Discover rigs</strong> above ({SCAN_RANGE_EXAMPLE}) and
            press Scan. Every rig that answers is added here and polled from then on.
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => document.getElementById(SCAN_RANGE_INPUT_ID)?.focus()}
          >
            Enter a range
          </button>
        </>
      )}
    </div>
  );
}
