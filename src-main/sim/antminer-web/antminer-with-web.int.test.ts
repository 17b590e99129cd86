// The web-enabled Antminer simulator over real sockets, without the driver: auth on every route, the effect of the
// web conf on the cgminer API, reboot, and network faults on both interfaces. Loopback block 127.0.24.0/24, .40-.44.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askJson } from '../sim-client.js';
import { ANTMINER_REALM, startAntminerWebRigs, type AntminerWebRigs } from './index.js';

const WEB_PORT = process.getuid?.() === 0 ? 80 : 18_080;
let farm: AntminerWebRigs;

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** One CGI call, answering the Digest challenge by hand (RFC 2617), independent of the driver's client. */
async function cgi(host: string, path: string, password = 'root', init: { method?: string; body?: string } = {}) {
  const url = `http://${host}:${WEB_PORT}${path}`;
  const method = init.method ?? 'GET';
  const first = await fetch(url, { method, ...(init.body === undefined ? {} : { body: init.body }) });
  await first.text();
  const nonce = /nonce="([^"]+)"/.exec(first.headers.get('www-authenticate') ?? '')?.[1] ?? '';
  const ha1 = md5(`root:${ANTMINER_REALM}:${password}`);
  const response = md5(`${ha1}:${nonce}:00000001:abc:auth:${md5(`${method}:${path}`)}`);
  const authorization =
    `Digest username="root", realm="${ANTMINER_REALM}", nonce="${nonce}", uri="${path}", response="${response}", ` +
    'qop=auth, nc=00000001, cnonce="abc"';
  const second = await fetch(url, {
    method,
    headers: { Authorization: authorization },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return { first: first.status, status: second.status, text: await second.text() };
}

beforeAll(async () => {
  farm = await startAntminerWebRigs({
    count: 3,
    firstHost: '127.0.24.40',
    seed: 40,
    webPort: WEB_PORT,
    rebootDelayMs: 200,
  });
});

afterAll(async () => {
  await farm.stop();
});

describe('AntminerWithWeb', () => {
  it('asks every CGI for Digest auth and serves the conf in the real raw format once answered', async () => {
    const reply = await cgi('127.0.24.40', '/cgi-bin/get_miner_conf.cgi');
    expect(reply.first).toBe(401);
    expect(reply.status).toBe(200);
    expect(reply.text.startsWith('\n\n{\n"pools" : [\n{\n"url" : "stratum+tcp://btc.pool-a.test:3333",')).toBe(true);
    expect(reply.text).toContain('"bitmain-work-mode" : "0"');
  });

  it('refuses a wrong password with another 401 and leaves the conf alone', async () => {
    const body = JSON.stringify({ 'miner-mode': 1, pools: [{ url: 'a', user: 'b', pass: 'c' }, {}, {}] });
    const reply = await cgi('127.0.24.40', '/cgi-bin/set_miner_conf.cgi', 'wrong', { method: 'POST', body });
    expect(reply.status).toBe(401);
    expect(farm.rigs[0]?.webConf().workMode).toBe(0);
  });

  it('shows new pools in the cgminer API and stops hashing in sleep mode', async () => {
    const pools = [
      { url: 'pool-z.test:700', user: 'z.1', pass: 'x' },
      { url: '', user: '', pass: '' },
      { url: '', user: '', pass: '' },
    ];
    const body = JSON.stringify({
      'freq-level': '100',
      'miner-mode': 1,
      'bitmain-fan-pwm': '100',
      'bitmain-fan-ctrl': false,
      pools,
    });
    expect((await cgi('127.0.24.41', '/cgi-bin/set_miner_conf.cgi', 'root', { method: 'POST', body })).text).toBe('ok');
    const reply = await askJson('127.0.24.41', 'pools+summary');
    const poolsPart = (reply['pools'] as { POOLS: { URL: string; User: string }[] }[])[0];
    expect(poolsPart?.POOLS.map((pool) => [pool.URL, pool.User])).toEqual([['stratum+tcp://pool-z.test:700', 'z.1']]);
    const summary = (reply['summary'] as { SUMMARY: Record<string, number>[] }[])[0]?.SUMMARY[0];
    expect(summary?.['GHS 5s']).toBe(0);
    expect(farm.rigs[1]?.readState().hashrateThs).toBe(0);
  });

  it('reboots: both interfaces go down, then the API answers with a fresh uptime', async () => {
    expect((await cgi('127.0.24.42', '/cgi-bin/reboot.cgi')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(askJson('127.0.24.42', 'summary')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const summary = (await askJson('127.0.24.42', 'summary'))['SUMMARY'] as { Elapsed: number }[];
    expect(summary[0]?.Elapsed).toBeLessThan(60);
  });

  it('takes both interfaces off the network while unreachable, and back when cleared', async () => {
    await farm.rigs[0]?.injectFault({ kind: 'unreachable' });
    await expect(fetch(`http://127.0.24.40:${WEB_PORT}/`)).rejects.toThrow();
    await expect(askJson('127.0.24.40', 'version')).rejects.toThrow();
    await farm.rigs[0]?.clearFault('unreachable');
    expect((await cgi('127.0.24.40', '/cgi-bin/get_miner_conf.cgi')).status).toBe(200);
    expect(await askJson('127.0.24.40', 'version')).toHaveProperty('VERSION');
  });

  it('keeps a test-injected dead board dead after the rig wakes from sleep', async () => {
    const rig = farm.rigs[1];
    await rig?.injectFault({ kind: 'deadBoard', board: 2 });
    const pools = rig?.webConf().pools ?? [];
    const body = JSON.stringify({
      'freq-level': '100',
      'miner-mode': 0,
      'bitmain-fan-pwm': '100',
      'bitmain-fan-ctrl': false,
      pools,
    });
    await cgi('127.0.24.41', '/cgi-bin/set_miner_conf.cgi', 'root', { method: 'POST', body });
    expect(rig?.readState().boards.map((board) => board.dead)).toEqual([false, false, true]);
  });
});
