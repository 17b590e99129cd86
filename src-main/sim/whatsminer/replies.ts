// The cgminer-style replies of btminer: summary, devs/edevs, pools, devdetails, each in the real captures' field order
// and number formats (M20S "Old firmware" and M30S+ "New firmware" cases of foreman WhatsminerChangePoolsITest; see
// README.md). Two layouts: 'v2020' (Description "cgminer 4.9.2", pools from 0) and 'v2021' (Description "btminer",
// pools from 1, "HS RT", "Power Rate", PSU input figures, "Debug"). The "Firmware Version" value keeps the firmware's
// invalid \' escape (the raw M20S capture), which clients must repair.
import { fixed, toJson, type WireObject, type WireValue } from '../serialize.js';
import type { WhatsminerLayout, WhatsminerModel } from './models.js';
import type { BoardReading, WhatsminerReading } from './reading.js';

export interface SimPool {
  url: string;
  user: string;
  password: string;
}

export interface ReplyInputs {
  model: WhatsminerModel;
  reading: WhatsminerReading;
  pools: readonly SimPool[];
  mac: string;
  /** Per-board PCB serial numbers. */
  pcbSerials: readonly string[];
}

function description(layout: WhatsminerLayout): string {
  return layout === 'v2020' ? 'cgminer 4.9.2' : 'btminer';
}

export function envelope(
  layout: WhatsminerLayout,
  whenS: number,
  status: { code: number; msg: string },
  section: string,
  items: WireObject[],
): WireObject {
  const statusRecord = {
    STATUS: 'S',
    When: whenS,
    Code: status.code,
    Msg: status.msg,
    Description: description(layout),
  };
  return { STATUS: [statusRecord], [section]: items, id: 1 };
}

const mhs = (ghs: number): WireValue => fixed(Math.max(0, ghs) * 1000, 2);

function percent(part: number, whole: number): WireValue {
  return fixed(whole > 0 ? (100 * part) / whole : 0, 4);
}

export function summaryRecord({ model, reading }: ReplyInputs, mac: string): WireObject {
  const v2021 = model.layout === 'v2021';
  const { accepted, rejected } = reading;
  const chipMins = reading.boards.filter((board) => !board.dead).map((board) => board.chipMinC);
  const chipMaxes = reading.boards.filter((board) => !board.dead).map((board) => board.chipMaxC);
  const chipAvgs = reading.boards.filter((board) => !board.dead).map((board) => board.chipAvgC);
  const averageOf = (values: number[]): number =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  // Mains voltage as the M30S+ capture reports it ("Power Voltage Input": 199.25).
  const inputVolts = 199.25;
  const record: WireObject = {
    Elapsed: reading.elapsedS,
    'MHS av': mhs(reading.ghsAv),
    'MHS 5s': mhs(reading.ghs5s),
    'MHS 1m': mhs(reading.ghs1m),
    'MHS 5m': mhs(reading.ghs5m),
    'MHS 15m': mhs(reading.ghs15m),
    ...(v2021 ? { 'HS RT': mhs(reading.ghs1m * 0.995) } : {}),
    'Found Blocks': 0,
    Getworks: Math.floor(reading.elapsedS / 6),
    Accepted: accepted,
    Rejected: rejected,
    'Hardware Errors': reading.hardwareErrors,
    Utility: fixed((accepted * 60) / Math.max(1, reading.elapsedS), 2),
    Discarded: 0,
    Stale: 0,
    'Get Failures': 0,
    'Local Work': Math.floor(reading.totalMh / 8_000),
    'Remote Failures': 0,
    'Network Blocks': Math.floor(reading.elapsedS / 600),
    'Total MH': fixed(reading.totalMh, 4),
    // About 826 x Utility, the ratio of the two in the M20S capture (3749.51 / 4.54).
    'Work Utility': fixed((accepted * 60 * 826) / Math.max(1, reading.elapsedS), 2),
    'Difficulty Accepted': fixed(accepted * 65_536, 8),
    'Difficulty Rejected': fixed(rejected * 65_536, 8),
    'Difficulty Stale': fixed(0, 8),
    'Best Share': Math.floor(accepted * 65_536 * 3.7),
    Temperature: fixed(Math.max(0, ...reading.boards.map((board) => board.boardC)), 2),
    freq_avg: reading.frequencyAvgMhz,
    'Fan Speed In': reading.fanInRpm,
    'Fan Speed Out': reading.fanOutRpm,
    Voltage: model.supplyVoltage,
    Power: reading.powerW,
    Power_RT: Math.round(reading.powerW * 0.997),
    ...(v2021 ? { 'Power Rate': fixed(reading.ghs1m > 0 ? reading.powerW / (reading.ghs1m / 1000) : 0, 2) } : {}),
    'Device Hardware%': percent(reading.hardwareErrors, reading.totalMh / 4295),
    'Device Rejected%': percent(rejected, accepted),
    'Pool Rejected%': percent(rejected, accepted + rejected),
    'Pool Stale%': fixed(0, 4),
    'Last getwork': 0,
    Uptime: reading.uptimeS,
    ...(v2021 ? {} : { 'Chip Data': model.firmware.chipData }),
    'Power Current': v2021 ? fixed(reading.powerW / 13.76, 6) : Math.round(reading.powerW / 14.25),
    'Power Fanspeed': reading.psuFanRpm,
    'Error Code Count': 0,
    'Factory Error Code Count': 0,
    'Security Mode': 0,
    'Liquid Cooling': false,
    'Hash Stable': true,
    'Hash Stable Cost Seconds': Math.min(reading.elapsedS, 1498),
    'Hash Deviation%': percent(reading.ghs1m - reading.targetGhs, reading.targetGhs),
    'Target Freq': reading.targetFrequencyMhz,
    'Target MHS': Math.round(reading.targetGhs * 1000),
    ...(v2021 ? {} : { 'Env Temp': fixed(reading.ambientC, 2) }),
    'Power Mode': 'Normal',
    'Firmware Version': `'${model.firmware.version}'`,
    'CB Platform': model.firmware.cbPlatform,
    'CB Version': model.firmware.cbVersion,
    MAC: mac,
    'Factory GHS': Math.round(model.nominalHashrateThs * 1000 * 0.986),
    'Power Limit': reading.powerLimitW,
    ...(v2021
      ? { 'Power Voltage Input': fixed(inputVolts, 2), 'Power Current Input': fixed(reading.powerW / inputVolts, 2) }
      : {}),
    'Chip Temp Min': fixed(chipMins.length ? Math.min(...chipMins) : 0, 2),
    'Chip Temp Max': fixed(chipMaxes.length ? Math.max(...chipMaxes) : 0, 2),
    'Chip Temp Avg': fixed(averageOf(chipAvgs), 2),
  };
  if (v2021) record['Debug'] = `${(reading.ghs5s / 1000).toFixed(1)}/${(reading.targetGhs / 1000).toFixed(1)}T`;
  return record;
}

