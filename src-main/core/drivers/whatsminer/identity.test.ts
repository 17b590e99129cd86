import { describe, expect, it } from 'vitest';
import { S19_PRO_VERSION } from '../cgminer/fixtures/antminer.js';
import { parseCgminerReply, parseLenientJson, type JsonObject } from '../cgminer/parse.js';
import { M20S_SUMMARY_TEXT } from './fixtures/m20s.js';
import { M30S_PLUS_MULTI } from './fixtures/m30s-plus.js';
import { VERSION_ERROR_TEXT } from './fixtures/privileged.js';
import { identityFromReplies, isWhatsminerReply } from './identity.js';

function parsed(text: string): JsonObject {
  const outcome = parseLenientJson(text);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

// devdetails and get_version shapes: DEVDETAILS[0] {DEVDETAILS, Name "SM", ID, Driver "bitmicro", Kernel, Model} and
// Msg {api_ver, fw_ver, platform, chip} as pyasic reads them and the MiningOS Whatsminer mock
// (tetherto/miningos-wrk-miner-whatsminer mock/utils.js) serves them. No capture of either was found; these are
// constructed in that shape, with the M20S capture's values.
const DEVDETAILS = {
  STATUS: [{ STATUS: 'S', When: 1604757733, Code: 69, Msg: 'Device Details', Description: 'cgminer 4.9.2' }],
  DEVDETAILS: [0, 1, 2].map((id) => ({
    DEVDETAILS: id,
    Name: 'SM',
    ID: id,
    Driver: 'bitmicro',
    Kernel: '',
    Model: 'M20S_V20',
  })),
  id: 1,
};
const GET_VERSION = {
  STATUS: 'S',
  When: 1604757733,
  Code: 131,
  Msg: { api_ver: '2.0.5', fw_ver: '20200917.22.REL', platform: 'H3', chip: 'HP3D04-20010214 C BINV04-192104B' },
  Description: 'whatsminer v1.1',
};

describe('isWhatsminerReply', () => {
  it('recognises the markers of real Whatsminer replies', () => {
    expect(isWhatsminerReply(parsed(VERSION_ERROR_TEXT))).toBe(true);
    expect(isWhatsminerReply(M30S_PLUS_MULTI.summary[0] ?? null)).toBe(true);
    expect(isWhatsminerReply(DEVDETAILS)).toBe(true);
  });

  it('does not take an Antminer or a plain cgminer 4.9.2 reply for one', () => {
    expect(isWhatsminerReply(S19_PRO_VERSION)).toBe(false);
    // The M20S's own cgminer-section replies carry no marker at all: that firmware is told by devdetails.
    expect(isWhatsminerReply(parsed(M20S_SUMMARY_TEXT))).toBe(false);
  });

  it('answers false for a reply nested too deeply to stringify instead of throwing', () => {
    const deep = JSON.parse(`{"STATUS":${'['.repeat(20_000)}${']'.repeat(20_000)}}`) as JsonObject;
    expect(isWhatsminerReply(deep)).toBe(false);
  });
});

describe('identityFromReplies', () => {
  const summary = parseCgminerReply(M20S_SUMMARY_TEXT);

  it('names the model as pyasic does and takes firmware, API version and MAC from their replies', () => {
    const identity = identityFromReplies('127.0.20.1', 4028, {
      devdetails: DEVDETAILS,
      getVersion: GET_VERSION,
      summary: summary.ok ? summary.value : null,
    });
    expect(identity).toEqual({
      host: '127.0.20.1',
      port: 4028,
      family: 'whatsminer',
      make: 'MicroBT',
      model: 'Whatsminer M20S V20',
      firmware: '20200917.22.REL',
      apiVersion: '2.0.5',
      mac: 'c4:11:04:01:3c:75',
      serial: null,
    });
  });

  it('falls back to summary for the firmware (without its quote marks) and to get_version miner_type for the model', () => {
    const identity = identityFromReplies('h', 4028, {
      devdetails: null,
      getVersion: { STATUS: 'S', Code: 131, Msg: { miner_type: 'M60S_VK40' } },
      summary: summary.ok ? summary.value : null,
    });
    expect(identity.model).toBe('Whatsminer M60S VK40');
    expect(identity.firmware).toBe('20200917.22.REL');
    expect(identity.apiVersion).toBeNull();
  });

  it('says the model is not reported rather than guessing one', () => {
    expect(identityFromReplies('h', 4028, { devdetails: null, getVersion: null, summary: null }).model).toBe(
      'Whatsminer (model not reported)',
    );
  });
});
