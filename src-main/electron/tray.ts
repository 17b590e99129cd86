import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';

/** Mining runs around the clock: closing the window hides it to the tray, Quit from the tray stops the app. */
export function createTray(iconPath: string, getWindow: () => BrowserWindow | null, quit: () => void): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Rigwise');
  const show = (): void => {
    const window = getWindow();
    window?.show();
    window?.focus();
  };
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Rigwise', click: show },
      { type: 'separator' },
      { label: 'Quit', click: quit },
    ]),
  );
  tray.on('click', show);
  return tray;
}
