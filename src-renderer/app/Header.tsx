import type { ReactNode } from 'react';
import { countRunning } from '../store/control-commands.js';
import { useAppStore } from '../store/store-context.js';
import type { Page } from '../store/ui-slice.js';
import { formatCount } from '../ui/format-plain.js';
import { GearIcon, RigwiseMark } from '../ui/icons.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';

function NavTab({ page, label, children }: { page: Page; label: string; children?: ReactNode }) {
  const current = useAppStore((state) => state.page === page);
  const showPage = useAppStore((state) => state.showPage);
  return (
    <button
      type="button"
      className="nav-tab"
      data-testid={`nav-${page}`}
      aria-current={current ? 'page' : undefined}
      onClick={() => showPage(page)}
    >
      {label}
      {children}
    </button>
  );
}

/**
 * Fleet, Activity and Optimizer. Activity shows how many changes are on their way to rigs right now; Optimizer how
 * many devices failed a tuning step and wait for the operator.
 */
function Nav() {
  const running = useAppStore((state) => countRunning(state.commandsById));
  const failed = useAppStore((state) => state.optimizerSite?.devicesFailed ?? 0);
  return (
    <nav className="header-nav" aria-label="Views">
      <NavTab page="fleet" label="Fleet" />
      <NavTab page="activity" label="Activity">
        {running > 0 && (
          <span className="nav-badge" title={`${formatCount(running)} changes in progress`}>
            <span className="spinner" aria-hidden="true" />
            {formatCount(running)}
          </span>
        )}
      </NavTab>
      <NavTab page="optimizer" label="Optimizer">
        {failed > 0 && (
          <span className="nav-badge nav-badge-bad" title={`${formatCount(failed)} devices failed a tuning step`}>
            {formatCount(failed)}
          </span>
        )}
      </NavTab>
    </nav>
  );
}

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
        <Nav />
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
