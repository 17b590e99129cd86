import os from 'node:os';
import path from 'node:path';

/** Where the headless app keeps settings and the fleet: the XDG config folder, as desktop apps on Linux do. */
export function defaultDataDir(): string {
  if (process.platform === 'win32' && process.env['APPDATA']) return path.join(process.env['APPDATA'], 'Rigwise');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Rigwise');
  const config = process.env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config');
  return path.join(config, 'rigwise');
}
