// A snapshot from one GET /api/system/info reply. AxeOS reports hashRate in GH/s, power in W as measured by the
// board's power monitor (INA260 or TPS546, so never an estimate), temp as the chip temperature (NerdQAxe: the hottest
// ASIC, with every ASIC in asicTemps), vrTemp from the voltage regulator, frequency in MHz and coreVoltage in mV as
// configured (coreVoltageActual is the measurement). Sources: PROTOCOLS.md A5; bitaxeorg/ESP-Miner openapi.yaml
// SystemInfo and http_server.c GET_system_info; shufps/ESP-Miner-NerdQAxePlus handler_system.cpp.
import type { Fan, Hashboard, Pool, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { efficiencyJPerTh, toTerahash } from '../../../../src-shared/units.js';
import type { JsonObject } from '../cgminer/parse.js';
import { maxOf } from '../fields.js';
import { readAxeosInfo, type AxeosInfo } from './parse.js';
import { joinPoolUrl } from './pool-url.js';

/** J/TH, or null when a nonsense reading (1e308 W) would make it overflow to Infinity. */
function efficiency(powerW: number | null, hashrateThs: number | null): number | null {
  const value = efficiencyJPerTh(powerW, hashrateThs);
  return value !== null && Number.isFinite(value) ? value : null;
}

function ths(ghs: number | null): number | null {
  return ghs === null ? null : toTerahash(ghs, 'GH');
}

/** All ASICs of a Bitaxe or NerdQAxe sit on one board behind one fan and one regulator: one Hashboard. */
function boardOf(info: AxeosInfo, hashrateThs: number | null): Hashboard {
  // A paused miner reads 0 GH/s on purpose; only an unpaused one at 0 has stopped hashing.
  const stopped = hashrateThs === 0 && info.miningPaused !== true;
  return {
    index: 0,
    hashrateThs,
    chipTempC: maxOf(info.chipTempsC),
    boardTempC: info.vrTempC,
    frequencyMhz: info.frequencyMhz,
    chipsOk: null,
    chipsTotal: info.asicCount !== null && info.asicCount > 0 ? info.asicCount : null,
    hardwareErrors: info.asicErrors,
    powerW: null,
    fanPercent: null,
    status: stopped ? 'dead' : 'ok',
  };
}

/**
 * Primary and fallback pool. The share counters belong to whichever is in use (the firmware counts per session);
 * an empty fallback URL means none is configured.
 */
function poolsOf(info: AxeosInfo): Pool[] {
  const onFallback = info.usingFallback === true;
  const pools: Pool[] = [];
  const entries = [
    { url: info.stratumURL, port: info.stratumPort, user: info.stratumUser, active: !onFallback },
    {
      url: info.fallbackStratumURL,
      port: info.fallbackStratumPort,
      user: info.fallbackStratumUser,
      active: onFallback,
    },
  ];
  entries.forEach((entry, index) => {
    if (entry.url === null || entry.url.length === 0) return;
    pools.push({
      index,
      url: joinPoolUrl(entry.url, entry.port),
      user: entry.user ?? '',
      status: entry.active ? 'alive' : 'unknown',
      priority: index,
      accepted: entry.active ? info.sharesAccepted : null,
      rejected: entry.active ? info.sharesRejected : null,
      active: entry.active,
    });
  });
  return pools;
}

export function snapshotFromInfo(reply: JsonObject, takenAt: number): RigSnapshot {
  const info = readAxeosInfo(reply);
  const hashrateThs = ths(info.hashRateGhs);
  const board = boardOf(info, hashrateThs);
  const fans: Fan[] = info.fanRpms.map((fan) => ({ index: fan.index, rpm: fan.rpm }));
  return {
    takenAt,
    hashrateThs,
    hashrateAvgThs: ths(info.hashRate1hGhs ?? info.hashRate10mGhs),
    powerW: info.powerW,
    powerIsEstimate: false,
    efficiencyJPerTh: efficiency(info.powerW, hashrateThs),
    maxChipTempC: board.chipTempC,
    maxBoardTempC: board.boardTempC,
    boards: [board],
    fans,
    pools: poolsOf(info),
    uptimeS: info.uptimeS,
    accepted: info.sharesAccepted,
    rejected: info.sharesRejected,
    hardwareErrors: info.asicErrors,
    control: {
      powerTargetW: null,
      frequencyMhz: info.frequencyMhz,
      voltageMv: info.coreVoltageMv,
      threads: null,
      paused: info.miningPaused,
    },
  };
}
