// A snapshot from an XMRig rig's summary, plus its backends (per-device boards) and, when a token let us read it, its
// config (the configured pool list). Rig hashrate is summary hashrate.total: [0] the 10 s window (or 60 s while the
// 10 s one has no data), [2] the 15 min window as the average. Accepted is results.shares_good; rejected is
// shares_total - shares_good. XMRig reports no CPU power or temperature. Sources: PROTOCOLS.md A6; xmrig/xmrig
// doc/api/2/summary.json, backends.json, config.json.
import type { Hashboard, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { efficiencyJPerTh, toTerahash } from '../../../../src-shared/units.js';
import type { JsonObject } from '../cgminer/parse.js';
import { maxOf } from '../fields.js';
import { devicesFromBackends } from './devices.js';
import { readSummary } from './parse.js';
import { poolsFromConfig, poolsFromSummary } from './pools.js';

export interface XmrigReplies {
  summary: JsonObject;
  /** GET /2/backends (a JSON array), or null when not available (API v1, or it failed). */
  backends: unknown;
  /** GET /2/config, or null without a token or on a restricted API. */
  config: JsonObject | null;
}

function ths(hs: number | null | undefined): number | null {
  return hs === null || hs === undefined ? null : toTerahash(hs, 'H');
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export function snapshotFromReplies(replies: XmrigReplies, takenAt: number): RigSnapshot {
  const summary = readSummary(replies.summary);
  const [tenSeconds, minute, quarterHour] = summary.hashrateHs;
  const hashrateThs = ths(tenSeconds ?? minute);
  const paused = summary.paused === true;
  const devices = devicesFromBackends(replies.backends, paused);
  const boards: Hashboard[] =
    devices.boards.length > 0 || Array.isArray(replies.backends)
      ? devices.boards
      : [
          {
            index: 0,
            hashrateThs,
            chipTempC: null,
            boardTempC: null,
            frequencyMhz: null,
            chipsOk: null,
            chipsTotal: null,
            hardwareErrors: null,
            powerW: null,
            fanPercent: null,
            status: hashrateThs === 0 && !paused ? 'dead' : 'ok',
          },
        ];
  const rejected =
    summary.sharesTotal !== null && summary.sharesGood !== null
      ? Math.max(0, summary.sharesTotal - summary.sharesGood)
      : null;
  return {
    takenAt,
    hashrateThs,
    hashrateAvgThs: ths(quarterHour ?? minute),
    powerW: devices.powerW,
    powerIsEstimate: false,
    efficiencyJPerTh: finite(efficiencyJPerTh(devices.powerW, hashrateThs)),
    maxChipTempC: maxOf(boards.map((board) => board.chipTempC)),
    maxBoardTempC: null,
    boards,
    fans: devices.fans,
    pools: (replies.config ? poolsFromConfig(replies.config, summary) : null) ?? poolsFromSummary(summary),
    uptimeS: summary.uptimeS,
    accepted: summary.sharesGood,
    rejected,
    hardwareErrors: null,
    control: {
      powerTargetW: null,
      frequencyMhz: null,
      voltageMv: null,
      threads: devices.cpuThreads,
      paused: summary.paused,
    },
  };
}
