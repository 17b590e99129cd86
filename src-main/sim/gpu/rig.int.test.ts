// The GPU rig simulator over real sockets (loopback 127.0.22.100-119): raw HTTP as any client would see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGpuRigs, type GpuRigs } from './index.js';

let group: GpuRigs;

beforeAll(async () => {
  group = await startGpuRigs({
    count: 4,
    firstHost: '127.0.22.100',
    seed: 101,
    miner: ['trex', 'lolminer', 'gminer', 'srbminer'],
    port: 0,
  });
});

afterAll(async () => {
  await group.stop();
});

async function fetchText(host: string, port: number, path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://${host}:${port}${path}`, { signal: AbortSignal.timeout(3000) });
  return { status: response.status, text: await response.text() };
}

describe('VirtualGpuRig over HTTP', () => {
  it('serves each miner its own JSON on its own path, on the port it was given', async () => {
    const paths = ['/summary', '/summary', '/stat', '/'];
    const replies = await Promise.all(
      group.rigs.map((rig, index) => fetchText(rig.host, rig.port, paths[index] ?? '/')),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    expect(JSON.parse(replies[0]?.text ?? '{}')).toMatchObject({ name: 't-rex' });
    expect(JSON.parse(replies[1]?.text ?? '{}')).toHaveProperty('Software', 'lolMiner 1.16a');
    expect(JSON.parse(replies[2]?.text ?? '{}')).toHaveProperty('miner', 'GMiner 1.34');
    expect(JSON.parse(replies[3]?.text ?? '{}')).toHaveProperty('miner_version', '0.5.6');
  });

  it('refuses connections while unreachable and serves again once the fault is cleared', async () => {
    const rig = group.rigs[1];
    if (!rig) throw new Error('missing rig');
    await rig.injectFault({ kind: 'unreachable' });
    await expect(fetchText(rig.host, rig.port, '/summary')).rejects.toThrow();
    await rig.clearFault('unreachable');
    expect((await fetchText(rig.host, rig.port, '/summary')).status).toBe(200);
  });

  it('rejects faults that do not fit the rig', async () => {
    const rig = group.rigs[0];
    if (!rig) throw new Error('missing rig');
    await expect(rig.injectFault({ kind: 'deadBoard', board: 4 })).rejects.toThrow(RangeError);
    await expect(rig.injectFault({ kind: 'degradedBoard', board: 0, failedChips: 3 })).rejects.toThrow(RangeError);
  });

  it('stops every server, and a second stop is harmless', async () => {
    const extra = await startGpuRigs({ count: 2, firstHost: '127.0.22.110', miner: 'gminer', port: 0 });
    const [first] = extra.rigs;
    await extra.stop();
    await extra.stop();
    await expect(fetchText(first?.host ?? '', first?.port ?? 1, '/stat')).rejects.toThrow();
  });
});
