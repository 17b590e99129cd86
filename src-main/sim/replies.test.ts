import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import type { ModelName } from './models.js';
import type { DevsLayout } from './reply-context.js';
import { VirtualRig } from './rig.js';
import type { QuirkName } from './rig.js';

// Expected field lists are facts about the real protocol, taken from the captures cited in README.md:
// S19 Pro stats/pools (foreman AntminerStatsITest, PROTOCOLS.md A1), S17 Pro stats (same suite), S19j Pro summary
// and devs (a real text-API capture).
const numbered = (prefix: string, count: number, from = 1): string[] =>
  Array.from({ length: count }, (_unused, index) => `${prefix}${index + from}`);

const S19_PRO_STATS_KEYS = [
  ...['STATS', 'ID', 'Elapsed', 'Calls', 'Wait', 'Max', 'Min', 'GHS 5s', 'GHS av', 'rate_30m', 'Mode'],
  ...['miner_count', 'frequency', 'fan_num', ...numbered('fan', 4), 'temp_num'],
  ...['temp1', 'temp2_1', 'temp2', 'temp2_2', 'temp3', 'temp2_3'],
  ...numbered('temp_pcb', 4),
  ...numbered('temp_chip', 4),
  ...numbered('temp_pic', 4),
  ...['total_rateideal', 'rate_unit', 'total_freqavg', 'total_acn', 'total rate', 'temp_max', 'no_matching_work'],
  ...numbered('chain_acn', 4),
  ...numbered('chain_acs', 4),
  ...numbered('chain_hw', 4),
  ...numbered('chain_rate', 4),
  ...numbered('freq', 4),
  ...['miner_version', 'miner_id'],
];

const S17_PRO_STATS_KEYS = [
  ...['STATS', 'ID', 'Elapsed', 'Calls', 'Wait', 'Max', 'Min', 'GHS 5s', 'GHS av', 'GHS 30m', 'Mode'],
  ...['miner_count', 'frequency', 'fan_num', ...numbered('fan', 16), 'temp_num'],
  ...numbered('temp', 16),
  ...numbered('temp2_', 16),
  ...numbered('temp3_', 16),
  ...numbered('temp_pcb', 16),
  ...numbered('temp_chip', 16),
  ...['total_rateideal', 'rate_unit', 'total_freqavg', 'total_acn', 'total_rate'],
  ...numbered('chain_rateideal', 16),
  ...['temp_max', 'no_matching_work'],
  ...numbered('chain_acn', 16),
  ...numbered('chain_acs', 16),
  ...numbered('chain_hw', 16),
  ...numbered('chain_rate', 16),
  ...numbered('chain_xtime', 3),
  ...numbered('chain_offside_', 3),
  ...numbered('chain_opencore_', 3),
  ...numbered('freq', 16),
  ...['miner_version', 'miner_id'],
];

const POOL_KEYS = [
  ...['POOL', 'URL', 'Status', 'Priority', 'Quota', 'Long Poll', 'Getworks', 'Accepted', 'Rejected', 'Discarded'],
  ...['Stale', 'Get Failures', 'Remote Failures', 'User', 'Last Share Time', 'Diff', 'Diff1 Shares', 'Proxy Type'],
  ...['Proxy', 'Difficulty Accepted', 'Difficulty Rejected', 'Difficulty Stale', 'Last Share Difficulty'],
  ...['Has Stratum', 'Stratum Active', 'Stratum URL', 'Has GBT', 'Best Share', 'Pool Rejected%'],
];

const S19J_SUMMARY_KEYS = [
  ...['Elapsed', 'GHS 5s', 'GHS av', 'GHS 30m', 'Found Blocks', 'Getwork', 'Accepted', 'Rejected'],
  ...['Hardware Errors', 'Utility', 'Discarded', 'Stale', 'Get Failures', 'Local Work', 'Remote Failures'],
  ...['Network Blocks', 'Total MH', 'Work Utility', 'Difficulty Accepted', 'Difficulty Rejected'],
  ...['Difficulty Stale', 'Best Share', 'Device Hardware%', 'Device Rejected%', 'Pool Rejected%', 'Pool Stale%'],
  'Last getwork',
];

type Json = Record<string, unknown>;

interface Options {
  seed?: number;
  host?: string;
  quirks?: QuirkName[];
  devsLayout?: DevsLayout;
}

function unit(model: ModelName, options: Options = {}): VirtualRig {
  return new VirtualRig({
    host: options.host ?? '127.0.60.251',
    model,
    seed: options.seed ?? 3,
    clock: new ManualClock(),
    uptimeS: 86_400,
    ...(options.quirks ? { quirks: options.quirks } : {}),
    ...(options.devsLayout ? { devsLayout: options.devsLayout } : {}),
  });
}

function raw(rig: VirtualRig, command: string): string {
  return rig.respondTo({ kind: 'json', command, parameter: null }) ?? '';
}

