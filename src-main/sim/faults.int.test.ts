import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { startFarm } from './farm.js';
import type { Farm } from './farm.js';
import { askJson, askRaw } from './sim-client.js';

// This file owns 127.0.61.0/24.
const clock = new ManualClock();
let farm: Farm;

beforeAll(async () => {
  farm = await startFarm({ count: 2, firstHost: '127.0.61.10', seed: 9, clock, models: ['Antminer S19 Pro'] });
});
afterEach(async () => {
  for (const rig of farm.rigs) await rig.clearAllFaults();
});
afterAll(async () => {
  await farm.stop();
});

function rig(index = 0): NonNullable<Farm['rigs'][number]> {
  const found = farm.rigs[index];
  if (!found) throw new Error(`no rig ${index}`);
  return found;
}

async function stats(host: string): Promise<Record<string, unknown>> {
  const reply = await askJson(host, 'stats');
  return (reply.STATS as Record<string, unknown>[])[1] ?? {};
}

const refused = (host: string): Promise<unknown> => askRaw(host, '{"command":"version"}', { timeoutMs: 2000 });

describe('faults over the wire', () => {
  it('refuses connections while unreachable and listens again on the same address when cleared', async () => {
    const target = rig();
    await target.injectFault({ kind: 'unreachable' });
    expect(target.listening).toBe(false);
    await expect(refused(target.host)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await target.clearFault('unreachable');
    expect((await askJson(target.host, 'version')).VERSION).toHaveLength(1);
    expect(target.port).toBe(4028);
  });

  it('drops connections that were open when the rig became unreachable', async () => {
    const target = rig();
    await target.injectFault({ kind: 'hang' });
    const startedAt = Date.now();
    const pending = askRaw(target.host, '{"command":"stats"}', { timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await target.injectFault({ kind: 'unreachable' });
    // Dropped means the client hears about it at once (reset or close with no reply), not after its own timeout.
    const received = await pending.then(
      (exchange) => exchange.bytes.length,
      (error: unknown) => (error instanceof Error && /no complete reply/.test(error.message) ? 'timed out' : 0),
    );
    expect(received).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('reports a dead board as rate 0 with every chip x', async () => {
    await rig().injectFault({ kind: 'deadBoard', board: 0 });
    const dead = await stats(rig().host);
    expect(dead.chain_rate1).toBe('0.00');
    expect(dead.chain_acs1).not.toContain('o');
    expect(Number(dead['GHS 5s'])).toBeLessThan(80_000);
  });

  it('shows a failing fan at almost no rpm and the chips heating up', async () => {
    const before = await stats(rig().host);
    await rig().injectFault({ kind: 'failingFan', fan: 0 });
    clock.advance(15 * 60_000);
    const after = await stats(rig().host);
    expect(after.fan1).toBeLessThan(300);
    expect(after.temp2_1).toBeGreaterThan(before.temp2_1 as number);
  });

  it('lets temperatures climb during thermal runaway', async () => {
    await rig(1).injectFault({ kind: 'overheat' });
    const first = await stats(rig(1).host);
    clock.advance(5 * 60_000);
    const later = await stats(rig(1).host);
    expect(later.temp2_1).toBeGreaterThan((first.temp2_1 as number) + 10);
  });

  it('delays replies by the injected delay', async () => {
    await rig().injectFault({ kind: 'slowReplies', delayMs: 400 });
    const slow = await askRaw(rig().host, '{"command":"summary"}');
    expect(slow.elapsedMs).toBeGreaterThanOrEqual(390);
    expect(slow.bytes.at(-1)).toBe(0);
  });

  it('sends garbage that no JSON parser accepts', async () => {
    await rig().injectFault({ kind: 'garbageReplies' });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const { bytes } = await askRaw(rig().host, '{"command":"summary"}');
      expect(bytes.length).toBeGreaterThan(0);
      expect(() => JSON.parse(bytes.toString('utf8').replace(/\0$/, '')) as unknown).toThrow();
    }
  });

  it('accepts and reads but never answers while hung, and answers again once cleared', async () => {
    await rig().injectFault({ kind: 'hang' });
    await expect(askRaw(rig().host, '{"command":"summary"}', { timeoutMs: 600 })).rejects.toThrow(/no complete reply/);
    await rig().clearFault('hang');
    expect((await askJson(rig().host, 'summary')).SUMMARY).toHaveLength(1);
  });

  it('trickles the reply a few bytes at a time but delivers all of it', async () => {
    await rig().injectFault({ kind: 'trickle', chunkBytes: 200, intervalMs: 5 });
    const { bytes, chunks } = await askRaw(rig().host, '{"command":"pools"}');
    expect(chunks).toBeGreaterThan(5);
    expect(JSON.parse(bytes.toString('utf8').slice(0, -1))).toMatchObject({ id: 1 });
  });

  it('sends a multi-MiB reply that is still valid JSON', async () => {
    await rig().injectFault({ kind: 'oversized', sizeBytes: 4 * 1024 * 1024 });
    const { bytes } = await askRaw(rig().host, '{"command":"summary"}');
    expect(bytes.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(JSON.parse(bytes.toString('utf8').slice(0, -1))).toMatchObject({ SUMMARY: [expect.any(Object)] });
  });
});
