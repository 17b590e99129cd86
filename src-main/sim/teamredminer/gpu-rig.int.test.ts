// The GPU-rig simulator over real sockets: framing, NUL, network faults. Loopback block 127.0.24.0/24, .50-.54.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askJson, askRaw } from '../sim-client.js';
import { startTeamRedMinerRigs, type GpuRigs } from './index.js';

let farm: GpuRigs;

beforeAll(async () => {
  farm = await startTeamRedMinerRigs({ count: 2, firstHost: '127.0.24.50', seed: 50, gpus: 3 });
});

afterAll(async () => {
  await farm.stop();
});

describe('GpuMinerRig', () => {
  it('answers a JSON multi-command, NUL-terminated, as HiveOS asks TeamRedMiner (summary+devs)', async () => {
    const raw = await askRaw('127.0.24.50', '{"command":"summary+devs"}');
    const text = raw.bytes.toString('utf8');
    expect(text.endsWith('\0')).toBe(true);
    const reply = JSON.parse(text.slice(0, -1)) as Record<
      string,
      { DEVS?: unknown[]; SUMMARY?: Record<string, number>[] }[]
    >;
    expect(reply['devs']?.[0]?.DEVS).toHaveLength(3);
    expect(reply['summary']?.[0]?.SUMMARY?.[0]?.['KHS 30s']).toBeGreaterThan(30_000);
  });

  it('answers the text format too', async () => {
    const raw = await askRaw('127.0.24.50', 'summary', { halfClose: true });
    expect(raw.bytes.toString('utf8')).toMatch(
      /^STATUS=S,When=\d+,Code=11,Msg=Summary,Description=TeamRedMiner 0\.3\.10\|SUMMARY,Elapsed=/,
    );
  });

  it('refuses connections while unreachable and serves again once cleared', async () => {
    await farm.rigs[1]?.injectFault({ kind: 'unreachable' });
    await expect(askJson('127.0.24.51', 'summary')).rejects.toThrow();
    await farm.rigs[1]?.clearFault('unreachable');
    expect(await askJson('127.0.24.51', 'summary')).toHaveProperty('SUMMARY');
  });

  it('sends garbage, slow and trickled replies when told to', async () => {
    const rig = farm.rigs[1];
    await rig?.injectFault({ kind: 'garbageReplies' });
    await expect(askJson('127.0.24.51', 'devs')).rejects.toThrow();
    await rig?.clearFault('garbageReplies');
    await rig?.injectFault({ kind: 'slowReplies', delayMs: 300 });
    expect((await askRaw('127.0.24.51', '{"command":"version"}')).elapsedMs).toBeGreaterThanOrEqual(280);
    await rig?.clearFault('slowReplies');
    await rig?.injectFault({ kind: 'trickle', chunkBytes: 64, intervalMs: 1 });
    expect((await askRaw('127.0.24.51', '{"command":"devs"}')).chunks).toBeGreaterThan(5);
    await rig?.clearFault('trickle');
  });

  it('refuses a degraded-board fault, which a GPU cannot have', async () => {
    await expect(farm.rigs[0]?.injectFault({ kind: 'degradedBoard', board: 0, failedChips: 3 })).rejects.toThrow(
      RangeError,
    );
  });
});
