// The operator's first minutes, in a real browser against the real headless server and simulated rigs: open the app,
// scan, watch the fleet fill and change live, open a rig.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFarm, type Farm } from '../src-main/sim/farm.js';
import { openApp, waitUntil } from './browser.js';
import { startServer, type RunningServer } from './headless-server.js';

const RIG_COUNT = 12;
let farm: Farm;
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

const row = (host: string) => page.locator(`[data-testid="rig-row"][data-rig-id="${host}:4028"]`);

beforeAll(async () => {
  farm = await startFarm({ count: RIG_COUNT, firstHost: '127.0.3.10', seed: 5 });
  server = await startServer({ pollIntervalMs: 1000, pollTimeoutMs: 600, missedPollsBeforeDown: 2 });
  ({ browser, page, pageErrors } = await openApp(server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await farm?.stop();
});

describe('the live fleet in a browser', () => {
  it('connects to the engine with the token from the URL and hides the token', async () => {
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor();
    expect(page.url()).not.toContain('token=');
  });

  it('runs a scan from the UI, showing progress, and lists every rig', async () => {
    await page.getByTestId('scan-range').fill('127.0.3.0/24');
    await page.getByTestId('scan-start').click();
    const progress = page.getByTestId('scan-progress');
    await progress.waitFor();
    await page.locator('[data-testid="scan-progress"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('254');
    expect(await page.getByTestId('scan-found').textContent()).toContain(String(RIG_COUNT));
    await waitUntil('all rows', async () => (await page.getByTestId('rig-row').count()) === RIG_COUNT);
    const models = await page.getByTestId('rig-model').allTextContents();
    expect(new Set(models)).toEqual(new Set(farm.rigs.map((rig) => rig.model.name)));
  });

  it('shows each rig up with a hashrate once polled', async () => {
    await waitUntil(
      'all rigs up',
      async () => (await page.locator('[data-testid="rig-row"][data-status="up"]').count()) === RIG_COUNT,
    );
    const hashrate = await row(farm.rigs[0]?.host ?? '')
      .getByTestId('rig-hashrate')
      .textContent();
    expect(hashrate).toMatch(/[\d.]+ TH\/s/);
  });

  it('shows a hashrate change live when a hashboard dies', async () => {
    const victim = farm.rigs[1];
    if (!victim) throw new Error('no rig');
    const cell = row(victim.host).getByTestId('rig-hashrate');
    const before = Number.parseFloat((await cell.textContent()) ?? '0');
    await victim.injectFault({ kind: 'deadBoard', board: 0 });
    await waitUntil('hashrate drop', async () => Number.parseFloat((await cell.textContent()) ?? '0') < before * 0.8);
  });

  it('marks an unreachable rig down and brings it back', async () => {
    const victim = farm.rigs[2];
    if (!victim) throw new Error('no rig');
    await victim.injectFault({ kind: 'unreachable' });
    await row(victim.host).and(page.locator('[data-status="down"]')).waitFor();
    await victim.clearFault('unreachable');
    await row(victim.host).and(page.locator('[data-status="up"]')).waitFor();
  });

  it('opens a rig detail panel with its hashboards and saves the screenshot README shows', async () => {
    const rig = farm.rigs[3];
    if (!rig) throw new Error('no rig');
    await row(rig.host).click();
    const detail = page.getByTestId('rig-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain(rig.model.name);
    expect(await page.getByTestId('rig-detail-board').count()).toBe(rig.model.boards);
    await page.waitForTimeout(300);
    fs.mkdirSync('docs/screenshots', { recursive: true });
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/fleet-with-detail.png' });
    await page.screenshot({ path: 'docs/screenshots/fleet.png' });
    await page.getByTestId('rig-detail-close').click();
    await detail.waitFor({ state: 'hidden' });
  });

  it('filters the table by text', async () => {
    await page.getByTestId('filter-text').fill('S9');
    const expected = farm.rigs.filter((rig) => rig.model.name.includes('S9')).length;
    await waitUntil('filtered rows', async () => (await page.getByTestId('rig-row').count()) === expected);
    await page.getByTestId('filter-text').fill('');
  });

  it('raised no page error and no Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
