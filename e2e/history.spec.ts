// History in a browser against the real headless server and a few simulated rigs polled every second: a rig's charts,
// drilling into a window at a finer resolution and back, and the fleet panel's "which rigs drove this point".
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFarm, type Farm } from '../src-main/sim/farm.js';
import { openApp, waitUntil } from './browser.js';
import { startServer, type RunningServer } from './headless-server.js';

const RIG_COUNT = 4;
/** Polls a rig's history needs before a one-minute window holds enough of them to draw (one a second). */
const ACCUMULATE_MS = 25_000;
const HOUR_MS = 3_600_000;

let farm: Farm;
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

/** The chart's own account of itself: data-state, data-points, data-resolution, data-from, data-to. */
async function chartState(chart: Locator) {
  const read = async (name: string) => (await chart.getAttribute(`data-${name}`)) ?? '';
  return {
    state: await read('state'),
    points: Number(await read('points')),
    resolution: await read('resolution'),
    spanMs: Number(await read('to')) - Number(await read('from')),
    from: Number(await read('from')),
  };
}

/** The plot area (recharts' grid), where a drag selects times; the y axis to its left does not. */
async function plotBox(chart: Locator) {
  const box = await chart.locator('.recharts-cartesian-grid').boundingBox();
  if (box === null) throw new Error('the chart has no plot area');
  return box;
}

async function drag(fromX: number, toX: number, y: number): Promise<void> {
  await page.mouse.move(fromX, y);
  await page.mouse.down();
  await page.mouse.move((fromX + toX) / 2, y, { steps: 4 });
  await page.mouse.move(toX, y, { steps: 4 });
  await page.mouse.up();
}

const row = (host: string) => page.locator(`[data-testid="rig-row"][data-rig-id="${host}:4028"]`);

beforeAll(async () => {
  farm = await startFarm({ count: RIG_COUNT, firstHost: '127.0.5.10', seed: 11 });
  server = await startServer({ pollIntervalMs: 1000, pollTimeoutMs: 600 });
  ({ browser, page, pageErrors } = await openApp(server.url));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await farm?.stop();
});

