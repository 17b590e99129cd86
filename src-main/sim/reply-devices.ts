// `version`, `config` and `devs`.

import { POOL_DIFFICULTY } from './calibration.js';
import type { ApiReply } from './reply-envelope.js';
import type { ReplyContext } from './reply-context.js';
import { SIM_POOLS } from './reply-summary.js';
import { fixed } from './serialize.js';
import type { WireObject } from './serialize.js';

export function versionReply(context: ReplyContext): ApiReply {
  const { firmware } = context.model;
  const version: WireObject = {
    BMMiner: firmware.bmminer,
    API: firmware.api,
    Miner: firmware.miner,
    CompileTime: firmware.compileTime,
    Type: context.model.name,
  };
  return {
    severity: 'S',
    code: 22,
    msg: `${firmware.msgPrefix} versions`,
    section: { name: 'VERSION', items: [version] },
  };
}

function ascCount(context: ReplyContext): number {
  return context.devsLayout === 'per-board' ? context.model.boards : 1;
}

/**
 * cgminer's CONFIG fields, plus "Hostname" and "MAC". Assumption: stock Antminer firmware gives its MAC only through
 * the web CGI (get_system_info "macaddr"); some cgminer-based firmwares put Hostname/MAC in their API replies
 * (Whatsminer's summary has "MAC"), and this simulator has no web CGI, so they live here. See README.md.
 */
export function configReply(context: ReplyContext): ApiReply {
  const config: WireObject = {
    'ASC Count': ascCount(context),
    'PGA Count': 0,
    'Pool Count': SIM_POOLS.length,
    Strategy: 'Failover',
    'Log Interval': 5,
    'Device Code': `${context.model.firmware.deviceName} `,
    OS: 'Linux',
    Hotplug: 'None',
    Hostname: context.identity.hostname,
    MAC: context.identity.macAddress,
  };
  const msg = `${context.model.firmware.msgPrefix} config`;
  return { severity: 'S', code: 33, msg, section: { name: 'CONFIG', items: [config] } };
}

/**
 * The single BTM_SOC device of S19 stock firmware, as in a real S19j Pro capture: temperature and rates all zero,
 * "Tenperature" misspelt, and timestamps where "Last Share Difficulty" should be.
 */
function s19FirmwareDevice(context: ReplyContext): WireObject {
  const accepted = Math.floor(context.physics.accepted);
  const rejected = Math.floor(context.physics.rejected);
  const lastShareS = context.whenS - Math.floor(context.random() * 30);
  return {
    ASC: 0,
    Name: context.model.firmware.deviceName,
    ID: 0,
    Enabled: 'Y',
    Status: context.physics.boards.every((board) => board.dead) ? 'Dead' : 'Alive',
    Tenperature: fixed(0, 2),
    'MHS av': fixed(0, 2),
    'MHS 5s': fixed(0, 2),
    Accepted: accepted,
    Rejected: rejected,
    'Hardware Errors': 0,
    Utility: fixed(0, 2),
    'Last Share Pool': 0,
    'Last Share Time': lastShareS,
    'Total MH': fixed(0, 2),
    'Diff1 Work': 0,
    'Difficulty Accepted': accepted * POOL_DIFFICULTY,
    'Difficulty Rejected': rejected * POOL_DIFFICULTY,
    'Last Share Difficulty': lastShareS,
    'Last Valid Work': lastShareS,
    'Device Hardware%': fixed(0, 2),
    'Device Rejected%': fixed(0, 2),
    'Device Elapsed': Math.floor(context.physics.elapsedS),
  };
}

/** A cgminer ASC record over some boards (all of them for a whole-miner device, one for per-board layout). */
function ascRecord(context: ReplyContext, asc: number, boardIndexes: readonly number[]): WireObject {
  const { physics, reading } = context;
  const elapsedS = Math.max(1, physics.elapsedS);
  const totalGh = physics.boards.reduce((sum, board) => sum + board.hashesGh, 0);
  const ownGh = boardIndexes.reduce((sum, index) => sum + (physics.boards[index]?.hashesGh ?? 0), 0);
  const share = totalGh > 0 ? ownGh / totalGh : 0;
  const accepted = Math.floor(physics.accepted * share);
  const rejected = Math.floor(physics.rejected * share);
  const hwErrors = boardIndexes.reduce((sum, index) => sum + Math.floor(physics.boards[index]?.hwErrors ?? 0), 0);
  const ghs5s = boardIndexes.reduce((sum, index) => sum + (context.boardGhs5s[index] ?? 0), 0);
  const tempC = Math.max(0, ...boardIndexes.map((index) => reading.boards[index]?.chipTempC ?? 0));
  const dead = boardIndexes.every((index) => physics.boards[index]?.dead === true);
  const diff1 = (ownGh * 1e9) / 4_294_967_296;
  return {
    ASC: asc,
    Name: context.model.firmware.deviceName,
    ID: asc,
    Enabled: 'Y',
    Status: dead ? 'Dead' : 'Alive',
    Temperature: fixed(dead ? 0 : tempC, 2),
    'MHS av': fixed((ownGh / elapsedS) * 1000, 2),
    'MHS 5s': fixed(ghs5s * 1000, 2),
    Accepted: accepted,
    Rejected: rejected,
    'Hardware Errors': hwErrors,
    Utility: fixed((accepted / elapsedS) * 60, 2),
    'Last Share Pool': 0,
    'Last Share Time': context.whenS - Math.floor(context.random() * 30),
    'Total MH': fixed(ownGh * 1000, 4),
    'Diff1 Work': Math.floor(diff1),
    'Difficulty Accepted': fixed(accepted * POOL_DIFFICULTY, 8),
    'Difficulty Rejected': fixed(rejected * POOL_DIFFICULTY, 8),
    'Last Share Difficulty': fixed(POOL_DIFFICULTY, 8),
    'Last Valid Work': context.whenS,
    'Device Hardware%': fixed((hwErrors / Math.max(1, diff1 + hwErrors)) * 100, 4),
    'Device Rejected%': fixed((rejected / Math.max(1, accepted)) * 100, 4),
    'Device Elapsed': Math.floor(elapsedS),
  };
}

export function devsReply(context: ReplyContext): ApiReply {
  const boards = context.physics.boards.map((_board, index) => index);
  let items: WireObject[];
  if (context.devsLayout === 'per-board') {
    items = boards.map((index) => ascRecord(context, index, [index]));
  } else if (context.model.layout === 's19') {
    items = [s19FirmwareDevice(context)];
  } else {
    items = [ascRecord(context, 0, boards)];
  }
  return { severity: 'S', code: 9, msg: `${items.length} ASC(s)`, section: { name: 'DEVS', items } };
}
