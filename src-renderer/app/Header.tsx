import { useAppStore } from '../store/store-context.js';
import { GearIcon, RigwiseMark } from '../ui/icons.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';

export function Header() {
  const appInfo = useAppStore((state) => state.appInfo);
  const settingsOpen = useAppStore((state) => state.settingsOpen);
  const setSettingsOpen = useAppStore((state) => state.setSettingsOpen);
  return (
    <header className="app-header">
      <div className="brand">
        <RigwiseMark />
        <span className="brand-name">Rigwise</span>
        {appInfo !== null && <span className="brand-version">v{appInfo.version}</span>}
        {appInfo?.demo === true && (
          <span className="demo-badge" data-testid="demo-badge" title="Connected to simulated rigs, not real hardware">
            demo farm
          </span>
        )}
      </div>
      <div className="header-actions">
        <ConnectionIndicator />
        <button
          type="button"
          className={`button button-ghost ${settingsOpen ? 'is-active' : ''}`}
          data-testid="open-settings"
          aria-expanded={settingsOpen}
          onClick={() => setSettingsOpen(!settingsOpen)}
        >
          <GearIcon /> Settings
        </button>
      </div>
    </header>
  );
}
