// The simulated BOSminer replies against the real ones: same keys in the same order, same codes and messages.
// Key lists are copied from the captures cited in fixtures: BOSminer+ 0.2.0 summary/pools/fans/version
// (PROTOCOLS.md A3), devs from bosminer-plus-am1-s9 0.4.0 (foreman AntminerStatsITest), temps/tunerstatus/
// devdetails/tempctrl/pause/resume from Braiins' docs (tgr-braiins/braiins-os-docs Development/1_api.rst).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { toJson } from '../serialize.js';
import { answerBosRequest } from './api.js';
import type { BosApiHandlers } from './api.js';
import { BOS_MODEL_CATALOG, firmwareDescription } from './models.js';
import type { BosFirmware, BosModelName } from './models.js';
import { settle } from './physics.js';
import { createBosPhysics } from './physics-state.js';
import { defaultPoolGroups, UidSource } from './pools.js';
import { replyObject } from './reply-context.js';
import type { BosReply, BosReplyContext } from './reply-context.js';
import { devdetailsReply, fansReply, tempsReply, tunerstatusReply, versionReply } from './replies-hardware.js';
import { devsReply, poolsReply, summaryReply } from './replies-mining.js';

const SUMMARY_KEYS = [
  'Accepted',
  'Best Share',
  'Device Hardware%',
  'Device Rejected%',
  'Difficulty Accepted',
  'Difficulty Rejected',
  'Difficulty Stale',
  'Discarded',
  'Elapsed',
  'Found Blocks',
  'Get Failures',
  'Getworks',
  'Hardware Errors',
  'Last getwork',
  'Local Work',
  'MHS 15m',
  'MHS 1m',
  'MHS 24h',
  'MHS 5m',
  'MHS 5s',
  'MHS av',
  'Network Blocks',
  'Pool Rejected%',
  'Pool Stale%',
  'Rejected',
  'Remote Failures',
  'Stale',
  'Total MH',
  'Utility',
  'Work Utility',
];
const POOL_KEYS = [
  'Accepted',
  'AsicBoost',
  'Bad Work',
  'Best Share',
  'Current Block Height',
  'Current Block Version',
  'Diff1 Shares',
  'Difficulty Accepted',
  'Difficulty Rejected',
  'Difficulty Stale',
  'Discarded',
  'Get Failures',
  'Getworks',
  'Has GBT',
  'Has Stratum',
  'Has Vmask',
  'Last Share Difficulty',
  'Last Share Time',
  'Long Poll',
  'POOL',
  'Pool Rejected%',
  'Pool Stale%',
  'Priority',
  'Proxy',
  'Proxy Type',
  'Quota',
  'Rejected',
  'Remote Failures',
  'Stale',
  'Status',
  'Stratum Active',
  'Stratum Difficulty',
  'Stratum URL',
  'URL',
  'User',
  'Work Difficulty',
  'Works',
];
const DEVS_KEYS = [
  'ASC',
  'Accepted',
  'Device Elapsed',
  'Device Hardware%',
  'Device Rejected%',
  'Diff1 Work',
  'Difficulty Accepted',
  'Difficulty Rejected',
  'Enabled',
  'Hardware Error MHS 15m',
  'Hardware Errors',
  'ID',
  'Last Share Difficulty',
  'Last Share Pool',
  'Last Share Time',
  'Last Valid Work',
  'MHS 15m',
  'MHS 1m',
  'MHS 5m',
  'MHS 5s',
  'MHS av',
  'Name',
  'Nominal MHS',
  'Rejected',
  'Status',
  'Temperature',
  'Total MH',
  'Utility',
];
const DEVDETAILS_KEYS = [
  'Chips',
  'Cores',
  'DEVDETAILS',
  'Device Path',
  'Driver',
  'Frequency',
  'ID',
  'Kernel',
  'Model',
  'Name',
  'Voltage',
];
const TUNER_KEYS = [
  'ApproximateChainPowerConsumption',
  'ApproximateMinerPowerConsumption',
  'DynamicPowerScaling',
  'PowerLimit',
  'TunerChainStatus',
];
const CHAIN_KEYS = [
  'ApproximatePowerConsumptionWatt',
  'HashchainIndex',
  'Iteration',
  'LoadedProfileCreatedOn',
  'PowerLimitWatt',
  'StageElapsed',
  'Status',
  'TunerRunning',
  'TuningElapsed',
];

function context(model: BosModelName, firmware: BosFirmware = 'boser'): BosReplyContext {
  const clock = new ManualClock();
  const rig = createBosPhysics({
    model: BOS_MODEL_CATALOG[model],
    seed: 5,
    clock,
    ambientC: 25,
    powerTargetW: BOS_MODEL_CATALOG[model].stockPowerW,
  });
  settle(rig, 7200);
  return {
    rig,
    groups: defaultPoolGroups('127.0.23.5', new UidSource('t')),
    nowMs: clock.now(),
    seed: 5,
    firmware,
    description: firmwareDescription(firmware),
  };
}

/** The reply as a client parses it. */
function wire(reply: BosReply, ctx: BosReplyContext): Record<string, unknown> {
  return JSON.parse(toJson(replyObject(reply, 1_700_000_000, ctx.description))) as Record<string, unknown>;
}

function rows(reply: Record<string, unknown>, section: string): Array<Record<string, unknown>> {
  return reply[section] as Array<Record<string, unknown>>;
}

