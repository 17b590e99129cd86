import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollScheduler } from './poll-scheduler.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A poll that stays out until released, counting starts per rig. */
function controllablePoll() {
  const starts = new Map<string, number>();
  const pending: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const poll = (id: string): Promise<'ok'> => {
    starts.set(id, (starts.get(id) ?? 0) + 1);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise((resolve) =>
      pending.push(() => {
        inFlight -= 1;
        resolve('ok');
      }),
    );
  };
  const releaseAll = async (): Promise<void> => {
    for (const release of pending.splice(0)) release();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { poll, starts, releaseAll, maxInFlight: () => maxInFlight };
}

describe('PollScheduler', () => {
  it('polls each rig once per interval', async () => {
    const fake = controllablePoll();
    const scheduler = new PollScheduler({ intervalMs: 1000, retryDelayMs: 100, maxInFlight: 10, poll: fake.poll });
    scheduler.add('a', 0);
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(1000);
      await fake.releaseAll();
    }
    expect(fake.starts.get('a')).toBeGreaterThanOrEqual(5);
    expect(fake.starts.get('a')).toBeLessThanOrEqual(6);
    scheduler.stop();
  });

  it('keeps one polling loop when the interval changes while a poll is out', async () => {
    const fake = controllablePoll();
    const scheduler = new PollScheduler({ intervalMs: 1000, retryDelayMs: 100, maxInFlight: 10, poll: fake.poll });
    scheduler.add('a', 0);
    await vi.advanceTimersByTimeAsync(1);
    scheduler.setInterval(2000);
    scheduler.remove('a');
    scheduler.add('a', 0);
    await fake.releaseAll();
    const before = fake.starts.get('a') ?? 0;
    for (let i = 0; i < 10; i += 1) {
      await vi.advanceTimersByTimeAsync(2000);
      await fake.releaseAll();
    }
    expect((fake.starts.get('a') ?? 0) - before).toBeLessThanOrEqual(11);
    expect((fake.starts.get('a') ?? 0) - before).toBeGreaterThanOrEqual(9);
    scheduler.stop();
  });

  it('never has more polls in flight than the cap, and serves the waiting rigs after', async () => {
    const fake = controllablePoll();
    const scheduler = new PollScheduler({ intervalMs: 1000, retryDelayMs: 100, maxInFlight: 3, poll: fake.poll });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) scheduler.add(id, 0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.maxInFlight()).toBe(3);
    await fake.releaseAll();
    await fake.releaseAll();
    expect([...fake.starts.values()].reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(fake.maxInFlight()).toBe(3);
    scheduler.stop();
  });

  it('stops polling a removed rig', async () => {
    const fake = controllablePoll();
    const scheduler = new PollScheduler({ intervalMs: 1000, retryDelayMs: 100, maxInFlight: 10, poll: fake.poll });
    scheduler.add('a', 0);
    await vi.advanceTimersByTimeAsync(1);
    scheduler.remove('a');
    await fake.releaseAll();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.starts.get('a')).toBe(1);
  });

  it('retries a failed poll after the retry delay, not a whole interval', async () => {
    let calls = 0;
    const scheduler = new PollScheduler({
      intervalMs: 10_000,
      retryDelayMs: 500,
      maxInFlight: 10,
      poll: () => Promise.resolve(++calls === 1 ? 'failed' : 'ok'),
    });
    scheduler.add('a', 0);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toBe(2);
    scheduler.stop();
  });
});
