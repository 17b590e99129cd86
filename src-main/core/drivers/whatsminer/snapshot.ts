// A snapshot from a Whatsminer's `summary`, `devs` (or `edevs`), `pools` and `get_psu` replies. Field names are the
// real captures' (fixtures/m20s.ts, fixtures/m30s-plus.ts; PROTOCOLS.md A4), read the way pyasic's BTMinerV2 reads
// them (pyasic/miners/backends/btminer.py) where it reads them at all:
// - rates are MH/s; the rig rate is "MHS 1m" as pyasic takes it: the 5 s figure swings several percent (the M20S
//   capture: 64.1 TH/s at 5 s, 67.3 at 1 min, 68.7 on average), so "MHS 5s" is only the fallback;
// - power is measured: summary "Power" in W (pyasic: -1 means "not available"), else get_psu Msg.pin;
// - fans: summary "Fan Speed In" / "Fan Speed Out" (pyasic _get_fans), plus the PSU fan ("Power Fanspeed", or
//   get_psu Msg.fan_speed) as a third fan when it spins;
// - per board (DEVS): "MHS 1m", "Chip Temp Max" (the hottest chip, as Antminer boards report their hottest sensor),
//   "Temperature" (board sensor), "Chip Frequency", "Effective Chips", "Hardware Errors";
// - control read-back: "Power Limit" (0 means none, as the MiningOS mock models a lifted limit) and "Target Freq".
import type { ControlState } from '../../../../src-shared/model/control.js';
import type { Fan, Hashboard, Pool, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { efficiencyJPerTh, toTerahash } from '../../../../src-shared/units.js';
import { poolsFromReply } from '../cgminer/snapshot.js';
import type { JsonObject } from '../cgminer/parse.js';
import { entries, firstEntry, intField, maxOf, numberField, stringField } from '../fields.js';
import { chipsPerBoard, modelFromDisplay } from './models.js';
import { messageObject } from './replies.js';

export interface WhatsminerReplies {
  summary: JsonObject | null;
  devs: JsonObject | null;
  pools: JsonObject | null;
  psu: JsonObject | null;
}

const MAX_BOARDS = 8;
const MAX_POOLS = 3;

/** MH/s fields as TH/s: the 1-minute rate first, the 5-second one if that is all there is. */
function rateThs(entry: JsonObject | null, keys: readonly string[]): number | null {
  if (!entry) return null;
  for (const key of keys) {
    const mhs = numberField(entry[key]);
    if (mhs !== null && mhs >= 0) return toTerahash(mhs, 'MH');
  }
  return null;
}

const CURRENT_RATE_KEYS = ['MHS 1m', 'MHS 5s'] as const;

function boardStatus(dev: JsonObject, hashrateThs: number | null, chipsOk: number | null, chipsTotal: number | null) {
  const status = stringField(dev['Status'], 16)?.toLowerCase();
  if (status === 'dead' || status === 'nostart' || stringField(dev['Enabled'], 4) === 'N' || hashrateThs === 0) {
    return 'dead' as const;
  }
  if (status === 'sick' || (chipsOk !== null && chipsTotal !== null && chipsOk < chipsTotal))
    return 'degraded' as const;
  return 'ok' as const;
}

function boardsFromDevs(devs: JsonObject | null, chipsTotal: number | null): Hashboard[] {
  if (!devs) return [];
  return entries(devs, 'DEVS')
    .slice(0, MAX_BOARDS)
    .map((dev, position): Hashboard => {
      const hashrateThs = rateThs(dev, CURRENT_RATE_KEYS);
      const chipsOk = intField(dev['Effective Chips']);
      const index = intField(dev['ASC'] ?? dev['Slot']);
      return {
        index: index !== null && index >= 0 && index < 64 ? index : position,
        hashrateThs,
        chipTempC: numberField(dev['Chip Temp Max'] ?? dev['Chip Temp Avg']),
        boardTempC: numberField(dev['Temperature']),
        frequencyMhz: numberField(dev['Chip Frequency']),
        chipsOk,
        chipsTotal,
        hardwareErrors: intField(dev['Hardware Errors']),
        powerW: null,
        fanPercent: null,
        status: boardStatus(dev, hashrateThs, chipsOk, chipsTotal),
      };
    });
}

function positiveOrNull(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

function fansFrom(summary: JsonObject | null, firstDev: JsonObject | null, psu: JsonObject | null): Fan[] {
  const fans: Fan[] = [];
  const intake = numberField(summary?.['Fan Speed In'] ?? firstDev?.['Fan Speed In']);
  const exhaust = numberField(summary?.['Fan Speed Out'] ?? firstDev?.['Fan Speed Out']);
  if (intake !== null && intake >= 0) fans.push({ index: 0, rpm: intake });
  if (exhaust !== null && exhaust >= 0) fans.push({ index: 1, rpm: exhaust });
  // A PSU fan reading 0 cannot be told from a fanless (liquid-cooled) PSU, so only a spinning one is shown.
  const psuFan = positiveOrNull(numberField(summary?.['Power Fanspeed'] ?? psu?.['fan_speed']));
  if (psuFan !== null) fans.push({ index: 2, rpm: psuFan });
  return fans;
}

/** POOL numbers start at 0 on old firmware and at 1 on new (the two captures): index by position instead. */
function poolsFrom(reply: JsonObject | null): Pool[] {
  return poolsFromReply(reply)
    .slice(0, MAX_POOLS)
    .map((pool, position) => ({ ...pool, index: position }));
}

function averageFrequencyMhz(boards: readonly Hashboard[]): number | null {
  const clocks = boards.map((board) => board.frequencyMhz).filter((mhz): mhz is number => mhz !== null && mhz > 0);
  return clocks.length === 0 ? null : clocks.reduce((sum, mhz) => sum + mhz, 0) / clocks.length;
}

function controlFrom(summary: JsonObject | null, boards: readonly Hashboard[]): ControlState {
  return {
    powerTargetW: positiveOrNull(numberField(summary?.['Power Limit'])),
    frequencyMhz:
      positiveOrNull(numberField(summary?.['Target Freq'])) ??
      positiveOrNull(numberField(summary?.['freq_avg'])) ??
      averageFrequencyMhz(boards),
    // "Voltage" (1300 on the M20S, 1288 on the M30S+) has no documented unit, so it is not offered as millivolts.
    voltageMv: null,
    threads: null,
    paused: null,
  };
}

function sumOf(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}

export function snapshotFromReplies(replies: WhatsminerReplies, model: string, takenAt: number): RigSnapshot {
  const summary = replies.summary ? firstEntry(replies.summary, 'SUMMARY') : null;
  const psu = messageObject(replies.psu);
  const boards = boardsFromDevs(replies.devs, chipsPerBoard(modelFromDisplay(model)));
  const hashrateThs = rateThs(summary, CURRENT_RATE_KEYS) ?? sumOf(boards.map((board) => board.hashrateThs));
  const powerW = positiveOrNull(numberField(summary?.['Power'])) ?? positiveOrNull(numberField(psu?.['pin']));
  const firstDev = replies.devs ? firstEntry(replies.devs, 'DEVS') : null;
  return {
    takenAt,
    hashrateThs,
    hashrateAvgThs: rateThs(summary, ['MHS av']),
    powerW,
    powerIsEstimate: false,
    efficiencyJPerTh: efficiencyJPerTh(powerW, hashrateThs),
    maxChipTempC: maxOf(boards.map((board) => board.chipTempC)) ?? numberField(summary?.['Chip Temp Max']),
    maxBoardTempC: maxOf(boards.map((board) => board.boardTempC)) ?? numberField(summary?.['Temperature']),
    boards,
    fans: fansFrom(summary, firstDev, psu),
    pools: poolsFrom(replies.pools),
    uptimeS: numberField(summary?.['Elapsed']),
    accepted: numberField(summary?.['Accepted']),
    rejected: numberField(summary?.['Rejected']),
    hardwareErrors: numberField(summary?.['Hardware Errors']),
    control: controlFrom(summary, boards),
  };
}
