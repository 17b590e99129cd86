// The optimizer from the UI against a real headless server and simulated Bitaxes (their knobs: clock and core
// voltage; no credential needed), with short tuning steps (--fast-tuning): switch it on, watch
// devices explore with the reason of each step, set a site cap and a time-of-use tariff, and read a device's
// fingerprint chart in its panel. Addresses 127.0.26.x.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMixedFarm, type MixedFarm } from '../src-main/sim/mixed-farm.js';
import { openApp, waitUntil } from './browser.js';
import { startServer, type RunningServer } from './headless-server.js';

let farm: MixedFarm;
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  farm = await startMixedFarm({ firstHost: '127.0.26.10', counts: { bitaxe: 3 }, seed: 5 });
  server = await startServer({ pollIntervalMs: 1000, pollTimeoutMs: 1000 }, ['--fast-tuning']);
  ({ browser, page, pageErrors } = await openApp(server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await farm?.stop();
});

describe('the optimizer in the UI', () => {
  it('finds rigs it can tune', async () => {
    await page.getByTestId('scan-range').fill('127.0.26.0/27');
    await page.getByTestId('scan-start').click();
    await page.locator('[data-testid="scan-progress"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="rig-row"][data-status="up"]')
      .nth(farm.rigs.length - 1)
      .waitFor();
  });

  it('is off until switched on, then explores each device step by step with the reason shown', async () => {
    await page.getByTestId('nav-optimizer').click();
    await page.getByTestId('optimizer-view').waitFor();
    const enabled = page.getByTestId('optimizer-enabled');
    expect(await enabled.isChecked()).toBe(false);
    await page
      .locator('[data-testid="optimizer-device-row"]')
      .nth(farm.rigs.length - 1)
      .waitFor();
    await enabled.check();
    await page.locator('[data-testid="optimizer-device-row"][data-state="baseline"]').first().waitFor();
    // Baseline (8 s settle + 12 s of readings), then the first step goes through the command queue.
    await page
      .locator('[data-testid="optimizer-decision"][data-cause="explore"][data-outcome="applied"]')
      .first()
      .waitFor({ timeout: 60_000 });
    const reason = await page.locator('[data-testid="optimizer-decision"][data-cause="explore"]').first().innerText();
    expect(reason).toMatch(/Exploring .*(MHz|W target)/);
    expect(reason).toMatch(/was stable at [\d.]+ J\/TH/);
    await page.locator('[data-testid="optimizer-device-row"][data-state="exploring"]').first().waitFor();
  });

  it('takes a site cap and a time-of-use tariff from the settings form', async () => {
    await page.getByTestId('optimizer-site-cap').fill('2.5');
    await page.getByTestId('tou-switch').check();
    await page.getByTestId('tariff-editor').waitFor();
    await page.getByTestId('optimizer-save').click();
    await waitUntil('the cap to show on the site panel', async () =>
      /2\.5 kW|2,500 W/.test(await page.getByTestId('optimizer-site').innerText()),
    );
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.getByTestId('optimizer-site').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/optimizer.png' });
  });

  it("draws a device's fingerprint in its panel, points added as they are measured", async () => {
    const bitaxe = farm.rigs.find((rig) => rig.family === 'axeos');
    if (!bitaxe) throw new Error('no Bitaxe');
    const rigId = `${bitaxe.host}:${bitaxe.port}`;
    await page.locator(`[data-testid="optimizer-device-row"][data-rig-id="${rigId}"] .device-name-button`).click();
    await page.getByTestId('tuning-section').waitFor();
    const chart = page.getByTestId('fingerprint-chart');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.getAttribute('data-knob')).toBe('frequency-voltage');
    const first = Number(await chart.getAttribute('data-points'));
    expect(first).toBeGreaterThanOrEqual(1);
    await waitUntil(
      'another point on the chart',
      async () => Number(await chart.getAttribute('data-points')) > first,
      60_000,
    );
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/tuning.png' });
    expect(pageErrors).toEqual([]);
  });
});