function ask(rig: VirtualRig, command: string): Json {
  const reply = raw(rig, command);
  expect(reply.endsWith('\0')).toBe(true);
  return JSON.parse(reply.slice(0, -1)) as Json;
}

function section(reply: Json, name: string): Json[] {
  return reply[name] as Json[];
}

describe('reply builders', () => {
  it('send S19 Pro stats with the real field names in the real order', () => {
    const stats = section(ask(unit('Antminer S19 Pro'), 'stats'), 'STATS');
    expect(Object.keys(stats[0] ?? {})).toEqual(['BMMiner', 'Miner', 'CompileTime', 'Type']);
    expect(Object.keys(stats[1] ?? {})).toEqual(S19_PRO_STATS_KEYS);
    expect(stats[1]).toMatchObject({ ID: 'BTM_SOC0', rate_unit: 'GH', chain_acn1: 114, chain_acs4: '', temp_max: 0 });
  });

  it('send S17 Pro stats with 16 slots, rates as strings and "total_rate" with an underscore', () => {
    const stats = section(ask(unit('Antminer S17 Pro'), 'stats'), 'STATS')[1] ?? {};
    expect(Object.keys(stats)).toEqual(S17_PRO_STATS_KEYS);
    expect(typeof stats['GHS 5s']).toBe('string');
    expect(typeof stats['GHS av']).toBe('number');
    expect(stats.frequency).toBe('');
    expect(stats.chain_acs1).toBe(' oooooooo oooooooo oooooooo oooooooo oooooooo oooooooo');
  });

  it('send "GHS 5s" as a number on S19 and make it the sum of the chain_rate strings, as the capture does', () => {
    const stats = section(ask(unit('Antminer S19j Pro'), 'stats'), 'STATS')[1] ?? {};
    expect(typeof stats['GHS 5s']).toBe('number');
    const chains = [stats.chain_rate1, stats.chain_rate2, stats.chain_rate3];
    expect(chains.every((rate) => typeof rate === 'string')).toBe(true);
    const sum = chains.reduce((total: number, rate) => total + Number(rate), 0);
    expect(sum).toBeCloseTo(stats['GHS 5s'] as number, 1);
    expect(stats['total rate']).toBe(stats['GHS av']);
  });

  it('report S9 boards in chain slots 6 to 8 and its two fans in slots 5 and 6', () => {
    const stats = section(ask(unit('Antminer S9'), 'stats'), 'STATS')[1] ?? {};
    expect([stats.chain_acn1, stats.chain_acn6, stats.chain_acn8, stats.chain_acn9]).toEqual([0, 63, 63, 0]);
    expect(stats.fan_num).toBe(2);
    expect(stats.fan1).toBe(0);
    expect(stats.fan5).toBeGreaterThan(1000);
    expect(stats.frequency).toBe('650');
    expect(stats.ID).toBe('BC50');
  });

  it('use "Pool Stale%%" on S19-era firmware and "Pool Stale%" on the S17', () => {
    const s19 = section(ask(unit('Antminer S19 Pro'), 'pools'), 'POOLS');
    const s17 = section(ask(unit('Antminer S17 Pro'), 'pools'), 'POOLS');
    expect(Object.keys(s19[0] ?? {})).toEqual([...POOL_KEYS, 'Pool Stale%%']);
    expect(Object.keys(s17[0] ?? {})).toEqual([...POOL_KEYS, 'Pool Stale%']);
    expect(s19.map((pool) => pool.Status)).toEqual(['Alive', 'Alive', 'Alive']);
    expect(s19[0]?.['Stratum Active']).toBe(true);
  });

  it('send an S19-family summary with the field names of the S19j Pro capture', () => {
    const reply = ask(unit('Antminer S19j Pro'), 'summary');
    expect(reply.STATUS).toEqual([expect.objectContaining({ STATUS: 'S', Code: 11, Msg: 'Summary' })]);
    expect(Object.keys(section(reply, 'SUMMARY')[0] ?? {})).toEqual(S19J_SUMMARY_KEYS);
  });

  it('identify the model and firmware in version exactly as the S19 Pro does', () => {
    const reply = ask(unit('Antminer S19 Pro'), 'version');
    expect(reply.STATUS).toEqual([
      {
        STATUS: 'S',
        When: expect.any(Number) as number,
        Code: 22,
        Msg: 'CGMiner versions',
        Description: 'cgminer 1.0.0',
      },
    ]);
    expect(section(reply, 'VERSION')).toEqual([
      {
        BMMiner: '1.0.0',
        API: '3.1',
        Miner: '49.0.1.3',
        CompileTime: 'Wed Oct 21 10:18:10 CST 2020',
        Type: 'Antminer S19 Pro',
      },
    ]);
    expect(reply.id).toBe(1);
  });

  it('show a dead board as zero rate and all-x chips in stats, and as Dead in per-board devs', async () => {
    const rig = unit('Antminer S19 Pro', { devsLayout: 'per-board' });
    await rig.injectFault({ kind: 'deadBoard', board: 2 });
    const stats = section(ask(rig, 'stats'), 'STATS')[1] ?? {};
    expect(stats.chain_rate3).toBe('0.00');
    expect(stats.chain_acs3).toMatch(/^( xxx){38}$/);
    expect(stats.chain_acs1).toMatch(/^( ooo){38}$/);
    const devs = section(ask(rig, 'devs'), 'DEVS');
    expect(devs.map((dev) => dev.Status)).toEqual(['Alive', 'Alive', 'Dead']);
    expect(devs[2]?.['MHS 5s']).toBe(0);
  });

  it('send S19 devs as the firmware does: one BTM_SOC device with "Tenperature" and zero rates', () => {
    const devs = section(ask(unit('Antminer S19 Pro'), 'devs'), 'DEVS');
    expect(devs).toHaveLength(1);
    expect(devs[0]).toMatchObject({ ASC: 0, Name: 'BTM_SOC', Status: 'Alive', Tenperature: 0, 'MHS 5s': 0 });
  });

  it('give each rig its own MAC and hostname in config', () => {
    const first = section(ask(unit('Antminer S19 Pro', { host: '127.0.60.10' }), 'config'), 'CONFIG')[0] ?? {};
    const second = section(ask(unit('Antminer S19 Pro', { host: '127.0.60.11' }), 'config'), 'CONFIG')[0] ?? {};
    expect(first.MAC).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    expect(first.MAC).not.toBe(second.MAC);
    expect(first.Hostname).not.toBe(second.Hostname);
    expect(first).toMatchObject({ 'Pool Count': 3, Strategy: 'Failover' });
  });

  it('wrap each part of a multi-command in a one-element array under its own name', () => {
    const rig = unit('Antminer S19 Pro');
    const reply = ask(rig, 'summary+pools');
    expect(Object.keys(reply)).toEqual(['summary', 'pools', 'id']);
    const summary = reply.summary as Json[];
    expect(summary).toHaveLength(1);
    expect(summary[0]).toEqual(ask(rig, 'summary'));
    expect((reply.pools as Json[])[0]?.POOLS).toHaveLength(3);
  });

  it('answer an unknown command with STATUS E, code 14 "Invalid command"', () => {
    const reply = ask(unit('Antminer S19 Pro'), 'restartz');
    expect(reply).toEqual({
      STATUS: [
        {
          STATUS: 'E',
          When: expect.any(Number) as number,
          Code: 14,
          Msg: 'Invalid command',
          Description: 'cgminer 1.0.0',
        },
      ],
      id: 1,
    });
  });

  it('answer a text request in cgminer text format, with the S19 comma before every record after the first', () => {
    const rig = unit('Antminer S19 Pro');
    const summary = rig.respondTo({ kind: 'text', command: 'summary', parameter: null }) ?? '';
    expect(summary).toMatch(
      /^STATUS=S,When=\d+,Code=11,Msg=Summary,Description=cgminer 1\.0\.0\|SUMMARY,Elapsed=\d+,GHS 5s=/,
    );
    expect(summary.endsWith('|\0')).toBe(true);
    const pools = rig.respondTo({ kind: 'text', command: 'pools', parameter: '' }) ?? '';
    expect(pools).toContain('|POOL=0,URL=');
    expect(pools).toContain('|,POOL=1,URL=');
  });

  it('can send the missing-comma JSON some Antminer firmwares send, which pyasic repairs', () => {
    const reply = raw(unit('Antminer S19 Pro', { quirks: ['missing-comma'] }), 'stats').slice(0, -1);
    expect(reply).toContain('}{"STATS":0');
    expect(() => JSON.parse(reply) as unknown).toThrow();
    const repaired = JSON.parse(reply.replaceAll('}{', '},{')) as Json;
    expect(section(repaired, 'STATS')).toHaveLength(2);
  });

  it('can start arrays of records with the stray comma of other Antminer firmwares ("[,{")', () => {
    const reply = raw(unit('Antminer S17 Pro', { quirks: ['leading-comma'] }), 'pools').slice(0, -1);
    expect(reply).toContain('"POOLS":[,{"POOL":0');
    expect(JSON.parse(reply.replaceAll('[,{', '[{'))).toMatchObject({ POOLS: [{ POOL: 0 }, { POOL: 1 }, { POOL: 2 }] });
  });

  it('repeat the same reply for the same seed and clock time', () => {
    expect(raw(unit('Antminer S17 Pro', { seed: 8 }), 'stats')).toBe(
      raw(unit('Antminer S17 Pro', { seed: 8 }), 'stats'),
    );
    expect(raw(unit('Antminer S17 Pro', { seed: 8 }), 'stats')).not.toBe(
      raw(unit('Antminer S17 Pro', { seed: 9 }), 'stats'),
    );
  });
});
