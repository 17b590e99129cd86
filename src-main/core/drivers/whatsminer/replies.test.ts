import { describe, expect, it } from 'vitest';
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import { parseLenientJson } from '../cgminer/parse.js';
import { aesKeyFor, deriveKeys } from './cipher.js';
import {
  FIXTURE_ADMIN_PASSWORD,
  GET_TOKEN_REPLY_TEXT,
  NO_WRITE_ACCESS_REPLY_TEXT,
  UPDATE_POOLS_REPLY_TEXT,
} from './fixtures/privileged.js';
import { btminerStatus, privilegedOutcome, tokenFromReply } from './replies.js';

const KEY = deriveKeys(FIXTURE_ADMIN_PASSWORD, { time: '6915', salt: 'BQ5hoXV9', newSalt: 'a5TtWui2' }).aesKey;
const WRONG_KEY = aesKeyFor('not-the-rigs-password-hash');

describe('tokenFromReply', () => {
  it('reads time, salt and newsalt from the real get_token reply', () => {
    const reply = parseLenientJson(GET_TOKEN_REPLY_TEXT);
    expect(reply.ok && tokenFromReply(reply.value)).toEqual({ time: '6915', salt: 'BQ5hoXV9', newSalt: 'a5TtWui2' });
  });

  it('turns "over max connect" into an error that says to wait, and odd salts into a bad reply', () => {
    expect(tokenFromReply({ STATUS: 'S', Code: 134, Msg: 'over max connect' })).toMatchObject({ code: 'RIG_ERROR' });
    const odd = tokenFromReply({ STATUS: 'S', Code: 134, Msg: { time: '1', salt: 'a$b', newsalt: 'c' } });
    expect(odd).toBeInstanceOf(RigwiseError);
    expect(odd).toMatchObject({ code: 'RIG_BAD_REPLY' });
  });
});

describe('privilegedOutcome', () => {
  it('accepts the real encrypted acceptance of update_pools', () => {
    expect(privilegedOutcome(UPDATE_POOLS_REPLY_TEXT, KEY, 'update_pools')).toMatchObject({
      kind: 'accepted',
      reply: { STATUS: 'S', Code: 131 },
    });
  });

  it('turns the real "can\'t access write cmd" refusal into UNAUTHORIZED that names WhatsMinerTool', () => {
    const outcome = privilegedOutcome(NO_WRITE_ACCESS_REPLY_TEXT, KEY, 'update_pools');
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.error.code).toBe('UNAUTHORIZED');
    expect(outcome.kind === 'refused' && outcome.error.message).toContain('WhatsMinerTool');
  });

  it('treats a reply it cannot decrypt with its key as a rejected token (a wrong password)', () => {
    expect(privilegedOutcome(UPDATE_POOLS_REPLY_TEXT, WRONG_KEY, 'update_pools')).toEqual({ kind: 'token-rejected' });
    expect(privilegedOutcome('{"enc":"%%%"}', KEY, 'update_pools')).toEqual({ kind: 'token-rejected' });
  });

  it('reads plain btminer errors: 135 is a rejected token, 136 and 14 are rig errors', () => {
    const plain = (code: number, msg: string): string =>
      JSON.stringify({ STATUS: 'E', When: 1, Code: code, Msg: msg, Description: 'whatsminer v1.1' });
    expect(privilegedOutcome(plain(135, 'check token error'), KEY, 'x')).toEqual({ kind: 'token-rejected' });
    expect(privilegedOutcome(plain(136, 'token over max times'), KEY, 'x')).toMatchObject({
      kind: 'refused',
      error: { code: 'RIG_ERROR' },
    });
    const unknown = privilegedOutcome(plain(14, 'invalid cmd'), KEY, 'adjust_power_limit');
    expect(unknown.kind === 'refused' && unknown.error.message).toContain('adjust_power_limit');
  });

  it('turns a reply that is not JSON into RIG_BAD_REPLY', () => {
    expect(privilegedOutcome('\u00ff\u0001garbage', KEY, 'x')).toMatchObject({
      kind: 'refused',
      error: { code: 'RIG_BAD_REPLY' },
    });
  });
});

describe('btminerStatus', () => {
  it('reads the flat STATUS of btminer replies and the array STATUS of cgminer ones', () => {
    expect(btminerStatus({ STATUS: 'E', Code: 45, Msg: "can't access write cmd" })).toEqual({
      ok: false,
      code: 45,
      message: "can't access write cmd",
    });
    expect(btminerStatus({ STATUS: [{ STATUS: 'S', Code: 11, Msg: 'Summary' }] })).toEqual({
      ok: true,
      code: 11,
      message: 'Summary',
    });
  });
});