function devRecord(inputs: ReplyInputs, board: BoardReading): WireObject {
  const { model, reading } = inputs;
  const v2021 = model.layout === 'v2021';
  return {
    ASC: board.index,
    Name: 'SM',
    ID: board.index,
    Slot: board.index,
    Enabled: 'Y',
    // btminer's status words are cgminer's (Alive, Sick, Dead, NoStart, Initialising); a board that is off is Dead.
    Status: board.dead ? 'Dead' : 'Alive',
    Temperature: fixed(board.boardC, 2),
    'Chip Frequency': board.frequencyMhz,
    'Fan Speed In': reading.fanInRpm,
    'Fan Speed Out': reading.fanOutRpm,
    'MHS av': mhs(board.ghsAv),
    'MHS 5s': mhs(board.dead ? 0 : board.ghs5s),
    'MHS 1m': mhs(board.dead ? 0 : board.ghs1m),
    'MHS 5m': mhs(board.dead ? 0 : board.ghs5m),
    'MHS 15m': mhs(board.dead ? 0 : board.ghs15m),
    Accepted: board.accepted,
    Rejected: board.rejected,
    'Hardware Errors': board.hardwareErrors,
    Utility: fixed((board.accepted * 60) / Math.max(1, reading.elapsedS), 2),
    'Last Share Pool': 0,
    'Last Share Time': reading.nowS - (board.index * 7 + 3),
    'Total MH': fixed(board.totalMh, 4),
    'Diff1 Work': Math.floor(board.totalMh / 4295),
    'Difficulty Accepted': fixed(board.accepted * 65_536, 8),
    'Difficulty Rejected': fixed(board.rejected * 65_536, 8),
    'Last Share Difficulty': fixed(65_536, 8),
    'Last Valid Work': reading.nowS,
    'Device Hardware%': percent(board.hardwareErrors, board.totalMh / 4295),
    'Device Rejected%': percent(board.rejected, board.accepted),
    'Device Elapsed': reading.elapsedS,
    'Upfreq Complete': 1,
    'Effective Chips': board.chipsOk,
    'PCB SN': inputs.pcbSerials[board.index] ?? '',
    ...(v2021 ? { 'Chip Data': model.firmware.chipData } : {}),
    'Chip Temp Min': fixed(board.chipMinC, 2),
    'Chip Temp Max': fixed(board.chipMaxC, 2),
    'Chip Temp Avg': fixed(board.chipAvgC, 2),
    ...(v2021 ? { chip_vol_diff: 14 } : {}),
  };
}

