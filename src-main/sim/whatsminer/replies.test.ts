import { describe, expect, it } from 'vitest';
import { parseLenientJson } from '../../core/drivers/cgminer/parse.js';
import { ManualClock } from '../clock.js';
import { VirtualWhatsminer } from './rig.js';

// Exact field lists of the real captures (foreman WhatsminerChangePoolsITest; PROTOCOLS.md A4 and the driver's
// fixtures/m30s-plus.ts): the simulator must send the same fields in the same order.
// prettier-ignore
const SUMMARY_2020 = [
  'Elapsed', 'MHS av', 'MHS 5s', 'MHS 1m', 'MHS 5m', 'MHS 15m', 'Found Blocks', 'Getworks', 'Accepted', 'Rejected',
  'Hardware Errors', 'Utility', 'Discarded', 'Stale', 'Get Failures', 'Local Work', 'Remote Failures', 'Network Blocks',
  'Total MH', 'Work Utility', 'Difficulty Accepted', 'Difficulty Rejected', 'Difficulty Stale', 'Best Share',
  'Temperature', 'freq_avg', 'Fan Speed In', 'Fan Speed Out', 'Voltage', 'Power', 'Power_RT', 'Device Hardware%',
  'Device Rejected%', 'Pool Rejected%', 'Pool Stale%', 'Last getwork', 'Uptime', 'Chip Data', 'Power Current',
  'Power Fanspeed', 'Error Code Count', 'Factory Error Code Count', 'Security Mode', 'Liquid Cooling', 'Hash Stable',
  'Hash Stable Cost Seconds', 'Hash Deviation%', 'Target Freq', 'Target MHS', 'Env Temp', 'Power Mode',
  'Firmware Version', 'CB Platform', 'CB Version', 'MAC', 'Factory GHS', 'Power Limit', 'Chip Temp Min',
  'Chip Temp Max', 'Chip Temp Avg',
];
// The M30S+ capture without its "Error Code N" / "Error N Time" entries (this rig reports no errors).
// prettier-ignore
const SUMMARY_2021 = [
  'Elapsed', 'MHS av', 'MHS 5s', 'MHS 1m', 'MHS 5m', 'MHS 15m', 'HS RT', 'Found Blocks', 'Getworks', 'Accepted',
  'Rejected', 'Hardware Errors', 'Utility', 'Discarded', 'Stale', 'Get Failures', 'Local Work', 'Remote Failures',
  'Network Blocks', 'Total MH', 'Work Utility', 'Difficulty Accepted', 'Difficulty Rejected', 'Difficulty Stale',
  'Best Share', 'Temperature', 'freq_avg', 'Fan Speed In', 'Fan Speed Out', 'Voltage', 'Power', 'Power_RT',
  'Power Rate', 'Device Hardware%', 'Device Rejected%', 'Pool Rejected%', 'Pool Stale%', 'Last getwork', 'Uptime',
  'Power Current', 'Power Fanspeed', 'Error Code Count', 'Factory Error Code Count', 'Security Mode', 'Liquid Cooling',
  'Hash Stable', 'Hash Stable Cost Seconds', 'Hash Deviation%', 'Target Freq', 'Target MHS', 'Power Mode',
  'Firmware Version', 'CB Platform', 'CB Version', 'MAC', 'Factory GHS', 'Power Limit', 'Power Voltage Input',
  'Power Current Input', 'Chip Temp Min', 'Chip Temp Max', 'Chip Temp Avg', 'Debug',
];
// prettier-ignore
const DEVS_2020 = [
  'ASC', 'Name', 'ID', 'Slot', 'Enabled', 'Status', 'Temperature', 'Chip Frequency', 'Fan Speed In', 'Fan Speed Out',
  'MHS av', 'MHS 5s', 'MHS 1m', 'MHS 5m', 'MHS 15m', 'Accepted', 'Rejected', 'Hardware Errors', 'Utility',
  'Last Share Pool', 'Last Share Time', 'Total MH', 'Diff1 Work', 'Difficulty Accepted', 'Difficulty Rejected',
  'Last Share Difficulty', 'Last Valid Work', 'Device Hardware%', 'Device Rejected%', 'Device Elapsed',
  'Upfreq Complete', 'Effective Chips', 'PCB SN', 'Chip Temp Min', 'Chip Temp Max', 'Chip Temp Avg',
];
const DEVS_2021 = [...DEVS_2020.slice(0, 33), 'Chip Data', ...DEVS_2020.slice(33), 'chip_vol_diff'];
// prettier-ignore
const POOLS = [
  'POOL', 'URL', 'Status', 'Priority', 'Quota', 'Long Poll', 'Getworks', 'Accepted', 'Rejected', 'Works', 'Discarded',
  'Stale', 'Get Failures', 'Remote Failures', 'User', 'Last Share Time', 'Diff1 Shares', 'Proxy Type', 'Proxy',
  'Difficulty Accepted', 'Difficulty Rejected', 'Difficulty Stale', 'Last Share Difficulty', 'Work Difficulty',
  'Has Stratum', 'Stratum Active', 'Stratum URL', 'Stratum Difficulty', 'Has GBT', 'Best Share', 'Pool Rejected%',
  'Pool Stale%', 'Bad Work', 'Current Block Height', 'Current Block Version',
];

