import { useCallback } from 'react';
import { useAppStore } from '../../store/store-context.js';
import { ShieldIcon } from '../../ui/icons.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { HistorySettings } from './HistorySettings.js';
import { SafetyLimitsForm } from './SafetyLimitsForm.js';
import { SettingsForm } from './SettingsForm.js';
import './settings.css';

export function SettingsPanel() {
  const open = useAppStore((state) => state.settingsOpen);
  const settings = useAppStore((state) => state.settings);
  const setSettingsOpen = useAppStore((state) => state.setSettingsOpen);
  const close = useCallback(() => setSettingsOpen(false), [setSettingsOpen]);
  if (!open) return null;
  return (
    <SidePanel
      testId="settings-panel"
      closeTestId="settings-close"
      title="Settings"
      subtitle="Polling, discovery, history and safety limits"
      onClose={close}
    >
      <section className="settings-section" aria-labelledby="settings-polling">
        <h3 className="settings-section-title" id="settings-polling">
          Polling and discovery
        </h3>
        {settings === null ? (
          <p className="muted">Waiting for the engine's settings…</p>
        ) : (
          <SettingsForm settings={settings} />
        )}
      </section>
      <HistorySettings />
      <section className="settings-section" aria-labelledby="settings-limits" data-testid="safety-limits">
        <h3 className="settings-section-title" id="settings-limits">
          <ShieldIcon size={14} /> Safety limits
        </h3>
        <SafetyLimitsForm />
      </section>
    </SidePanel>
  );
}
