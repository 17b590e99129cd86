// Debian's chromium driven by Playwright. Never `playwright install`: there is no network here, and the system
// browser is the one users have. The flags keep Chromium from reaching for Google's services at start.
import { chromium, type Browser, type Page } from 'playwright';

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

export interface AppPage {
  browser: Browser;
  page: Page;
  /** Uncaught errors and console errors the page raised: every spec ends by expecting none. */
  pageErrors: string[];
}

/** Chromium at the app's URL (token included), at a desktop size, connected to the engine. */
export async function openApp(url: string): Promise<AppPage> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(url);
  await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor();
  return { browser, page, pageErrors };
}

/** Polls a condition in the page until it holds (a readiness check, not a sleep). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