describe('history in a browser', () => {
  it('finds the rigs and keeps their polls', async () => {
    await page.getByTestId('scan-range').fill('127.0.5.0/28');
    await page.getByTestId('scan-start').click();
    await page.locator('[data-testid="scan-progress"][data-state="done"]').waitFor({ timeout: 30_000 });
    await waitUntil(
      'all rigs up',
      async () => (await page.locator('[data-testid="rig-row"][data-status="up"]').count()) === RIG_COUNT,
    );
    // Not a readiness wait: the history under test is made of polls, and polls take time to happen.
    await new Promise((resolve) => setTimeout(resolve, ACCUMULATE_MS));
  });

  it("shows a rig's history: hashrate with each board, temperatures, power and efficiency", async () => {
    const rig = farm.rigs[0];
    if (!rig) throw new Error('no rig');
    await row(rig.host).click();
    await page.getByTestId('history-section').waitFor();
    await page.locator('[data-testid="history-range-24h"][aria-pressed="true"]').waitFor();
    for (const chart of ['hashrate', 'temperature', 'power', 'efficiency']) {
      await page.locator(`[data-testid="history-chart-${chart}"][data-state="ready"]`).waitFor({ timeout: 20_000 });
    }
    const hashrate = page.getByTestId('history-chart-hashrate');
    expect((await chartState(hashrate)).points).toBeGreaterThanOrEqual(1);
    expect(await hashrate.locator('path.recharts-curve, .recharts-dot').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="history-board-toggle-"]').count()).toBe(rig.model.boards);
    expect(await page.getByTestId('history-resolution').textContent()).toMatch(/averages|each poll/);
  });

  it('drills into a window at a finer resolution, goes back, and resets', async () => {
    const hashrate = page.getByTestId('history-chart-hashrate');
    await page.getByTestId('history-range-1h').click();
    await waitUntil('the last hour', async () => {
      const shown = await chartState(hashrate);
      return shown.state === 'ready' && shown.spanMs === HOUR_MS;
    });
    const hour = await chartState(hashrate);

    // The last ~8% of the hour (about five minutes): few enough polls that the engine answers with each one.
    await hashrate.scrollIntoViewIfNeeded();
    let plot = await plotBox(hashrate);
    await drag(plot.x + plot.width * 0.92, plot.x + plot.width - 1, plot.y + plot.height / 2);
    await page.getByTestId('history-zoom-reset').waitFor();
    await waitUntil('the zoomed window at each poll', async () => {
      const shown = await chartState(hashrate);
      return shown.state === 'ready' && shown.resolution === 'raw' && shown.spanMs < hour.spanMs;
    });
    const zoomed = await chartState(hashrate);
    expect(zoomed.points).toBeGreaterThanOrEqual(10);
    expect(await page.locator('[data-testid="history-resolution"][data-resolution="raw"]').textContent()).toContain(
      'each poll',
    );
    expect(await page.locator('[data-testid^="history-range-"][aria-pressed="true"]').count()).toBe(0);

    // Again, into the last minute or so, where the polls fill the chart.
    plot = await plotBox(hashrate);
    await drag(plot.x + plot.width * 0.8, plot.x + plot.width - 1, plot.y + plot.height / 2);
    await page.getByTestId('history-zoom-back').waitFor();
    await waitUntil('the second zoom', async () => {
      const shown = await chartState(hashrate);
      return shown.state === 'ready' && shown.spanMs < zoomed.spanMs;
    });
    expect((await chartState(hashrate)).points).toBeGreaterThanOrEqual(10);
    await page.mouse.move(plot.x + plot.width * 0.9, plot.y + plot.height / 3);
    await page.getByTestId('history-section').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    fs.mkdirSync('docs/screenshots', { recursive: true });
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/history-zoomed.png' });
    await page.screenshot({ path: 'docs/screenshots/history.png' });

    await page.getByTestId('history-zoom-back').click();
    await waitUntil('the first zoom again', async () => (await chartState(hashrate)).from === zoomed.from);
    await page.getByTestId('history-zoom-reset').click();
    await page.getByTestId('history-zoom-reset').waitFor({ state: 'hidden' });
    await waitUntil('the live hour again', async () => {
      const shown = await chartState(hashrate);
      return shown.state === 'ready' && shown.spanMs === HOUR_MS && shown.resolution === hour.resolution;
    });
    await page.locator('[data-testid="history-range-1h"][aria-pressed="true"]').waitFor();
  });

  it("exports the rig's hour as a CSV download", async () => {
    const rig = farm.rigs[0];
    if (!rig) throw new Error('no rig');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^[A-Za-z0-9._-]+\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.trim().split('\n').length).toBeGreaterThan(10);
    expect(csv).toContain(`${rig.host}:4028`);
    expect(await page.getByTestId('history-export-status').textContent()).toContain(download.suggestedFilename());
  });

  it('shows fleet history, and which rigs drove a clicked point', async () => {
    await page.getByTestId('rig-detail-close').click();
    await page.getByTestId('rig-detail').waitFor({ state: 'hidden' });
    await page.getByTestId('fleet-history-toggle').click();
    await page.locator('[data-testid="fleet-history"][data-state="open"]').waitFor();
    await page.getByTestId('fleet-history-range-1h').click();
    const hashrate = page.getByTestId('fleet-history-chart-hashrate');
    // Fleet totals are kept per minute: the first point may need the first minute to close.
    await waitUntil(
      'a fleet point',
      async () => {
        const shown = await chartState(hashrate);
        return shown.state === 'ready' && shown.spanMs === HOUR_MS && shown.points >= 1;
      },
      90_000,
    );
    for (const chart of ['power', 'efficiency']) {
      await page.locator(`[data-testid="fleet-history-chart-${chart}"][data-state="ready"]`).waitFor();
    }

    // The newest minute sits at the right edge of the hour.
    const plot = await plotBox(hashrate);
    await page.mouse.click(plot.x + plot.width - 2, plot.y + plot.height / 2);
    await page.locator('[data-testid="fleet-breakdown"][data-state="ready"]').waitFor({ timeout: 15_000 });
    const rows = page.getByTestId('fleet-breakdown-row');
    await waitUntil('breakdown rows', async () => (await rows.count()) >= 1);
    const rigIds = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rig-id')));
    const farmIds = new Set(farm.rigs.map((rig) => `${rig.host}:4028`));
    expect(rigIds.every((rigId) => rigId !== null && farmIds.has(rigId))).toBe(true);
    const names = await rows.locator('.fleet-breakdown-name').allTextContents();
    expect(names.every((name) => name.trim().length > 0)).toBe(true);

    await page.getByTestId('fleet-history').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/screenshots/fleet-history.png' });

    // A rig in the list opens its detail panel.
    await rows.first().locator('button').click();
    await page.getByTestId('rig-detail').waitFor();
    expect(await page.getByTestId('rig-detail').textContent()).toContain(rigIds[0] ?? '?');
  });

  it('raised no page error and no Content-Security-Policy violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
