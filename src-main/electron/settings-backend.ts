// Desktop settings backend: electron-store in the app's user data folder (it writes atomically). A store that cannot
// be read or fails our schema is moved aside and replaced by defaults, as the headless backend does.
import fs from 'node:fs';
import ElectronStore from 'electron-store';
import { SettingsSchema, defaultSettings, type Settings } from '../../src-shared/model/settings.js';
import type { SettingsBackend } from '../core/settings/settings-service.js';

function quarantine(filePath: string, why: string): string {
  const keptAs = `${filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (fs.existsSync(filePath)) fs.renameSync(filePath, keptAs);
  return `Settings ${why}; defaults are in use and the bad file was kept as ${keptAs}.`;
}

export function electronSettingsBackend(): SettingsBackend {
  let store: ElectronStore<{ settings: unknown }>;
  let problem: string | null = null;
  try {
    store = new ElectronStore<{ settings: unknown }>({ name: 'settings', clearInvalidConfig: false });
  } catch (error) {
    const probe = new ElectronStore<{ settings: unknown }>({ name: 'settings-probe' });
    const filePath = probe.path.replace(/settings-probe\.json$/, 'settings.json');
    problem = quarantine(filePath, `could not be read (${(error as Error).message})`);
    store = new ElectronStore<{ settings: unknown }>({ name: 'settings', clearInvalidConfig: false });
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
