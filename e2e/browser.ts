// Debian's chromium driven by Playwright. Never `playwright install`: there is no network here, and the system
// browser is the one users have. The flags keep Chromium from reaching for Google's services at start.
import { chromium, type Browser } from 'playwright';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', // CI runs as root, where Chromium's sandbox cannot start.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
