// Per-device rows of the `devs` reply, for cgminer forks that report each board or GPU there instead of in Antminer
// `stats` chain fields. GPU rows (sgminer, TeamRedMiner) carry "Temperature", "Fan Speed" (rpm), "Fan Percent",
// "GPU Clock", "Memory Clock", "GPU Voltage" (volts) and a rate over the miner's log interval: "MHS 30s"/"KHS 30s" by
// default on TeamRedMiner 0.3.10, "MHS 120s" with --log_interval=120 on 0.3.8 (foreman-apps foreman-sgminer
// TeamRedMiner_0_3_10_ITest.java and TeamRedMiner120sITest.java; PROTOCOLS.md A7). ASIC forks send "MHS 5s".
import type { Fan, Hashboard } from '../../../../src-shared/model/rig.js';
import { toTerahash, type HashrateUnit } from '../../../../src-shared/units.js';
import { entries, numberField, stringField } from '../fields.js';
import type { JsonObject } from './parse.js';
import { indexField, safeIntField } from './safe-numbers.js';

const MAX_DEVICES = 32;
const RATE_UNITS: ReadonlyArray<readonly [string, HashrateUnit]> = [
  ['THS', 'TH'],
  ['GHS', 'GH'],
  ['MHS', 'MH'],
  ['KHS', 'KH'],
];
/** "MHS 30s", "KHS 120s": a rate over a window in seconds (minutes, as in Antminer's "GHS 30m", do not count). */
const WINDOW_KEY = /^(THS|GHS|MHS|KHS) (\d{1,5})s$/;

/**
 * The current rate of a SUMMARY or DEVS row in TH/s: "<unit> 5s" when there is one, else the shortest
 * "<unit> <n>s" window the row has, else null. `window: 'av'` reads the average since start.
 */
export function rowHashrateThs(row: JsonObject | null, window: '5s' | 'av'): number | null {
  if (!row) return null;
  for (const [prefix, unit] of RATE_UNITS) {
    const value = numberField(row[`${prefix} ${window}`]);
    if (value !== null) return toTerahash(value, unit);
  }
  if (window === 'av') return null;
  let best: { seconds: number; ths: number } | null = null;
  for (const [key, raw] of Object.entries(row).slice(0, 200)) {
    const match = WINDOW_KEY.exec(key);
    if (!match) continue;
    const unit = RATE_UNITS.find(([prefix]) => prefix === match[1])?.[1];
    const value = numberField(raw);
    const seconds = Number(match[2]);
    if (unit === undefined || value === null) continue;
    if (best === null || seconds < best.seconds) best = { seconds, ths: toTerahash(value, unit) };
  }
  return best?.ths ?? null;
}

function deviceStatus(row: JsonObject, rateThs: number | null): Hashboard['status'] {
  const status = stringField(row['Status'], 16)?.toLowerCase();
  const enabled = stringField(row['Enabled'], 4);
  return status === 'dead' || status === 'sick' || enabled === 'N' || rateThs === 0 ? 'dead' : 'ok';
}

export function boardsFromDevs(devs: JsonObject): Hashboard[] {
  return entries(devs, 'DEVS')
    .slice(0, MAX_DEVICES)
    .map((row, position) => {
      const rateThs = rowHashrateThs(row, '5s');
      return {
        index: indexField(row['ASC'] ?? row['GPU'] ?? row['PGA'], position),
        hashrateThs: rateThs,
        chipTempC: numberField(row['Chip Temp Avg'] ?? row['Temperature']),
        boardTempC: numberField(row['Temperature']),
        frequencyMhz: numberField(row['Frequency'] ?? row['frequency'] ?? row['GPU Clock']),
        chipsOk: null,
        chipsTotal: null,
        hardwareErrors: safeIntField(row['Hardware Errors']),
        powerW: numberField(row['Power'] ?? row['GPU Power']),
        fanPercent: numberField(row['Fan Percent']),
        status: deviceStatus(row, rateThs),
      };
    });
}

/** GPU rows carry their own fan's speed ("Fan Speed", rpm); ASIC rows have none. */
export function fansFromDevs(devs: JsonObject): Fan[] {
  const fans: Fan[] = [];
  entries(devs, 'DEVS')
    .slice(0, MAX_DEVICES)
    .forEach((row, position) => {
      const rpm = numberField(row['Fan Speed']);
      if (rpm !== null && rpm >= 0) fans.push({ index: indexField(row['GPU'], position), rpm });
    });
  return fans;
}

/** Mean "GPU Voltage" of the rows that report one, in millivolts (the rows send volts: 1.081). */
export function averageGpuVoltageMv(devs: JsonObject | null): number | null {
  if (!devs) return null;
  const volts = entries(devs, 'DEVS')
    .slice(0, MAX_DEVICES)
    .map((row) => numberField(row['GPU Voltage']))
    .filter((value): value is number => value !== null && value > 0 && value < 5);
  if (volts.length === 0) return null;
  return Math.round((volts.reduce((sum, value) => sum + value, 0) / volts.length) * 1000);
}
