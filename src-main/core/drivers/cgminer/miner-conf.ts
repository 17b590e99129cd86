// The Antminer web configuration: reading GET /cgi-bin/get_miner_conf.cgi and writing POST
// /cgi-bin/set_miner_conf.cgi. Sources (PROTOCOLS.md A2):
// - The S19 reply body is JSON-like text with two leading blank lines and `"key" : value` spacing (foreman-apps
//   foreman-antminer AntminerPowerModeITest.java, "Antminer S19"). Foreman patches `": ,"` (an empty fan-ctrl value on
//   some firmwares) before parsing (AntminerUtils.getConf); we repair the same way, after strict parsing failed.
// - Modern firmware (a conf with "bitmain-work-mode": S17/T17/S19/S21 era) takes a JSON body. The request Foreman's
//   agent sends to put an S19 to sleep is {"freq-level","miner-mode","bitmain-fan-pwm","bitmain-fan-ctrl","pools"}
//   (same test); "miner-mode" 0 normal, 1 sleep, 3 low power (pyasic pyasic/config/mining/__init__.py); pools padded
//   to exactly 3 with empty url/user/pass (pyasic pyasic/config/pools.py PoolGroup.as_am_modern). Defaults for keys a
//   conf lacks are Foreman's (StockChangePoolsAction: fan-ctrl false, fan-pwm "100", freq-level "100").
// - Older firmware (no work mode: S9, L3+ ...) takes a form: _ant_pool1url ... _ant_pool3pw, _ant_nobeeper,
//   _ant_notempoverctrl, _ant_fan_customize_switch, _ant_fan_customize_value, _ant_freq (foreman-antminer
//   AntminerChangePoolsITest.java "Antminer L3", AntminerConfValue.java; pyasic Pool.as_am_old).
import type { PoolConfig, RigChange } from '../../../../src-shared/model/control.js';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { booleanField, isObject, stringField } from '../fields.js';
import { parseLenientJson, type JsonObject } from './parse.js';

export interface MinerConfPool {
  url: string;
  user: string;
  pass: string;
}

export interface MinerConf {
  pools: MinerConfPool[];
  /** "bitmain-work-mode": 0 normal, 1 sleep, 3 low power; null when the key is absent or blank. */
  workMode: number | null;
  /** The key is there at all: the firmware has work modes and takes the JSON body. */
  modern: boolean;
  fanCtrl: boolean | null;
  fanPwm: string | null;
  freqLevel: string | null;
  freq: string | null;
  voltage: string | null;
  noBeeper: boolean | null;
  noTempOverCtrl: boolean | null;
}

export const WORK_MODE_NORMAL = 0;
export const WORK_MODE_SLEEP = 1;
export const WORK_MODE_LOW_POWER = 3;
/** The firmware keeps three pool slots; set_miner_conf wants all three. */
export const POOL_SLOTS = 3;

function settingText(value: unknown): string | null {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return stringField(value, 64);
}

function workModeOf(value: unknown): number | null {
  const text = settingText(value)?.trim() ?? '';
  if (!/^\d{1,3}$/.test(text)) return null;
  return Number(text);
}

function poolsOf(value: unknown): MinerConfPool[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .slice(0, POOL_SLOTS)
    .map((pool) => ({
      url: stringField(pool['url']) ?? '',
      user: stringField(pool['user']) ?? '',
      pass: stringField(pool['pass']) ?? '',
    }));
}

/** The conf as a JSON object: strict first, then Foreman's empty-value patch plus the cgminer repairs. */
function confObject(raw: string): JsonObject {
  const text = raw.trim();
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value)) return value;
  } catch {
    // repaired below
  }
  const patched = text.replace(/:\s*(?=[,}])/g, ': null');
  const outcome = parseLenientJson(patched);
  if (outcome.ok) return outcome.value;
  throw new RigwiseError(
    'RIG_BAD_REPLY',
    `The rig's miner configuration is not readable: ${JSON.stringify(text.slice(0, 60))}…`,
  );
}

/** Reads a get_miner_conf.cgi body. Throws RIG_BAD_REPLY when it is not a configuration object. */
export function parseMinerConf(raw: string): MinerConf {
  const conf = confObject(raw);
  if (!('pools' in conf) && !('bitmain-freq' in conf) && !('bitmain-work-mode' in conf)) {
    throw new RigwiseError('RIG_BAD_REPLY', 'The rig answered get_miner_conf with something that is not its config.');
  }
  return {
    pools: poolsOf(conf['pools']),
    workMode: workModeOf(conf['bitmain-work-mode']),
    modern: 'bitmain-work-mode' in conf,
    fanCtrl: booleanField(conf['bitmain-fan-ctrl']),
    fanPwm: settingText(conf['bitmain-fan-pwm']),
    freqLevel: settingText(conf['bitmain-freq-level']),
    freq: settingText(conf['bitmain-freq']),
    voltage: settingText(conf['bitmain-voltage']),
    noBeeper: booleanField(conf['bitmain-nobeeper']),
    noTempOverCtrl: booleanField(conf['bitmain-notempoverctrl']),
  };
}

export type ConfChange = Extract<RigChange, { kind: 'pools' | 'pause' | 'resume' }>;

/** The pools the rig should end with: the change's, or the configured ones, padded to three slots. */
function targetPools(conf: MinerConf, change: ConfChange): MinerConfPool[] {
  const pools =
    change.kind === 'pools'
      ? change.pools.map((pool: PoolConfig) => ({ url: pool.url, user: pool.user, pass: pool.password }))
      : conf.pools;
  const padded = pools.slice(0, POOL_SLOTS);
  while (padded.length < POOL_SLOTS) padded.push({ url: '', user: '', pass: '' });
  return padded;
}

/** Sleep on pause; on resume, back to normal from sleep but an existing low-power mode is kept. */
function targetWorkMode(conf: MinerConf, change: ConfChange): number {
  const current = conf.workMode ?? WORK_MODE_NORMAL;
  if (change.kind === 'pause') return WORK_MODE_SLEEP;
  if (change.kind === 'resume') return current === WORK_MODE_SLEEP ? WORK_MODE_NORMAL : current;
  return current;
}

/**
 * The JSON body for modern firmware, keys in the order of the captured request, every setting the change does not
 * touch copied from the current conf.
 */
export function modernConfBody(conf: MinerConf, change: ConfChange): Record<string, unknown> {
  return {
    'freq-level': conf.freqLevel ?? '100',
    'miner-mode': targetWorkMode(conf, change),
    'bitmain-fan-pwm': conf.fanPwm ?? '100',
    'bitmain-fan-ctrl': conf.fanCtrl ?? false,
    pools: targetPools(conf, change),
  };
}

/** The form body for older firmware (pools only: it has no work modes). */
export function legacyConfForm(conf: MinerConf, change: Extract<ConfChange, { kind: 'pools' }>): string {
  const form = new URLSearchParams();
  targetPools(conf, change).forEach((pool, index) => {
    form.append(`_ant_pool${index + 1}url`, pool.url);
    form.append(`_ant_pool${index + 1}user`, pool.user);
    form.append(`_ant_pool${index + 1}pw`, pool.pass);
  });
  form.append('_ant_nobeeper', String(conf.noBeeper ?? false));
  form.append('_ant_notempoverctrl', String(conf.noTempOverCtrl ?? false));
  form.append('_ant_fan_customize_switch', String(conf.fanCtrl ?? false));
  form.append('_ant_fan_customize_value', conf.fanPwm ?? '');
  form.append('_ant_freq', conf.freq ?? '');
  if (conf.voltage !== null) form.append('_ant_voltage', conf.voltage);
  return form.toString();
}
