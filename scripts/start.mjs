// `npm start`: the desktop app where Electron's binary is installed, the headless server (same engine, same UI in a
// browser) where it is not, saying which and why. Arguments after `--` go to whichever starts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * Finds Electron's binary the way the electron package does (path.txt, dist/), without requiring the package:
 * requiring it tries to download a missing binary, which must not happen on an offline or locked-down machine.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { why: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { why: 'its binary was never downloaded (no network at install time?)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? { binary } : { why: `its binary is missing (${binary})` };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = process.env.RIGWISE_HEADLESS ? { why: 'RIGWISE_HEADLESS is set' } : electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (electron.binary && !noDisplay) {
  console.log('Starting Rigwise (desktop).');
  // The project folder, not main.js: Electron then reads package.json for the app's name, version and user data folder.
  run(electron.binary, [root, ...args]);
} else {
  const why = electron.binary ? 'there is no display (DISPLAY is not set)' : electron.why;
  console.log(`Electron is not available here: ${why}. Starting Rigwise headless; open the URL below in a browser.`);
  run(process.execPath, [path.join(root, 'dist-main/src-main/server.js'), ...args]);
}
