import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { startFarm } from './farm.js';
import type { Farm } from './farm.js';
import { MODEL_NAMES } from './models.js';
import { askJson, askRaw } from './sim-client.js';

// This file owns 127.0.60.0/24.
const FIRST = '127.0.60.10';
let farm: Farm;

beforeAll(async () => {
  farm = await startFarm({ count: 5, firstHost: FIRST, seed: 42, clock: new ManualClock() });
});
afterAll(async () => {
  await farm.stop();
});

const text = (bytes: Buffer): string => bytes.toString('utf8');

describe('cgminer API over TCP', () => {
  it('answers a JSON request with no terminator on a half-open socket, ends the reply with NUL and closes', async () => {
    const { bytes } = await askRaw(FIRST, '{"command":"summary"}');
    expect(bytes.at(-1)).toBe(0);
    expect(bytes.indexOf(0)).toBe(bytes.length - 1);
    const reply = JSON.parse(text(bytes).slice(0, -1)) as { STATUS: { STATUS: string }[]; SUMMARY: unknown[] };
    expect(reply.STATUS[0]?.STATUS).toBe('S');
    expect(reply.SUMMARY).toHaveLength(1);
  });

  it('answers a request ended by a newline, and one ended by the client half-closing', async () => {
    const newline = await askRaw(FIRST, '{"command":"version"}\n');
    const halfClosed = await askRaw(FIRST, '{"command":"version"}', { halfClose: true });
    expect(text(newline.bytes)).toContain('"Type":"Antminer S19 Pro"');
    expect(text(halfClosed.bytes)).toBe(text(newline.bytes));
  });

  it('assembles a JSON request that arrives in several writes', async () => {
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect({ host: FIRST, port: 4028 }, () => {
        socket.write('{"comm');
        setTimeout(() => socket.write('and":"pools"}'), 50);
      });
      const parts: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => parts.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(parts)));
      socket.on('error', reject);
    });
    expect(text(bytes)).toContain('"POOLS":[');
  });

  it('answers plain-text "cmd|param" requests in text format, with or without a terminator', async () => {
    const withNewline = text((await askRaw(FIRST, 'pools|0\n')).bytes);
    const bare = text((await askRaw(FIRST, 'summary')).bytes);
    expect(withNewline).toMatch(/^STATUS=S,When=\d+,Code=7,Msg=3 Pool\(s\),Description=cgminer 1\.0\.0\|POOL=0,/);
    expect(withNewline.endsWith('|\0')).toBe(true);
    expect(bare).toMatch(/\|SUMMARY,Elapsed=\d+,GHS 5s=[\d.]+,/);
  });

  it('answers a "+" multi-command with each reply under its own name', async () => {
    const reply = await askJson(FIRST, 'summary+devs+stats');
    expect(Object.keys(reply)).toEqual(['summary', 'devs', 'stats', 'id']);
    expect((reply.stats as { STATS: unknown[] }[])[0]?.STATS).toHaveLength(2);
    expect(reply.id).toBe(1);
  });

  it('answers an unknown command with STATUS E code 14, and broken JSON with code 23', async () => {
    const unknown = await askJson(FIRST, 'frobnicate');
    expect(unknown.STATUS).toEqual([expect.objectContaining({ STATUS: 'E', Code: 14, Msg: 'Invalid command' })]);
    const broken = text((await askRaw(FIRST, '{"command":\n')).bytes);
    expect(JSON.parse(broken.slice(0, -1))).toMatchObject({ STATUS: [{ STATUS: 'E', Code: 23, Msg: 'Invalid JSON' }] });
  });

  it('closes quietly on a client that connects and leaves without asking, and keeps serving', async () => {
    const empty = await askRaw(FIRST, '', { halfClose: true });
    expect(empty.bytes).toHaveLength(0);
    expect((await askJson(FIRST, 'version')).VERSION).toHaveLength(1);
  });

  it('puts each catalog model on its own address, identified by version like the real firmware', async () => {
    const types = await Promise.all(
      farm.rigs.map(async (rig) => ((await askJson(rig.host, 'version')).VERSION as { Type: string }[])[0]?.Type),
    );
    expect(types).toEqual([...MODEL_NAMES]);
  });

  it('serves many clients at once', async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_unused, index) => askJson(farm.rigs[index % 5]?.host ?? FIRST, 'stats')),
    );
    expect(replies.every((reply) => (reply.STATS as unknown[]).length === 2)).toBe(true);
  });
});
