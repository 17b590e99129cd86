import { describe, expect, it } from 'vitest';
import {
  L3_GET_MINER_CONF_RAW,
  L3_POOLS_FORM_REQUEST,
  S17_GET_MINER_CONF_RAW,
  S19_GET_MINER_CONF_RAW,
  S19_SET_MINER_CONF_SLEEP_REQUEST,
} from './fixtures/antminer-web.js';
import { legacyConfForm, modernConfBody, parseMinerConf } from './miner-conf.js';

const NEW_POOLS = {
  kind: 'pools' as const,
  pools: [
    { url: 'stratum+tcp://my-test-pool1.com:5588', user: 'my-test-username1', password: 'my-test-password1' },
    { url: 'stratum+tcp://my-test-pool2.com:5588', user: 'my-test-username2', password: 'my-test-password2' },
    { url: 'stratum+tcp://my-test-pool3.com:5588', user: 'my-test-username3', password: 'my-test-password3' },
  ],
};

describe('parseMinerConf on the real S19 body', () => {
  const conf = parseMinerConf(S19_GET_MINER_CONF_RAW);

  it('reads the three pools despite the leading blank lines and the " : " spacing', () => {
    expect(conf.pools).toEqual([
      { url: 'aaa:700', user: 'aaa.226x94', pass: 'x' },
      { url: 'bbb:6000', user: 'bbb.226x94', pass: 'x' },
      { url: 'ccc:443', user: 'ccc.226x94', pass: 'x' },
    ]);
  });

  it('reads the work mode sent as a string ("1": asleep) and the settings a change must carry over', () => {
    expect(conf).toMatchObject({
      workMode: 1,
      modern: true,
      fanCtrl: false,
      fanPwm: '100',
      freqLevel: '100',
      freq: '675',
      voltage: '1400',
    });
  });
});

describe('parseMinerConf on other firmwares and broken bodies', () => {
  it('reads an S17-era conf that has a work mode but no fan or freq-level keys', () => {
    const conf = parseMinerConf(S17_GET_MINER_CONF_RAW);
    expect(conf).toMatchObject({ workMode: 0, modern: true, fanCtrl: null, fanPwm: null, freq: 'O', voltage: '1950' });
  });

  it('marks an L3+ conf without a work mode as older firmware', () => {
    const conf = parseMinerConf(L3_GET_MINER_CONF_RAW);
    expect(conf.modern).toBe(false);
    expect(conf.workMode).toBeNull();
    expect(conf.pools[2]).toEqual({ url: 'stratum.f2pool.com:8888', user: 'ant.123', pass: '123' });
  });

  it('survives the empty fan-ctrl value some firmwares print (": ,"), as Foreman patches it', () => {
    const broken = S19_GET_MINER_CONF_RAW.replace('"bitmain-fan-ctrl" : false', '"bitmain-fan-ctrl" : ');
    const conf = parseMinerConf(broken);
    expect(conf.fanCtrl).toBeNull();
    expect(conf.pools).toHaveLength(3);
  });

  it('reads a blank work mode as unknown rather than normal', () => {
    const blank = S19_GET_MINER_CONF_RAW.replace('"bitmain-work-mode" : "1"', '"bitmain-work-mode" : ""');
    expect(parseMinerConf(blank)).toMatchObject({ workMode: null, modern: true });
  });

  it('refuses an HTML login page or a JSON object that is not a miner config', () => {
    expect(() => parseMinerConf('<html><body>401 Unauthorized</body></html>')).toThrow(
      expect.objectContaining({ code: 'RIG_BAD_REPLY' }),
    );
    expect(() => parseMinerConf('{"stats":"error"}')).toThrow(expect.objectContaining({ code: 'RIG_BAD_REPLY' }));
  });
});

describe('modernConfBody', () => {
  it('builds exactly the captured sleep request from the captured conf (same keys, order and values)', () => {
    const awake = parseMinerConf(
      S19_GET_MINER_CONF_RAW.replace('"bitmain-work-mode" : "1"', '"bitmain-work-mode" : "0"'),
    );
    expect(JSON.stringify(modernConfBody(awake, { kind: 'pause' }))).toBe(S19_SET_MINER_CONF_SLEEP_REQUEST);
  });

  it('wakes a sleeping rig to normal mode and leaves its pools alone', () => {
    const body = modernConfBody(parseMinerConf(S19_GET_MINER_CONF_RAW), { kind: 'resume' });
    expect(body['miner-mode']).toBe(0);
    expect(body['pools']).toEqual(parseMinerConf(S19_GET_MINER_CONF_RAW).pools);
  });

  it('keeps low-power mode on resume, since only sleep is undone', () => {
    const low = parseMinerConf(
      S19_GET_MINER_CONF_RAW.replace('"bitmain-work-mode" : "1"', '"bitmain-work-mode" : "3"'),
    );
    expect(modernConfBody(low, { kind: 'resume' })['miner-mode']).toBe(3);
  });

  it('pads a one-pool change to exactly three slots and keeps the current work mode', () => {
    const body = modernConfBody(parseMinerConf(S17_GET_MINER_CONF_RAW), {
      kind: 'pools',
      pools: [{ url: 'stratum+tcp://new.pool.test:3333', user: 'acct.w1', password: 'x' }],
    });
    expect(body).toEqual({
      'freq-level': '100',
      'miner-mode': 0,
      'bitmain-fan-pwm': '100',
      'bitmain-fan-ctrl': false,
      pools: [
        { url: 'stratum+tcp://new.pool.test:3333', user: 'acct.w1', pass: 'x' },
        { url: '', user: '', pass: '' },
        { url: '', user: '', pass: '' },
      ],
    });
  });
});

describe('legacyConfForm', () => {
  it('builds exactly the form Foreman posts to change the L3+ pools', () => {
    expect(legacyConfForm(parseMinerConf(L3_GET_MINER_CONF_RAW), NEW_POOLS)).toBe(L3_POOLS_FORM_REQUEST);
  });

  it('carries the configured voltage over when the conf has one', () => {
    const withVoltage = parseMinerConf(
      L3_GET_MINER_CONF_RAW.replace('"bitmain-freq"', '"bitmain-voltage" : "1950",\n"bitmain-freq"'),
    );
    expect(legacyConfForm(withVoltage, NEW_POOLS)).toMatch(/&_ant_freq=384&_ant_voltage=1950$/);
  });
});
