import { useAppStore } from '../store/store-context.js';

/** Says when what is on screen may be out of date: the link is down, or the last sync with the engine failed. */
export function SyncBanner() {
  const connectionState = useAppStore((state) => state.connectionState);
  const syncError = useAppStore((state) => state.syncError);
  if (connectionState === 'closed') {
    return (
      <div className="banner banner-warn" role="status">
        Lost the connection to the Rigwise engine. Reconnecting… The figures below are from before the connection
        dropped.
      </div>
    );
  }
  if (syncError !== null) {
    return (
      <div className="banner banner-bad" role="alert">
        <span className="error-code">{syncError.code}</span> Could not load everything from the engine:{' '}
        {syncError.message}
      </div>
    );
  }
  return null;
}
