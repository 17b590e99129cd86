import { describe, expect, it } from 'vitest';
import { aesKeyFor, decryptText, deriveKeys, encryptText, privilegedRequest } from './cipher.js';
import {
  FIXTURE_ADMIN_PASSWORD,
  FIXTURE_POOLS,
  NO_WRITE_ACCESS_REPLY_TEXT,
  UPDATE_POOLS_REPLY_TEXT,
  UPDATE_POOLS_REQUEST_DATA,
} from './fixtures/privileged.js';

const TOKEN = { time: '6915', salt: 'BQ5hoXV9', newSalt: 'a5TtWui2' };

function encOf(replyText: string): string {
  return (JSON.parse(replyText) as { enc: string }).enc;
}

describe('the real Whatsminer privileged exchange (Foreman WhatsminerChangePoolsITest)', () => {
  const keys = deriveKeys(FIXTURE_ADMIN_PASSWORD, TOKEN);

  it('decrypts the captured request to an update_pools command carrying the token derived from get_token', () => {
    const plaintext = decryptText(UPDATE_POOLS_REQUEST_DATA, keys.aesKey);
    const command = JSON.parse(plaintext ?? 'null') as Record<string, string>;
    expect(command['cmd']).toBe('update_pools');
    expect(command['pool1']).toBe('stratum+tcp://my-test-pool1.com:5588');
    expect(command['worker3']).toBe('my-test-username3');
    expect(command['token']).toBe(keys.hostSign);
    expect(keys.hostSign).toBe('.8Wiv910uBxIJcqnY6BFC.');
  });

  it('encrypts the same command to the very bytes the real client sent (ECB with zero padding is deterministic)', () => {
    const command: Record<string, string> = { cmd: 'update_pools' };
    FIXTURE_POOLS.forEach((pool, index) => {
      command[`pool${index + 1}`] = pool.url;
      command[`worker${index + 1}`] = pool.user;
      command[`passwd${index + 1}`] = pool.password;
    });
    expect(JSON.parse(privilegedRequest(command, keys))).toEqual({ enc: 1, data: UPDATE_POOLS_REQUEST_DATA });
  });

  it("decrypts the rig's encrypted replies: the accepted update and the refusal when write access is off", () => {
    expect(JSON.parse(decryptText(encOf(UPDATE_POOLS_REPLY_TEXT), keys.aesKey) ?? 'null')).toEqual({
      STATUS: 'S',
      When: 1608417125,
      Code: 131,
      Msg: '',
      Description: 'whatsminer v1.1',
    });
    expect(JSON.parse(decryptText(encOf(NO_WRITE_ACCESS_REPLY_TEXT), keys.aesKey) ?? 'null')).toMatchObject({
      STATUS: 'E',
      Code: 45,
      Msg: "can't access write cmd",
    });
  });

  it("does not read the exchange with pyasic's default password 'admin'", () => {
    const wrong = deriveKeys('admin', TOKEN);
    const plaintext = decryptText(UPDATE_POOLS_REQUEST_DATA, wrong.aesKey);
    expect(plaintext?.startsWith('{"cmd"')).toBe(false);
  });
});

describe('encryptText and decryptText', () => {
  const key = aesKeyFor('some-password-hash');

  it('round-trips text of every length around the 16-byte block edge', () => {
    for (const length of [0, 1, 15, 16, 17, 31, 32, 33, 200]) {
      const text = 'x'.repeat(length);
      expect(decryptText(encryptText(text, key), key) ?? '').toBe(text);
    }
  });

  it('adds no padding block when the plaintext already fills whole blocks', () => {
    expect(Buffer.from(encryptText('y'.repeat(32), key), 'base64')).toHaveLength(32);
    expect(Buffer.from(encryptText('y'.repeat(33), key), 'base64')).toHaveLength(48);
  });

  it('refuses text that is not base64 of whole blocks instead of throwing', () => {
    expect(decryptText('', key)).toBeNull();
    expect(decryptText('not base64 at all!', key)).toBeNull();
    expect(decryptText(Buffer.alloc(15).toString('base64'), key)).toBeNull();
    expect(decryptText('A'.repeat(70_000), key)).toBeNull();
  });
});
