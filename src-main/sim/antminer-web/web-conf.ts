// The configuration an Antminer's web interface shows and changes, and the exact text get_miner_conf.cgi serves.
// Formats (PROTOCOLS.md A2 and the captures in foreman-apps foreman-antminer, AntminerPowerModeITest.java /
// AntminerChangePoolsITest.java):
// - S19 family: two leading blank lines, `"key" : value` one per line, `]\n,` after the pools, then the api-* keys,
//   fan, freq, voltage, ccdelay, pwth, work mode, freq level.
// - S17 family: the same head, then "bitmain-use-vil", "bitmain-work-mode", "bitmain-freq" ("O"),
//   "bitmain-voltage", and the closing brace right after the last value.
// - S9 (older web API, no work mode): no leading blank lines, pools, api-* keys and "bitmain-freq" only. Assumption:
//   shaped like the captured L3+ conf; no S9 conf was read.
import type { RigModel } from '../models.js';

export interface ConfPool {
  url: string;
  user: string;
  pass: string;
}

export interface WebConf {
  pools: ConfPool[];
  /** 0 normal, 1 sleep, 3 low power; null on firmware without work modes (S9). */
  workMode: number | null;
  fanCtrl: boolean;
  fanPwm: string;
  freqLevel: string;
}

export const POOL_SLOTS = 3;
export const WORK_MODES = [0, 1, 3] as const;

export function hasWorkModes(model: RigModel): boolean {
  return model.layout !== 's9';
}

export function initialConf(model: RigModel, pools: readonly ConfPool[]): WebConf {
  return {
    pools: padPools(pools),
    workMode: hasWorkModes(model) ? 0 : null,
    fanCtrl: false,
    fanPwm: '100',
    freqLevel: '100',
  };
}

function padPools(pools: readonly ConfPool[]): ConfPool[] {
  const padded = pools.slice(0, POOL_SLOTS).map((pool) => ({ ...pool }));
  while (padded.length < POOL_SLOTS) padded.push({ url: '', user: '', pass: '' });
  return padded;
}

const line = (key: string, value: string | boolean): string => `${JSON.stringify(key)} : ${JSON.stringify(value)}`;

function poolsBlock(conf: WebConf): string {
  const pools = conf.pools.map(
    (pool) => `{\n${line('url', pool.url)},\n${line('user', pool.user)},\n${line('pass', pool.pass)}\n}`,
  );
  return `"pools" : [\n${pools.join(',\n')}\n]\n,\n`;
}

const API_LINES = [
  line('api-listen', true),
  line('api-network', true),
  line('api-groups', 'A:stats:pools:devs:summary:version'),
  line('api-allow', 'A:0/0,W:*'),
];

/** The body of get_miner_conf.cgi, byte for byte in the model family's format. */
export function renderConf(model: RigModel, conf: WebConf): string {
  const freq = String(model.nominalFrequencyMhz);
  const voltage = String(Math.round(model.nominalVoltageV * 100));
  const workMode = String(conf.workMode ?? 0);
  switch (model.layout) {
    case 's19': {
      const settings = [
        ...API_LINES,
        line('bitmain-fan-ctrl', conf.fanCtrl),
        line('bitmain-fan-pwm', conf.fanPwm),
        line('bitmain-use-vil', true),
        line('bitmain-freq', freq),
        line('bitmain-voltage', voltage),
        line('bitmain-ccdelay', '0'),
        line('bitmain-pwth', '0'),
        line('bitmain-work-mode', workMode),
        line('bitmain-freq-level', conf.freqLevel),
      ];
      return `\n\n{\n${poolsBlock(conf)}${settings.join(',\n')}\n}\n`;
    }
    case 's17': {
      const settings = [
        ...API_LINES,
        line('bitmain-use-vil', true),
        line('bitmain-work-mode', workMode),
        line('bitmain-freq', 'O'),
        line('bitmain-voltage', voltage),
      ];
      return `\n\n{\n${poolsBlock(conf)}${settings.join(',\n')}}\n`;
    }
    case 's9':
      return `{\n${poolsBlock(conf)}${[...API_LINES, line('bitmain-freq', freq)].join(',\n')}\n}`;
  }
}

export type ConfUpdate = { ok: true; conf: WebConf } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function confPool(value: unknown): ConfPool | null {
  if (!isRecord(value)) return null;
  const { url, user, pass } = value;
  if (typeof url !== 'string' || typeof user !== 'string' || typeof pass !== 'string') return null;
  return { url, user, pass };
}

/**
 * A JSON set_miner_conf body (modern firmware). Assumption: the firmware wants all three pool slots, which is why
 * pyasic pads to three; a body with fewer, or without a valid miner-mode, is refused and nothing changes.
 */
export function applyJsonBody(current: WebConf, body: string): ConfUpdate {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  if (!isRecord(value)) return { ok: false, reason: 'body is not an object' };
  const pools = Array.isArray(value['pools']) ? value['pools'].map(confPool) : null;
  if (!pools || pools.length !== POOL_SLOTS || pools.some((pool) => pool === null)) {
    return { ok: false, reason: `pools must be ${POOL_SLOTS} {url,user,pass} entries` };
  }
  const mode = Number(value['miner-mode']);
  if (!(WORK_MODES as readonly number[]).includes(mode)) return { ok: false, reason: 'miner-mode must be 0, 1 or 3' };
  const fanCtrl = value['bitmain-fan-ctrl'];
  const fanPwm = value['bitmain-fan-pwm'];
  const freqLevel = value['freq-level'];
  return {
    ok: true,
    conf: {
      pools: pools.filter((pool): pool is ConfPool => pool !== null),
      workMode: mode,
      fanCtrl: typeof fanCtrl === 'boolean' ? fanCtrl : current.fanCtrl,
      fanPwm: typeof fanPwm === 'string' ? fanPwm : current.fanPwm,
      freqLevel: typeof freqLevel === 'string' ? freqLevel : current.freqLevel,
    },
  };
}

/** A form-encoded set_miner_conf body (older firmware): the _ant_poolNurl/user/pw fields. */
export function applyFormBody(current: WebConf, body: string): ConfUpdate {
  const form = new URLSearchParams(body);
  const pools: ConfPool[] = [];
  for (let slot = 1; slot <= POOL_SLOTS; slot += 1) {
    const url = form.get(`_ant_pool${slot}url`);
    const user = form.get(`_ant_pool${slot}user`);
    const pass = form.get(`_ant_pool${slot}pw`);
    if (url === null || user === null || pass === null) return { ok: false, reason: `pool ${slot} fields missing` };
    pools.push({ url, user, pass });
  }
  const fanCtrl = form.get('_ant_fan_customize_switch');
  const fanPwm = form.get('_ant_fan_customize_value');
  return {
    ok: true,
    conf: {
      ...current,
      pools,
      fanCtrl: fanCtrl === null ? current.fanCtrl : fanCtrl === 'true',
      fanPwm: fanPwm === null || fanPwm === '' ? current.fanPwm : fanPwm,
    },
  };
}

/** bmminer shows a pool configured without a scheme as stratum+tcp:// (conf "aaa:700" -> API "stratum+tcp://aaa:700"). */
export function apiUrl(url: string): string {
  return url.includes('://') ? url : `stratum+tcp://${url}`;
}
