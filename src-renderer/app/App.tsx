import { ActivityView } from '../features/activity/ActivityView.js';
import { FleetSection } from '../features/fleet/FleetSection.js';
import { OptimizerView } from '../features/optimizer/OptimizerView.js';
import { FleetHistoryPanel } from '../features/history/FleetHistoryPanel.js';
import { SummaryTiles } from '../features/fleet/SummaryTiles.js';
import { useFleetRigs } from '../features/fleet/use-fleet-rigs.js';
import { ScanPanel } from '../features/discovery/ScanPanel.js';
import { RigDetailPanel } from '../features/rig-detail/RigDetailPanel.js';
import { SettingsPanel } from '../features/settings/SettingsPanel.js';
import { useAppStore } from '../store/store-context.js';
import { UnauthorizedScreen } from './AccessScreens.js';
import { Header } from './Header.js';
import { StorageBanner } from './StorageBanner.js';
import { SyncBanner } from './SyncBanner.js';
import './app.css';

function Dashboard() {
  const rigs = useFleetRigs();
  const panelOpen = useAppStore((state) => state.selectedRigId !== null || state.settingsOpen);
  const stale = useAppStore((state) => state.connectionState === 'closed');
  const page = useAppStore((state) => state.page);
  return (
    <div className={`app ${panelOpen ? 'has-panel' : ''} ${stale ? 'is-stale' : ''}`}>
      <Header />
      <main className="app-main">
        <SyncBanner />
        <StorageBanner />
        {page === 'activity' ? (
          <ActivityView />
        ) : page === 'optimizer' ? (
          <OptimizerView />
        ) : (
          <>
            <SummaryTiles rigs={rigs} />
            <FleetHistoryPanel />
            <ScanPanel />
            <FleetSection />
          </>
        )}
      </main>
      <RigDetailPanel />
      <SettingsPanel />
    </div>
  );
}

export function App() {
  const unauthorized = useAppStore((state) => state.connectionState === 'unauthorized');
  return unauthorized ? <UnauthorizedScreen /> : <Dashboard />;
}
