import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff.js';

const noJitter = () => 0.5;

describe('reconnectDelayMs', () => {
  it('doubles from half a second', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, noJitter))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits more than ten seconds', () => {
    expect(reconnectDelayMs(20, noJitter)).toBe(10_000);
  });

  it('spreads retries by at most a quarter either way', () => {
    expect(reconnectDelayMs(2, () => 0)).toBe(1500);
    expect(reconnectDelayMs(2, () => 1)).toBe(2500);
  });
});
