import type { ConnectionState } from '../api/connection.js';
import { useAppStore } from '../store/store-context.js';

const LABEL: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting…',
  open: 'Live',
  closed: 'Reconnecting…',
  unauthorized: 'Not authorized',
};

const HINT: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting to the Rigwise engine',
  open: 'Connected to the Rigwise engine: figures update as rigs report',
  closed: 'Lost the connection to the engine; retrying. Figures on screen may be stale.',
  unauthorized: 'The engine refused this access link',
};

export function ConnectionIndicator() {
  const state = useAppStore((s) => s.connectionState);
  return (
    <span
      className={`connection connection-${state}`}
      data-testid="connection-state"
      data-state={state}
      title={HINT[state]}
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      {LABEL[state]}
    </span>
  );
}
