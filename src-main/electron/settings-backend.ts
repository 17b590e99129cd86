// Desktop settings backend: electron-store in the app's user data folder (it writes atomically). A store that cannot
// be read or fails our schema is moved aside and replaced by defaults, as the headless backend does.
import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import ElectronStore from 'electron-store';
import { SettingsSchema, defaultSettings, type Settings } from '../../src-shared/model/settings.js';
import type { SettingsBackend } from '../core/settings/settings-service.js';

type Stored = { settings: unknown };

function quarantine(filePath: string, why: string): string {
  const keptAs = `${filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (fs.existsSync(filePath)) fs.renameSync(filePath, keptAs);
  return `Settings ${why}; defaults are in use and the bad file was kept as ${keptAs}.`;
}

function openStore(): ElectronStore<Stored> {
  return new ElectronStore<Stored>({ name: 'settings', clearInvalidConfig: false, configFileMode: 0o600 });
}

export function electronSettingsBackend(): SettingsBackend {
  let store: ElectronStore<Stored>;
  let problem: string | null = null;
  try {
    store = openStore();
  } catch (error) {
    // electron-store throws on a file that is not JSON; it lives in the user data folder as settings.json.
    problem = quarantine(
      path.join(app.getPath('userData'), 'settings.json'),
      `could not be read (${(error as Error).message})`,
    );
    store = openStore();
  }
  return {
    load: () => {
      const parsed = SettingsSchema.safeParse(store.get('settings') ?? {});
      if (parsed.success) return { value: parsed.data, problem };
      return { value: defaultSettings(), problem: quarantine(store.path, 'did not match the expected shape') };
    },
    save: (settings: Settings) => store.set('settings', settings),
  };
}
