import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { askJson, askRaw } from './sim-client.js';

// This file owns 127.0.69.0/24.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function runCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(TSX, ['src-main/sim/cli.ts', ...args], { cwd: ROOT });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('simulator CLI', () => {
  it('starts the rigs, takes fault commands on stdin, and exits 0 with every address released on SIGTERM', async () => {
    const cli = runCli(['--count', '3', '--start', '127.0.69.10', '--seed', '5']);
    try {
      await waitFor(() => cli.output().includes('rigs up'), 'the summary line');
      expect(cli.output()).toContain('127.0.69.12:4028');
      expect(cli.output()).toMatch(/3 rigs up on 127\.0\.69\.10 \.\. 127\.0\.69\.12 port 4028 \(seed 5\)/);
      expect(((await askJson('127.0.69.11', 'version')).VERSION as { Type: string }[])[0]?.Type).toBe(
        'Antminer S19j Pro',
      );

      cli.child.stdin.write('fault 0 unreachable\n');
      await waitFor(() => cli.output().includes('faults: unreachable'), 'the fault to be acknowledged');
      await expect(askRaw('127.0.69.10', '{"command":"version"}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain('SIGTERM: stopped 3 rigs');
      await expect(askRaw('127.0.69.11', '{"command":"version"}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  it('explains a bad argument and exits 2 without starting anything', async () => {
    const cli = runCli(['--count', '3', '--start', '192.168.1.10']);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('--start must be an IPv4 address in 127.0.0.0/8');
    expect(cli.output()).toContain('Usage:');
  });
});
