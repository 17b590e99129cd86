import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src-shared/model/index.js';
import type { SeriesQuery, SeriesResult } from '../../src-shared/model/index.js';
import { fakeEngine, flushPromises } from '../test-support/fake-engine.js';
import { makeRig, makeSnapshot } from '../test-support/rig-fixtures.js';
import { createAppStore } from './app-store.js';
import { fleetChartKey, rigChartKey, rigHistoryKeys } from './history-charts.js';
import { presetWindow } from './history-windows.js';

const NOW = 1_700_000_000_000;
const RIG = makeRig('127.0.9.1');

/** The engine's answer to one series query: a point per poll over the last few seconds. */
function rawAnswer(params: unknown, values: number[] = [100, 101]): SeriesResult {
  const query = params as SeriesQuery;
  return {
    metric: query.metric,
    resolution: 'raw',
    bucketMs: 5000,
    from: query.from,
    to: query.to,
    coveredUntil: NOW - 5000,
    points: values.map((value, index) => ({
      t: NOW - (values.length - index) * 5000,
      min: value,
      max: value,
      avg: value,
      last: value,
      samples: 1,
    })),
  };
}

function setup() {
  const engine = fakeEngine();
  const store = createAppStore(engine.client);
  store.getState().replaceFleet([RIG]);
  return { engine, store };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('history slice: loading charts', () => {
  it("asks for each of a rig's series over the window, letting the engine pick the resolution", () => {
    const { engine, store } = setup();
    void store.getState().loadRigHistory(RIG.id, presetWindow('24h'), [0, 1]);
    const queries = engine.pendingParams('telemetry.series') as SeriesQuery[];
    expect(queries.map((query) => query.metric).sort()).toEqual(
      ['board.0.hashrate', 'board.1.hashrate', 'boardTemp', 'chipTemp', 'efficiency', 'hashrate', 'power'].sort(),
    );
    expect(queries.every((query) => query.from === NOW - 86_400_000 && query.to === NOW)).toBe(true);
    expect(queries.every((query) => query.resolution === 'auto' && query.maxPoints === 480)).toBe(true);
    expect(engine.pendingParams('telemetry.events')).toEqual([
      { rigId: RIG.id, from: NOW - 86_400_000, to: NOW, limit: 500 },
    ]);
    expect(store.getState().historyCharts[rigChartKey(RIG.id, 'hashrate')]?.state).toBe('loading');
  });

  it('stores the answer with its resolution and knows per-poll points from averaged ones', async () => {
    const { engine, store } = setup();
    store.getState().receiveSettings({ ...defaultSettings(), pollIntervalMs: 5000 });
    void store.getState().loadRigHistory(RIG.id, presetWindow('1h'), []);
    engine.answerAll('telemetry.series', (params) => rawAnswer(params));
    await flushPromises();
    const chart = store.getState().historyCharts[rigChartKey(RIG.id, 'hashrate')];
    expect(chart).toMatchObject({ state: 'ready', resolution: 'raw', bucketMs: 5000, perPoll: true });
    expect(chart?.series['hashrate']?.map((point) => point.avg)).toEqual([100, 101]);
    // Live polls take over after the newest point the engine had.
    expect(chart?.lastSampleAt).toBe(NOW - 5000);
  });

  it('drops an answer to a window the operator already left', async () => {
    const { engine, store } = setup();
    const key = fleetChartKey('hashrate');
    const request = { scope: { fleet: true as const }, metrics: ['hashrate'], maxPoints: 720 };
    void store.getState().loadHistoryChart(key, { ...request, window: presetWindow('24h') });
    void store.getState().loadHistoryChart(key, { ...request, window: presetWindow('1h') });
    engine.answer('telemetry.series', rawAnswer({ ...request, metric: 'hashrate', from: 0, to: 1 }, [1]));
    await flushPromises();
    expect(store.getState().historyCharts[key]?.state).toBe('loading');
    engine.answer('telemetry.series', rawAnswer({ ...request, metric: 'hashrate', from: 0, to: 1 }, [2, 3]));
    await flushPromises();
    expect(store.getState().historyCharts[key]?.series['hashrate']?.map((point) => point.avg)).toEqual([2, 3]);
  });

  it("keeps a failed chart's error for the chart to show, and no stale points", async () => {
    const { engine, store } = setup();
    const failure = store.getState().loadFleetHistory(presetWindow('24h'));
    engine.refuse('telemetry.series', { code: 'STORAGE_ERROR', message: 'History could not be read: disk I/O error' });
    engine.answerAll('telemetry.series', (params) => rawAnswer(params));
    await expect(failure).resolves.toMatchObject({ code: 'STORAGE_ERROR' });
    const hashrate = store.getState().historyCharts[fleetChartKey('hashrate')];
    expect(hashrate).toMatchObject({ state: 'failed', series: {}, error: { code: 'STORAGE_ERROR' } });
    expect(store.getState().historyCharts[fleetChartKey('power')]?.state).toBe('ready');
  });

  it('asks for every fleet figure, rigs up included, and shows each answer', async () => {
    const { engine, store } = setup();
    void store.getState().loadFleetHistory(presetWindow('24h'));
    const metrics = (engine.pendingParams('telemetry.series') as SeriesQuery[]).map((query) => query.metric);
    expect(metrics).toEqual(expect.arrayContaining(['hashrate', 'power', 'efficiency', 'rigsUp']));
    engine.answerAll('telemetry.series', (params) => rawAnswer(params));
    await flushPromises();
    expect(store.getState().historyCharts[fleetChartKey('rigsUp')]?.state).toBe('ready');
  });

  it('forgets released charts and ignores their answers still on the way', async () => {
    const { engine, store } = setup();
    void store.getState().loadRigHistory(RIG.id, presetWindow('24h'), []);
    store.getState().releaseHistory(rigHistoryKeys(RIG.id));
    expect(store.getState().historyCharts).toEqual({});
    engine.answerAll('telemetry.series', (params) => rawAnswer(params));
    engine.answerAll('telemetry.events', () => []);
    await flushPromises();
    expect(store.getState().historyCharts).toEqual({});
    expect(store.getState().historyEvents).toEqual({});
  });

  it('fetches every chart on screen again when asked to reload (after a reconnect)', async () => {
    const { engine, store } = setup();
    void store.getState().loadFleetHistory(presetWindow('1h'));
    engine.answerAll('telemetry.series', (params) => rawAnswer(params));
    await flushPromises();
    vi.setSystemTime(NOW + 60_000);
    store.getState().reloadHistory();
    const queries = engine.pendingParams('telemetry.series') as SeriesQuery[];
    expect(queries).toHaveLength(4);
    // A live window is recomputed: it ends at the new now.
    expect(queries.every((query) => query.to === NOW + 60_000)).toBe(true);
  });
});

describe('history slice: live readings', () => {
  async function liveRigChart() {
    const { engine, store } = setup();
    void store.getState().loadRigHistory(RIG.id, presetWindow('1h'), []);
    engine.answerAll('telemetry.series', (params) => rawAnswer(params));
    engine.answerAll('telemetry.events', () => []);
    await flushPromises();
    return { engine, store };
  }

  it("appends an up rig's new snapshot to its live charts only", async () => {
    const { store } = await liveRigChart();
    const powerBefore = store.getState().historyCharts[rigChartKey(RIG.id, 'power')];
    const other = makeRig('127.0.9.2', { snapshot: makeSnapshot({ takenAt: NOW + 1000 }) });
    store.getState().appendRigSnapshots([other]);
    expect(store.getState().historyCharts[rigChartKey(RIG.id, 'power')]).toBe(powerBefore);

    const updated = { ...RIG, snapshot: makeSnapshot({ takenAt: NOW + 1000, hashrateThs: 90 }) };
    store.getState().appendRigSnapshots([updated]);
    const points = store.getState().historyCharts[rigChartKey(RIG.id, 'hashrate')]?.series['hashrate'];
    expect(points?.at(-1)).toMatchObject({ t: NOW + 1000, avg: 90 });
  });

  it('adds markers the engine just recorded to the live charts of their rig, once', async () => {
    const { store } = await liveRigChart();
    const down = {
      id: 7,
      t: NOW + 2000,
      rigId: RIG.id,
      kind: 'down' as const,
      message: 'Stopped answering',
      auditId: null,
    };
    const elsewhere = { ...down, id: 8, rigId: '127.0.9.2:4028' };
    store.getState().receiveHistoryEvents([down, elsewhere]);
    store.getState().receiveHistoryEvents([down]);
    const entry = Object.values(store.getState().historyEvents).find((e) => e.rigId === RIG.id);
    expect(entry?.events).toEqual([down]);
  });

  it('adds nothing for a rig that is down (its snapshot is the last one it answered)', async () => {
    const { store } = await liveRigChart();
    const before = store.getState().historyCharts;
    store.getState().appendRigSnapshots([{ ...RIG, status: 'down', snapshot: makeSnapshot({ takenAt: NOW + 1000 }) }]);
    expect(store.getState().historyCharts).toBe(before);
  });

  it('folds in fleet minutes the answer did not hold yet, and only those', async () => {
    const { engine, store } = setup();
    void store.getState().loadFleetHistory(presetWindow('24h'));
    const minute = Math.floor(NOW / 60_000) * 60_000;
    const bucket = { t: minute - 120_000, min: 1000, max: 1000, avg: 1000, last: 1000, samples: 1 };
    engine.answerAll('telemetry.series', (params) => ({
      ...rawAnswer(params, []),
      resolution: '1m',
      bucketMs: 120_000,
      // The engine had closed the bucket's first minute only when it answered.
      coveredUntil: minute - 60_000,
      points: [bucket],
    }));
    await flushPromises();
    const values = {
      hashrate: 4000,
      power: 1,
      efficiency: 1,
      chipTemp: 1,
      rigsUp: 1,
      acceptedRate: 1,
      rejectedRate: 0,
    };
    const hashrate = () => store.getState().historyCharts[fleetChartKey('hashrate')]?.series['hashrate'];
    store.getState().receiveFleetPoint({ t: minute - 120_000, values });
    expect(hashrate()).toEqual([bucket]);
    store.getState().receiveFleetPoint({ t: minute - 60_000, values });
    expect(hashrate()).toHaveLength(1);
    expect(hashrate()?.[0]?.max).toBe(4000);
  });

  it('appends a closed fleet minute to the live fleet charts', async () => {
    const { engine, store } = setup();
    void store.getState().loadFleetHistory(presetWindow('1h'));
    engine.answerAll('telemetry.series', (params) => ({
      ...rawAnswer(params, []),
      resolution: '1m',
      bucketMs: 60_000,
    }));
    await flushPromises();
    const minute = Math.floor(NOW / 60_000) * 60_000;
    store.getState().receiveFleetPoint({
      t: minute,
      values: {
        hashrate: 1200,
        power: 36_000,
        efficiency: 30,
        chipTemp: 80,
        rigsUp: 12,
        acceptedRate: 1,
        rejectedRate: 0,
      },
    });
    const hashrate = store.getState().historyCharts[fleetChartKey('hashrate')]?.series['hashrate'];
    expect(hashrate).toEqual([{ t: minute, min: 1200, max: 1200, avg: 1200, last: 1200, samples: 1 }]);
    const rigsUp = store.getState().historyCharts[fleetChartKey('rigsUp')]?.series['rigsUp'];
    expect(rigsUp?.at(-1)).toMatchObject({ t: minute, avg: 12 });
  });
});

describe('history slice: breakdown and export', () => {
  it('asks which rigs drove a clicked bucket, ranked as the chart calls for, and keeps only the latest answer', async () => {
    const { engine, store } = setup();
    void store.getState().loadFleetBreakdown('rigsUp', { from: 0, to: 60_000 });
    void store.getState().loadFleetBreakdown('power', { from: 60_000, to: 120_000 });
    expect(engine.pendingParams('telemetry.breakdown')).toEqual([
      { metric: 'hashrate', order: 'asc', from: 0, to: 60_000, limit: 10 },
      { metric: 'power', order: 'desc', from: 60_000, to: 120_000, limit: 10 },
    ]);
    const rows = [{ rigId: RIG.id, name: RIG.name, value: 3000, share: 1 }];
    engine.answer('telemetry.breakdown', { metric: 'hashrate', resolution: '1m', from: 0, to: 60_000, rows: [] });
    engine.answer('telemetry.breakdown', { metric: 'power', resolution: '1m', from: 60_000, to: 120_000, rows });
    await flushPromises();
    expect(store.getState().fleetBreakdown).toMatchObject({ chart: 'power', state: 'ready', rows });
  });

  const status = (oldest: { raw: number | null; '1m': number | null; '1h': number | null }) => ({
    path: null,
    sizeBytes: 0,
    framesWritten: 0,
    framesPending: 0,
    framesDropped: 0,
    lastWriteAt: null,
    oldest,
    problem: null,
  });

  it('exports at a resolution chosen from a fresh look at what is kept, and hands the CSV to the download', async () => {
    const { engine, store } = setup();
    store.getState().receiveTelemetryStatus(status({ raw: null, '1m': null, '1h': null }));
    const save = vi.fn();
    const bounds = { from: NOW - 10 * 86_400_000, to: NOW };
    const done = store.getState().exportHistory({ rigIds: [RIG.id], bounds }, save);
    // Polls are kept for 7 days only: ten days of them would start three days late, so minutes it is.
    engine.answer('telemetry.status', status({ raw: NOW - 7 * 86_400_000, '1m': NOW - 90 * 86_400_000, '1h': null }));
    await flushPromises();
    expect(engine.pendingParams('telemetry.export')).toEqual([{ rigIds: [RIG.id], ...bounds, resolution: '1m' }]);
    expect(store.getState().telemetryStatus?.oldest.raw).toBe(NOW - 7 * 86_400_000);
    engine.answer('telemetry.export', { filename: 'a.csv', csv: 'x', rows: 1, truncated: false });
    await expect(done).resolves.toBeNull();
    expect(save).toHaveBeenCalledWith({ filename: 'a.csv', csv: 'x', rows: 1, truncated: false });
  });

  it('exports every rig when none is named, and downloads nothing when the engine refuses', async () => {
    const { engine, store } = setup();
    const save = vi.fn();
    const failed = store.getState().exportHistory({ bounds: { from: NOW - 3_600_000, to: NOW } }, save);
    engine.refuse('telemetry.status', { code: 'STORAGE_ERROR', message: 'no' });
    await flushPromises();
    const [query] = engine.pendingParams('telemetry.export') as Array<Record<string, unknown>>;
    expect(query).not.toHaveProperty('rigIds');
    engine.refuse('telemetry.export', { code: 'STORAGE_ERROR', message: 'no' });
    await expect(failed).resolves.toMatchObject({ code: 'STORAGE_ERROR' });
    expect(save).not.toHaveBeenCalled();
  });
});
