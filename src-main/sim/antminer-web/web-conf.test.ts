import { describe, expect, it } from 'vitest';
import {
  L3_POOLS_FORM_REQUEST,
  S17_GET_MINER_CONF_RAW,
  S19_GET_MINER_CONF_RAW,
  S19_SET_MINER_CONF_SLEEP_REQUEST,
} from '../../core/drivers/cgminer/fixtures/antminer-web.js';
import { MODEL_CATALOG } from '../models.js';
import { apiUrl, applyFormBody, applyJsonBody, initialConf, renderConf, type WebConf } from './web-conf.js';

// The captured confs (foreman-apps AntminerPowerModeITest, see the fixture file) with the pools aaa/bbb/ccc.
const CAPTURED_POOLS = [
  { url: 'aaa:700', user: 'aaa.226x94', pass: 'x' },
  { url: 'bbb:6000', user: 'bbb.226x94', pass: 'x' },
  { url: 'ccc:443', user: 'ccc.226x94', pass: 'x' },
];
const S19_PRO = MODEL_CATALOG['Antminer S19 Pro'];

describe('renderConf', () => {
  it('writes an S19-family conf byte for byte in the captured format (model clocks and volts aside)', () => {
    const conf: WebConf = { ...initialConf(S19_PRO, CAPTURED_POOLS), workMode: 1 };
    const expected = S19_GET_MINER_CONF_RAW.replace('"675"', '"525"').replace('"1400"', '"1360"');
    expect(renderConf(S19_PRO, conf)).toBe(expected);
  });

  it('writes an S17-family conf in the captured format, closing brace right after the last value', () => {
    const s17 = MODEL_CATALOG['Antminer S17 Pro'];
    const expected = S17_GET_MINER_CONF_RAW.replace('"1950"', '"1850"');
    expect(renderConf(s17, initialConf(s17, CAPTURED_POOLS))).toBe(expected);
  });

  it('gives the S9 an older conf without a work mode, and pads the pool slots to three', () => {
    const s9 = MODEL_CATALOG['Antminer S9'];
    const text = renderConf(s9, initialConf(s9, CAPTURED_POOLS.slice(0, 1)));
    expect(text.startsWith('{\n"pools" : [')).toBe(true);
    expect(text).not.toContain('bitmain-work-mode');
    expect(text.match(/"url" : /g)).toHaveLength(3);
  });
});

describe('applyJsonBody', () => {
  const awake = initialConf(S19_PRO, CAPTURED_POOLS);

  it('takes the captured sleep request: work mode 1, pools and fan settings as sent', () => {
    const update = applyJsonBody(awake, S19_SET_MINER_CONF_SLEEP_REQUEST);
    expect(update).toEqual({ ok: true, conf: { ...awake, workMode: 1 } });
  });

  it('refuses a body with fewer than three pool slots or an unknown mode, leaving nothing changed', () => {
    const twoPools = JSON.stringify({ 'miner-mode': 0, pools: CAPTURED_POOLS.slice(0, 2) });
    expect(applyJsonBody(awake, twoPools).ok).toBe(false);
    expect(applyJsonBody(awake, JSON.stringify({ 'miner-mode': 2, pools: CAPTURED_POOLS })).ok).toBe(false);
    expect(applyJsonBody(awake, '_ant_pool1url=x').ok).toBe(false);
  });
});

describe('applyFormBody', () => {
  it('takes the pools of the form Foreman posts to older firmware', () => {
    const s9 = MODEL_CATALOG['Antminer S9'];
    const update = applyFormBody(initialConf(s9, CAPTURED_POOLS), L3_POOLS_FORM_REQUEST);
    expect(update.ok && update.conf.pools[0]).toEqual({
      url: 'stratum+tcp://my-test-pool1.com:5588',
      user: 'my-test-username1',
      pass: 'my-test-password1',
    });
  });
});

describe('apiUrl', () => {
  it('shows a scheme-less conf URL the way bmminer does in the API, and keeps an explicit scheme', () => {
    expect(apiUrl('aaa:700')).toBe('stratum+tcp://aaa:700');
    expect(apiUrl('stratum+ssl://pool.test:443')).toBe('stratum+ssl://pool.test:443');
  });
});
