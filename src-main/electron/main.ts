// Desktop shell: wires the engine to a window over IPC. Holds no logic of its own; everything it does, the headless
// server does too, through the same engine and the same contract.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, type Tray } from 'electron';
import { attachIpc } from '../core/api/ipc.js';
import { createEngine } from '../core/engine.js';
import { startDemo, type RunningDemo } from '../demo.js';
import { hardenSession, isAppUrl } from './security.js';
import { safeStorageCipher } from './safe-storage-cipher.js';
import { electronSettingsBackend } from './settings-backend.js';
import { createTray } from './tray.js';
import { createMainWindow, rendererIndexUrl } from './window.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist-main/src-main/electron -> project root
const projectRoot = path.resolve(here, '..', '..', '..');
const rendererDir = path.join(projectRoot, 'dist-renderer');
const preloadPath = path.join(here, 'preload.cjs');
const demoRequested = process.argv.includes('--demo');

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;

async function boot(): Promise<void> {
  await app.whenReady();
  hardenSession();
  const demo: RunningDemo | null = demoRequested ? await startDemo() : null;
  const secretCipher = safeStorageCipher();
  const engine = createEngine({
    dataDir: app.getPath('userData'),
    settingsBackend: electronSettingsBackend(),
    ...(secretCipher ? { secretCipher } : {}),
    info: { version: app.getVersion(), shell: 'electron', demo: demo !== null, demoRange: demo?.range ?? null },
  });
  const indexUrl = rendererIndexUrl(rendererDir);
  const detachIpc = attachIpc({
    ipcMain,
    dispatch: engine.dispatch,
    events: engine.events,
    broadcast: (channel, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, payload);
    },
    isTrustedSender: (url) => isAppUrl(url, indexUrl),
  });
  engine.start();
  for (const problem of engine.startupProblems) console.warn(`[rigwise] ${problem}`);
  if (demo) demo.scanInto(engine);

  mainWindow = createMainWindow(rendererDir, preloadPath);
  mainWindow.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      mainWindow?.hide();
    }
  });
  tray = createTray(
    path.join(projectRoot, 'assets', 'icon.png'),
    () => mainWindow,
    () => app.quit(),
  );

  app.on('second-instance', () => {
    mainWindow?.show();
    mainWindow?.focus();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    event.preventDefault();
    detachIpc();
    tray?.destroy();
    void engine
      .stop()
      .then(() => demo?.stop())
      .finally(() => app.exit(0));
  });
}

// A second copy would poll the same rigs and write the same data folder: it hands over to the first and exits.
if (app.requestSingleInstanceLock()) {
  boot().catch((error: unknown) => {
    console.error('[rigwise] failed to start:', error);
    app.exit(1);
  });
} else {
  app.exit(0);
}
