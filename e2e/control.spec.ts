// Control from the UI against real simulated rigs: set a rig's admin password, change its power target, watch the
// command go through the queue to "applied", and find it in the Activity log.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMixedFarm, type MixedFarm } from '../src-main/sim/mixed-farm.js';
import { openApp } from './browser.js';
import { startServer, type RunningServer } from './headless-server.js';

let farm: MixedFarm;
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  farm = await startMixedFarm({ firstHost: '127.0.4.10', counts: { whatsminer: 1, antminer: 1, bitaxe: 1 }, seed: 3 });
  server = await startServer({ pollIntervalMs: 1000, pollTimeoutMs: 1000 });
  ({ browser, page, pageErrors } = await openApp(server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await farm?.stop();
});

describe('controlling a rig from the UI', () => {
  const whatsminer = () => farm.rigs.find((rig) => rig.family === 'whatsminer');

  it('finds the mixed rigs', async () => {
    await page.getByTestId('scan-range').fill('127.0.4.0/28');
    await page.getByTestId('scan-start').click();
    await page.locator('[data-testid="scan-progress"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="rig-row"][data-status="up"]')
      .nth(farm.rigs.length - 1)
      .waitFor();
    expect(await page.getByTestId('rig-row').count()).toBe(farm.rigs.length);
  });

  it('asks for the admin password before offering changes, and never shows it back', async () => {
    const rig = whatsminer();
    if (!rig) throw new Error('no whatsminer');
    await page.locator(`[data-testid="rig-row"][data-rig-id="${rig.host}:${rig.port}"]`).click();
    await page.locator('[data-testid="rig-control"][data-state="ready"]').waitFor();
    await page.locator('[data-testid="credential-status"][data-state="missing"]').waitFor();
    await page.getByTestId('credential-input').fill('admin');
    await page.getByTestId('credential-save').click();
    await page.locator('[data-testid="credential-status"][data-state="set"]').waitFor();
    expect(await page.getByTestId('credential-input').inputValue()).toBe('');
  });

  it('changes the power target and shows the command reach "applied"', async () => {
    await page.getByTestId('power-target-input').fill('3000');
    await page.getByTestId('power-target-apply').click();
    const confirm = page.getByTestId('confirm-ok');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page.locator('[data-testid="command-state"][data-state="applied"]').waitFor({ timeout: 60_000 });
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/control.png' });
  });

  it('lists the change in the Activity log', async () => {
    await page.getByTestId('rig-detail-close').click();
    await page.getByTestId('nav-activity').click();
    await page.locator('[data-testid="audit-row"][data-result="applied"]').first().waitFor();
    expect(await page.locator('[data-testid="audit-row"][data-result="applied"]').first().textContent()).toMatch(
      /3,000 W/,
    );
    await page.screenshot({ path: 'docs/screenshots/activity.png' });
  });

  it('raised no page error and no Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
