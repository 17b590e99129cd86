import { describe, expect, it } from 'vitest';
import { TRM_0_3_10_DEVS, TRM_0_3_10_POOLS_RAW } from '../../core/drivers/cgminer/fixtures/teamredminer.js';
import { MANUAL_CLOCK_START_MS } from '../clock.js';
import { answerGpuRequest, type GpuAnswerContext } from './gpu-answer.js';
import { createGpuRig, settleGpuRig } from '../gpu/physics.js';
import { readGpus } from '../gpu/reading.js';
import { RX580_KAWPOW } from './card.js';
import { PoolTable } from './pool-table.js';
import { sgminerFlavour, teamRedMinerFlavour } from './start.js';

function context(kind: 'teamredminer' | 'sgminer', privilegedAccess = true): GpuAnswerContext {
  const rig = createGpuRig(RX580_KAWPOW, 2, 5, MANUAL_CLOCK_START_MS);
  settleGpuRig(rig, 3600);
  const views = readGpus(rig, 5, MANUAL_CLOCK_START_MS);
  const pools = new PoolTable([{ url: 'stratum+tcp://kawpow.pool-a.test:3333', user: 'w', pass: 'x' }]);
  const flavour = kind === 'teamredminer' ? teamRedMinerFlavour() : sgminerFlavour();
  return {
    input: { rig, views, pools, flavour, whenS: MANUAL_CLOCK_START_MS / 1000 },
    privilegedAccess,
    restart: () => undefined,
  };
}

function ask(ctx: GpuAnswerContext, command: string, parameter: string | null = null): string {
  return answerGpuRequest({ kind: 'json', command, parameter }, ctx) ?? '';
}

const json = (text: string): Record<string, unknown> => JSON.parse(text.replace(/\0$/, '')) as Record<string, unknown>;
const firstRow = (reply: Record<string, unknown>, section: string) =>
  (reply[section] as Record<string, unknown>[])[0] ?? {};

describe('TeamRedMiner replies', () => {
  it('sends DEVS rows with exactly the captured 0.3.10 field names, in order, and its STATUS', () => {
    const reply = json(ask(context('teamredminer'), 'devs'));
    const [captured] = TRM_0_3_10_DEVS.DEVS;
    const capturedKeys = Object.keys(captured ?? {});
    const keys = Object.keys(firstRow(reply, 'DEVS')).filter((key) => capturedKeys.includes(key));
    expect(keys).toEqual(capturedKeys);
    expect(reply['STATUS']).toEqual([
      expect.objectContaining({ STATUS: 'S', Code: 9, Msg: '2 GPU(s)', Description: 'TeamRedMiner 0.3.10' }),
    ]);
  });

  it('sends POOLS rows with the captured field names and the escaped slashes of the captured URL', () => {
    const text = ask(context('teamredminer'), 'pools');
    expect(text).toContain('"URL":"stratum+tcp:\\/\\/kawpow.pool-a.test:3333"');
    const captured = Object.keys(firstRow(json(TRM_0_3_10_POOLS_RAW), 'POOLS'));
    expect(Object.keys(firstRow(json(text), 'POOLS'))).toEqual(captured);
    expect(text.endsWith('\0')).toBe(true);
  });

  it('answers pool commands and restart as invalid: its API is read-only', () => {
    const ctx = context('teamredminer');
    for (const command of ['addpool', 'switchpool', 'restart']) {
      expect(firstRow(json(ask(ctx, command, '0')), 'STATUS')).toMatchObject({ STATUS: 'E', Code: 14 });
    }
    expect(ctx.input.pools.list()).toHaveLength(1);
  });
});

describe('sgminer replies', () => {
  it('adds a pool when the API grants privileged access', () => {
    const ctx = context('sgminer');
    const reply = json(ask(ctx, 'addpool', 'stratum+tcp://n.test:1,w2,x'));
    expect(firstRow(reply, 'STATUS')).toMatchObject({ STATUS: 'S', Code: 55 });
    expect(ctx.input.pools.list()).toHaveLength(2);
  });

  it('denies privileged commands without W: access, as cgminer does', () => {
    const ctx = context('sgminer', false);
    expect(firstRow(json(ask(ctx, 'addpool', 'stratum+tcp://n.test:1,w2,x')), 'STATUS')).toMatchObject({
      STATUS: 'E',
      Code: 45,
      Msg: "Access denied to 'addpool' command",
    });
  });

  it("answers restart with cgminer's bare, not-quite-JSON RESTART", () => {
    let restarted = false;
    const ctx = { ...context('sgminer'), restart: () => (restarted = true) };
    expect(ask(ctx, 'restart')).toBe('{"RESTART","id":1}\0');
    expect(restarted).toBe(true);
  });

  it('uses the 5 s window in DEVS and SUMMARY', () => {
    const ctx = context('sgminer');
    expect(firstRow(json(ask(ctx, 'devs')), 'DEVS')).toHaveProperty(['MHS 5s']);
    expect(firstRow(json(ask(ctx, 'summary')), 'SUMMARY')).toHaveProperty(['KHS 5s']);
  });
});
