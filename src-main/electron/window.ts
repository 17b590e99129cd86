import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import { hardenContents } from './security.js';

export function rendererIndexUrl(rendererDir: string): string {
  return pathToFileURL(path.join(rendererDir, 'index.html')).href;
}

export function createMainWindow(rendererDir: string, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Rigwise',
    backgroundColor: '#0f1318',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const indexUrl = rendererIndexUrl(rendererDir);
  hardenContents(window.webContents, indexUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(indexUrl);
  return window;
}