function rig(model: 'M20S' | 'M30S+') {
  return new VirtualWhatsminer({ host: '127.0.25.1', model, seed: 7, clock: new ManualClock() });
}

function reply(model: 'M20S' | 'M30S+', command: string): Record<string, unknown> {
  const raw = rig(model).respondTo(JSON.stringify({ command }));
  const parsed = parseLenientJson(raw ?? '');
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function keysOf(value: Record<string, unknown>, section: string, at = 0): string[] {
  const rows = value[section] as Array<Record<string, unknown>>;
  return Object.keys(rows[at] ?? {});
}

describe('VirtualWhatsminer replies', () => {
  it('sends the 2020-firmware summary, devs and pools fields in the captured order', () => {
    expect(keysOf(reply('M20S', 'summary'), 'SUMMARY')).toEqual(SUMMARY_2020);
    expect(keysOf(reply('M20S', 'devs'), 'DEVS')).toEqual(DEVS_2020);
    expect(keysOf(reply('M20S', 'pools'), 'POOLS')).toEqual(POOLS);
  });

  it('sends the 2021-firmware fields, "btminer" envelope and pools numbered from 1', () => {
    const summary = reply('M30S+', 'summary');
    expect(keysOf(summary, 'SUMMARY')).toEqual(SUMMARY_2021);
    expect((summary['STATUS'] as Array<Record<string, unknown>>)[0]?.['Description']).toBe('btminer');
    expect(keysOf(reply('M30S+', 'edevs'), 'DEVS')).toEqual(DEVS_2021);
    const pools = reply('M30S+', 'pools')['POOLS'] as Array<Record<string, unknown>>;
    expect(pools.map((pool) => pool['POOL'])).toEqual([1, 2]);
  });

  it("writes the firmware version with btminer's invalid \\' escape and a NUL after cgminer-style replies", () => {
    const raw = rig('M20S').respondTo('{"command":"summary"}') ?? '';
    expect(raw).toContain(String.raw`"Firmware Version":"\'20200917.22.REL\'"`);
    expect(raw.endsWith('\0')).toBe(true);
    expect(() => JSON.parse(raw.slice(0, -1)) as unknown).toThrow();
  });

  it("answers `version` with btminer's captured error, and get_version without a NUL", () => {
    const version = JSON.parse(rig('M20S').respondTo('{"command":"version"}') ?? '') as Record<string, unknown>;
    expect(Object.keys(version)).toEqual(['STATUS', 'When', 'Code', 'Msg', 'Description']);
    expect(version).toMatchObject({ STATUS: 'E', Code: 14, Msg: 'invalid cmd', Description: 'whatsminer v1.1' });
    const getVersion = rig('M30S+').respondTo('{"cmd":"get_version"}') ?? '';
    expect(getVersion.endsWith('}')).toBe(true);
    expect(JSON.parse(getVersion)).toMatchObject({ Code: 131, Msg: { fw_ver: '20210109.22.REL', api_ver: '2.0.5' } });
  });

  it('keeps the captured value types: numbers, booleans, MAC and Power Limit', () => {
    const summary = (reply('M20S', 'summary')['SUMMARY'] as Array<Record<string, unknown>>)[0] ?? {};
    expect(typeof summary['MHS 1m']).toBe('number');
    expect(summary['Liquid Cooling']).toBe(false);
    expect(summary['Power Limit']).toBe(3500);
    expect(summary['MAC']).toBe('02:4D:57:00:19:01');
    const details = reply('M20S', 'devdetails')['DEVDETAILS'] as Array<Record<string, unknown>>;
    expect(details[0]).toMatchObject({ Driver: 'bitmicro', Model: 'M20S_V20' });
  });

  it('answers a "+" multi-command with each whole reply in a one-element array', () => {
    const multi = reply('M30S+', 'summary+devs+pools');
    expect(Object.keys(multi)).toEqual(['summary', 'devs', 'pools', 'id']);
    expect((multi['devs'] as unknown[]).length).toBe(1);
  });
});
