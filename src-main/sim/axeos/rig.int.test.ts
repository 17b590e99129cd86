// The virtual AxeOS rig's HTTP behaviour, byte-level, over real sockets. Loopback block: 127.0.21.70-79.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAxeosRigs, type AxeosRigs } from './farm.js';

let rigs: AxeosRigs;
const url = (path: string, host = '127.0.21.70') => `http://${host}${path}`;

beforeAll(async () => {
  rigs = await startAxeosRigs({ count: 2, firstHost: '127.0.21.70', seed: 70, models: ['Bitaxe Gamma', 'NerdQAxe++'] });
});

afterAll(async () => {
  await rigs.stop();
});

describe('VirtualBitaxe over HTTP', () => {
  it('serves the AxeOS page at / and redirects other pages there, as the captive portal does', async () => {
    const page = await fetch(url('/'));
    expect(await page.text()).toContain('AxeOS');
    const other = await fetch(url('/settings'), { redirect: 'manual' });
    expect(other.status).toBe(302);
    expect(other.headers.get('location')).toBe('/');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const reply = await fetch(url('/api/system/nothing'));
    expect(reply.status).toBe(404);
    expect(await reply.json()).toEqual({ error: 'unknown route' });
  });

  it('refuses a PATCH with a wrongly typed value on ESP-Miner and stores nothing from it', async () => {
    const [gamma] = rigs.rigs;
    const reply = await fetch(url('/api/system'), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ frequency: 600, coreVoltage: '1200' }),
    });
    expect(reply.status).toBe(400);
    expect(await reply.text()).toBe('Wrong API input');
    expect(gamma?.readState().frequencyMhz).toBe(525);
  });

  it('answers a valid PATCH with 200 and an empty body, and the clock takes effect', async () => {
    const [gamma] = rigs.rigs;
    const reply = await fetch(url('/api/system'), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ frequency: 490 }),
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toBe('');
    expect(gamma?.readState().frequencyMhz).toBe(490);
  });

  it('serves the NerdQAxe info with its per-ASIC temperatures', async () => {
    const info = (await (await fetch(url('/api/system/info', '127.0.21.71'))).json()) as Record<string, unknown>;
    expect(info['deviceModel']).toBe('NerdQAxe++');
    expect(info['asicTemps']).toHaveLength(4);
  });

  it('refuses a fault the board cannot have, loudly', async () => {
    await expect(rigs.rigs[0]?.injectFault({ kind: 'failingFan', fan: 1 })).rejects.toThrow(RangeError);
    await expect(rigs.rigs[0]?.injectFault({ kind: 'degradedBoard', board: 0, failedChips: 2 })).rejects.toThrow(
      /1 ASIC/,
    );
  });
});
