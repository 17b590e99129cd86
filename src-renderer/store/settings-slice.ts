import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { Settings, SettingsPatch } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';

export interface SettingsSlice {
  /** null until the engine has sent them: the UI must not show defaults the engine is not actually using. */
  settings: Settings | null;
  receiveSettings: (settings: Settings) => void;
  /** Resolves to null when saved, or the engine's error value (e.g. a value out of bounds) to show by the form. */
  updateSettings: (patch: SettingsPatch) => Promise<ApiErrorValue | null>;
}

export function createSettingsSlice(client: EngineClient): SliceCreator<SettingsSlice> {
  return (set) => ({
    settings: null,
    receiveSettings: (settings) => set({ settings }),
    updateSettings: async (patch) => {
      // Only what changed: a stale copy of the other fields must not overwrite what changed meanwhile (a scan's range).
      const outcome = await client.call('settings.update', patch);
      if (outcome.error) return outcome.error;
      set({ settings: outcome.data });
      return null;
    },
  });
}
