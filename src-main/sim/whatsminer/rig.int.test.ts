// Virtual Whatsminers over real sockets on 127.0.25.0/24: the privileged-command flow as a client that implements it
// independently of the driver's session code would run it, and the network faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptText, deriveKeys, encryptText, type TokenParts } from '../../core/drivers/whatsminer/cipher.js';
import { askRaw } from '../sim-client.js';
import { startWhatsminerRigs, type WhatsminerRigs } from './farm.js';

const PASSWORD = 'my-auth-password';
let rigs: WhatsminerRigs;

beforeAll(async () => {
  rigs = await startWhatsminerRigs({ count: 4, firstHost: '127.0.25.10', seed: 25, adminPassword: PASSWORD });
});

afterAll(async () => {
  await rigs.stop();
});

function host(index: number): string {
  return rigs.rigs[index]?.host ?? '';
}

async function ask(at: string, payload: string): Promise<string> {
  return (await askRaw(at, payload, { timeoutMs: 3000 })).bytes.toString('utf8');
}

async function token(at: string, form: 'cmd' | 'command' = 'cmd'): Promise<TokenParts> {
  const reply = JSON.parse(await ask(at, JSON.stringify({ [form]: 'get_token' }))) as {
    Code: number;
    Msg: { time: string; salt: string; newsalt: string };
  };
  expect(reply.Code).toBe(134);
  return { time: reply.Msg.time, salt: reply.Msg.salt, newSalt: reply.Msg.newsalt };
}

async function privileged(at: string, password: string, command: Record<string, string>) {
  const keys = deriveKeys(password, await token(at));
  const data = encryptText(JSON.stringify({ ...command, token: keys.hostSign }), keys.aesKey);
  const raw = await ask(at, JSON.stringify({ enc: 1, data }));
  const reply = JSON.parse(raw) as Record<string, unknown>;
  const plain = typeof reply['enc'] === 'string' ? decryptText(reply['enc'], keys.aesKey) : null;
  return { reply, plain: plain === null ? null : (JSON.parse(plain) as Record<string, unknown>) };
}

describe('privileged commands', () => {
  it('hands out tokens to {"cmd":...} and {"command":...} requests alike, with the rig salt each time', async () => {
    const first = await token(host(0), 'cmd');
    const second = await token(host(0), 'command');
    expect(first.salt).toBe(second.salt);
    expect(first.newSalt).not.toBe(second.newSalt);
    expect(first.time).toMatch(/^\d{4}$/);
  });

  it('accepts update_pools encrypted with the admin password and answers in kind, as the real rig did', async () => {
    const { plain } = await privileged(host(0), PASSWORD, {
      cmd: 'update_pools',
      pool1: 'stratum+tcp://a.test:3333',
      worker1: 'w1',
      passwd1: 'x',
      pool2: '',
      worker2: '',
      passwd2: '',
      pool3: '',
      worker3: '',
      passwd3: '',
    });
    expect(plain).toMatchObject({ STATUS: 'S', Code: 131, Msg: '', Description: 'whatsminer v1.1' });
    expect(rigs.rigs[0]?.readState().pools).toEqual([{ url: 'stratum+tcp://a.test:3333', user: 'w1', password: 'x' }]);
  });

  it('answers a command made with another password with a plain "check token error" and changes nothing', async () => {
    const before = rigs.rigs[1]?.readState().powerLimitW;
    const { reply, plain } = await privileged(host(1), 'admin', { cmd: 'adjust_power_limit', power_limit: '2000' });
    expect(plain).toBeNull();
    expect(reply).toMatchObject({ STATUS: 'E', Code: 135, Msg: 'check token error' });
    expect(rigs.rigs[1]?.readState().powerLimitW).toBe(before);
  });

  it('refuses a token it never issued, and data that is not base64', async () => {
    const keys = deriveKeys(PASSWORD, await token(host(1)));
    const forged = encryptText(JSON.stringify({ cmd: 'restart_btminer', token: 'forged' }), keys.aesKey);
    expect(JSON.parse(await ask(host(1), JSON.stringify({ enc: 1, data: forged })))).toMatchObject({ Code: 135 });
    expect(JSON.parse(await ask(host(1), '{"enc":1,"data":"***"}'))).toMatchObject({ Code: 137 });
  });

  it('refuses writes with the real encrypted "can\'t access write cmd" when API write access is off', async () => {
    const locked = await startWhatsminerRigs({ count: 1, firstHost: '127.0.25.60', seed: 1, writeAccess: false });
    try {
      const { plain } = await privileged('127.0.25.60', 'admin', { cmd: 'restart_btminer' });
      expect(plain).toMatchObject({ STATUS: 'E', Code: 45, Msg: "can't access write cmd" });
    } finally {
      await locked.stop();
    }
  });

  it('gives one client address at most 32 live tokens', async () => {
    const at = '127.0.25.61';
    const one = await startWhatsminerRigs({ count: 1, firstHost: at, seed: 2 });
    try {
      for (let index = 0; index < 32; index += 1) await token(at);
      expect(JSON.parse(await ask(at, '{"cmd":"get_token"}'))).toMatchObject({ STATUS: 'E', Code: 136 });
    } finally {
      await one.stop();
    }
  });
});

describe('network faults', () => {
  it('refuses connections while unreachable and answers again once cleared', async () => {
    const rig = rigs.rigs[2];
    await rig?.injectFault({ kind: 'unreachable' });
    await expect(ask(host(2), '{"command":"summary"}')).rejects.toThrow(/ECONNREFUSED/);
    await rig?.clearFault('unreachable');
    expect(await ask(host(2), '{"command":"summary"}')).toContain('"SUMMARY"');
  });

  it('delays, trickles, pads and garbles replies as told', async () => {
    const rig = rigs.rigs[3];
    await rig?.injectFault({ kind: 'slowReplies', delayMs: 200 });
    expect((await askRaw(host(3), '{"command":"get_version"}')).elapsedMs).toBeGreaterThanOrEqual(190);
    await rig?.clearFault('slowReplies');
    await rig?.injectFault({ kind: 'trickle', chunkBytes: 40, intervalMs: 1 });
    expect((await askRaw(host(3), '{"command":"get_version"}')).chunks).toBeGreaterThan(3);
    await rig?.clearFault('trickle');
    await rig?.injectFault({ kind: 'oversized', sizeBytes: 300_000 });
    expect((await askRaw(host(3), '{"command":"pools"}')).bytes.length).toBeGreaterThan(300_000);
    await rig?.clearFault('oversized');
    await rig?.injectFault({ kind: 'garbageReplies' });
    const garbled = await ask(host(3), '{"command":"summary"}');
    expect(() => JSON.parse(garbled.replace(/\0$/, '')) as unknown).toThrow();
    await rig?.clearFault('garbageReplies');
  });

  it('reads the request and never answers while hung', async () => {
    const rig = rigs.rigs[3];
    await rig?.injectFault({ kind: 'hang' });
    await expect(askRaw(host(3), '{"command":"summary"}', { timeoutMs: 300 })).rejects.toThrow(/no complete reply/);
    await rig?.clearFault('hang');
  });
});
