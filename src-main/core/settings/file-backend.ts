// Headless settings backend: settings.json in the user data folder, written atomically.
import path from 'node:path';
import { SettingsSchema, defaultSettings, type Settings } from '../../../src-shared/model/settings.js';
import { JsonFile } from '../storage/json-file.js';
import type { SettingsBackend } from './settings-service.js';

export function fileSettingsBackend(dataDir: string): SettingsBackend {
  const file = new JsonFile(path.join(dataDir, 'settings.json'), SettingsSchema, defaultSettings);
  return {
    load: () => file.load(),
    save: (settings: Settings) => file.save(settings),
  };
}