describe('BOSer replies have the real field lists, in the real order', () => {
  const ctx = context('Antminer S19j Pro');

  it.each([
    ['summary', summaryReply, 'SUMMARY', SUMMARY_KEYS],
    ['pools', poolsReply, 'POOLS', POOL_KEYS],
    ['devs', devsReply, 'DEVS', DEVS_KEYS],
    ['devdetails', devdetailsReply, 'DEVDETAILS', DEVDETAILS_KEYS],
    ['temps', tempsReply, 'TEMPS', ['Board', 'Chip', 'ID', 'TEMP']],
    ['fans', fansReply, 'FANS', ['FAN', 'ID', 'RPM', 'Speed']],
    ['tunerstatus', tunerstatusReply, 'TUNERSTATUS', TUNER_KEYS],
  ] as const)('%s', (_name, build, section, keys) => {
    const reply = wire(build(ctx), ctx);
    expect(Object.keys(reply)).toEqual(['STATUS', section, 'id']);
    for (const row of rows(reply, section)) expect(Object.keys(row)).toEqual(keys);
  });

  it('tunerstatus chains carry the documented per-chain fields', () => {
    const tuner = rows(wire(tunerstatusReply(ctx), ctx), 'TUNERSTATUS')[0];
    for (const chain of tuner?.['TunerChainStatus'] as Array<Record<string, unknown>>) {
      expect(Object.keys(chain)).toEqual(CHAIN_KEYS);
    }
  });

  it('uses the documented codes and messages', () => {
    const status = (reply: BosReply) => (wire(reply, ctx)['STATUS'] as Array<Record<string, unknown>>)[0];
    expect(status(summaryReply(ctx))).toMatchObject({ STATUS: 'S', Code: 11, Msg: 'Summary' });
    expect(status(devdetailsReply(ctx))).toMatchObject({ Code: 69, Msg: 'Device Details' });
    expect(status(tempsReply(ctx))).toMatchObject({ Code: 201, Msg: '3 Temp(s)' });
    expect(status(fansReply(ctx))).toMatchObject({ Code: 202, Msg: '4 Fan(s)' });
    expect(status(tunerstatusReply(ctx))).toMatchObject({ Code: 203, Msg: 'Tuner Status' });
    expect(status(versionReply(ctx))).toMatchObject({
      Code: 22,
      Msg: 'BOSer versions',
      Description: 'BOSer boser-buildroot 0.1.0-0ce150e9',
    });
  });

  it('prints whole floats with a decimal point and integer fields without, as serde does', () => {
    const text = toJson(replyObject(tempsReply(context('Antminer S9', 'bosminer-plus')), 1, 'x'));
    expect(text).toMatch(/"Chip":0\.0,"ID":6,"TEMP":0/);
    expect(toJson(replyObject(devdetailsReply(ctx), 1, 'x'))).toMatch(/"Frequency":\d{9},/);
  });

  it('names the model in devdetails the way BOS does: "Bitmain Antminer S19XP" for the S19 XP', () => {
    const xp = context('Antminer S19 XP');
    expect(rows(wire(devdetailsReply(xp), xp), 'DEVDETAILS').map((row) => row['Model'])).toEqual([
      'Bitmain Antminer S19XP',
      'Bitmain Antminer S19XP',
      'Bitmain Antminer S19XP',
    ]);
  });
});

describe('S9 replies', () => {
  const ctx = context('Antminer S9', 'bosminer-plus');

  it('number the chains 6, 7, 8 and list four fan slots with two at 0 rpm', () => {
    expect(rows(wire(devsReply(ctx), ctx), 'DEVS').map((row) => row['ID'])).toEqual([6, 7, 8]);
    const fans = rows(wire(fansReply(ctx), ctx), 'FANS');
    expect(fans.map((fan) => (fan['RPM'] as number) > 0)).toEqual([true, true, false, false]);
  });

  it('answer version like BOSminer+ 0.2.0', () => {
    expect(wire(versionReply(ctx), ctx)['VERSION']).toEqual([{ API: '3.7', 'BOSminer+': '0.2.0-36c56a9363' }]);
  });
});

describe('the API dispatcher', () => {
  const ctx = context('Antminer S19j Pro');
  let paused = false;
  const handlers: BosApiHandlers = {
    context: () => ctx,
    pause: () => (paused = true),
    resume: () => (paused = false),
    whenS: () => 1,
    description: () => ctx.description,
  };
  const ask = (command: string) =>
    JSON.parse(
      (answerBosRequest({ kind: 'json', command, parameter: null }, handlers) ?? '').replace(/\0$/, ''),
    ) as Record<string, unknown>;

  it('answers a "+" multi-command with each reply under its own name', () => {
    const reply = ask('summary+tunerstatus');
    expect(Object.keys(reply)).toEqual(['summary', 'tunerstatus', 'id']);
  });

  it('answers pause and resume like the docs show, and calls the rig', () => {
    expect(ask('pause')).toMatchObject({ STATUS: [{ STATUS: 'S', Code: 204, Msg: 'Pause' }], PAUSE: [true] });
    expect(paused).toBe(true);
    expect(ask('resume')).toMatchObject({ STATUS: [{ Code: 205, Msg: 'Resume' }], RESUME: [true] });
    expect(paused).toBe(false);
  });

  it('answers an unknown command with STATUS E code 14', () => {
    expect(ask('frobnicate')).toMatchObject({ STATUS: [{ STATUS: 'E', Code: 14, Msg: 'Invalid command' }] });
  });
});