function poolRecord(inputs: ReplyInputs, pool: SimPool, position: number): WireObject {
  const { reading, model } = inputs;
  const active = position === 0;
  const host = /:\/\/([^:/]+)/.exec(pool.url)?.[1] ?? '';
  return {
    POOL: model.layout === 'v2021' ? position + 1 : position,
    URL: pool.url,
    Status: 'Alive',
    Priority: position,
    Quota: 1,
    'Long Poll': 'N',
    Getworks: active ? Math.floor(reading.elapsedS / 6) : 0,
    Accepted: active ? reading.accepted : 0,
    Rejected: active ? reading.rejected : 0,
    Works: active ? Math.floor(reading.totalMh / 4295) : 0,
    Discarded: 0,
    Stale: 0,
    'Get Failures': 0,
    'Remote Failures': 0,
    User: pool.user,
    'Last Share Time': active ? reading.nowS - 2 : 0,
    'Diff1 Shares': 0,
    'Proxy Type': '',
    Proxy: '',
    'Difficulty Accepted': fixed(active ? reading.accepted * 65_536 : 0, 8),
    'Difficulty Rejected': fixed(active ? reading.rejected * 65_536 : 0, 8),
    'Difficulty Stale': fixed(0, 8),
    'Last Share Difficulty': fixed(active ? 65_536 : 0, 8),
    'Work Difficulty': fixed(active ? 65_536 : 0, 8),
    'Has Stratum': true,
    'Stratum Active': active,
    'Stratum URL': active ? host : '',
    'Stratum Difficulty': fixed(active ? 65_536 : 0, 8),
    'Has GBT': false,
    'Best Share': active ? Math.floor(reading.accepted * 65_536 * 3.7) : 0,
    'Pool Rejected%': percent(active ? reading.rejected : 0, active ? reading.accepted + reading.rejected : 0),
    'Pool Stale%': fixed(0, 4),
    'Bad Work': 0,
    'Current Block Height': active ? 840_000 + (Math.floor(reading.nowS / 600) % 100_000) : 0,
    'Current Block Version': 536870912,
  };
}

export type SectionCommand = 'summary' | 'devs' | 'edevs' | 'pools' | 'devdetails';

export const SECTION_COMMANDS: readonly SectionCommand[] = ['summary', 'devs', 'edevs', 'pools', 'devdetails'];

/** One cgminer-style reply as a value (the caller serialises it alone or inside a multi-command reply). */
export function sectionReply(command: SectionCommand, inputs: ReplyInputs): WireObject {
  const { model, reading } = inputs;
  const layout = model.layout;
  const when = reading.nowS;
  switch (command) {
    case 'summary':
      return envelope(layout, when, { code: 11, msg: 'Summary' }, 'SUMMARY', [summaryRecord(inputs, inputs.mac)]);
    case 'devs':
    case 'edevs': {
      // edevs lists enabled devices only; every simulated board is enabled. Both answer in a "DEVS" section (capture).
      const records = reading.boards.map((board) => devRecord(inputs, board));
      return envelope(layout, when, { code: 9, msg: `${records.length} ASC(s)` }, 'DEVS', records);
    }
    case 'pools': {
      const records = inputs.pools.map((pool, position) => poolRecord(inputs, pool, position));
      return envelope(layout, when, { code: 7, msg: `${records.length} Pool(s)` }, 'POOLS', records);
    }
    case 'devdetails': {
      const records = reading.boards.map((board) => ({
        DEVDETAILS: board.index,
        Name: 'SM',
        ID: board.index,
        Driver: 'bitmicro',
        Kernel: '',
        Model: model.devdetailsModel,
      }));
      return envelope(layout, when, { code: 69, msg: 'Device Details' }, 'DEVDETAILS', records);
    }
  }
}

/** Serialises a cgminer-style reply with the firmware's "\'" quirk in "Firmware Version". */
export function toWire(value: WireObject, firmwareVersion: string): string {
  const plain = toJson(value);
  return plain.split(`"'${firmwareVersion}'"`).join(String.raw`"\'${firmwareVersion}\'"`);
}
