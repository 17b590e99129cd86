import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('CLI arguments', () => {
  it('reads count, start, port and seed', () => {
    expect(parseCliArgs(['--count', '30', '--start', '127.0.1.10', '--port', '4029', '--seed', '42'])).toMatchObject({
      count: 30,
      start: '127.0.1.10',
      port: 4029,
      seed: 42,
      demo: false,
      models: null,
    });
  });

  it('defaults to port 4028, seed 1 and 127.0.1.10', () => {
    expect(parseCliArgs(['--count', '2'])).toMatchObject({ port: 4028, seed: 1, start: '127.0.1.10' });
  });

  it('needs --count unless --demo is given', () => {
    expect(parseCliArgs([])).toEqual({ error: '--count is required (or use --demo)' });
    expect(parseCliArgs(['--demo'])).toMatchObject({ demo: true, count: 24 });
  });

  it('explains what is wrong with a bad value', () => {
    expect(parseCliArgs(['--count', 'ten'])).toEqual({ error: '--count must be a whole number 1..10000, got "ten"' });
    expect(parseCliArgs(['--count', '1', '--port', '70000'])).toMatchObject({
      error: expect.stringMatching(/--port/) as string,
    });
    expect(parseCliArgs(['--count', '1', '--start', '10.0.0.5'])).toMatchObject({
      error: expect.stringMatching(/127\.0\.0\.0\/8/) as string,
    });
    expect(parseCliArgs(['--count', '1', '--bogus'])).toMatchObject({
      error: expect.stringMatching(/bogus/) as string,
    });
  });

  it('accepts loose model names and rejects unknown ones', () => {
    expect(parseCliArgs(['--count', '2', '--models', 's19pro,S9'])).toMatchObject({
      models: ['Antminer S19 Pro', 'Antminer S9'],
    });
    expect(parseCliArgs(['--count', '2', '--models', 's21'])).toEqual({ error: '--models: unknown model "s21"' });
  });

  it('parses repeated --fault options and checks the rig index', () => {
    expect(parseCliArgs(['--count', '5', '--fault', '3:deadBoard:1', '--fault', '0:slowReplies:2000'])).toMatchObject({
      faults: [
        { rig: 3, fault: { kind: 'deadBoard', board: 1 } },
        { rig: 0, fault: { kind: 'slowReplies', delayMs: 2000 } },
      ],
    });
    expect(parseCliArgs(['--count', '2', '--fault', '5:hang'])).toMatchObject({
      error: expect.stringMatching(/rig 5/) as string,
    });
    expect(parseCliArgs(['--count', '2', '--fault', '0:melt'])).toMatchObject({
      error: expect.stringMatching(/unknown fault/) as string,
    });
  });
});
