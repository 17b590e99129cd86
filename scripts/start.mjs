// `npm start`: the desktop app where Electron's binary is installed, the headless server (same engine, same UI in a
// browser) where it is not, saying which and why. Arguments after `--` go to whichever starts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws when the binary was never downloaded.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? { binary } : { why: 'its binary is not installed' };
  } catch (error) {
    return { why: `its binary is not installed (${String(error.message).split('\n')[0]})` };
  }
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
  run(electron.binary, [path.join(root, 'dist-main/src-main/electron/main.js'), ...args]);
} else {
  const why = electron.binary ? 'there is no display (DISPLAY is not set)' : electron.why;
  console.log(`Electron is not available here: ${why}. Starting Rigwise headless; open the URL below in a browser.`);
  run(process.execPath, [path.join(root, 'dist-main/src-main/server.js'), ...args]);
}
