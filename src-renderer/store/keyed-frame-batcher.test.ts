import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyedBatcher, throttledAnimationFrame } from './keyed-frame-batcher.js';

function manualFrames() {
  const callbacks: Array<() => void> = [];
  return {
    schedule: (callback: () => void) => {
      callbacks.push(callback);
      return () => callbacks.splice(callbacks.indexOf(callback), 1);
    },
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
    scheduledCount: () => callbacks.length,
  };
}

describe('createKeyedBatcher', () => {
  it('delivers everything pushed before a frame in one batch, scheduling one frame', () => {
    const frames = manualFrames();
    const batches: string[][] = [];
    const batcher = createKeyedBatcher<string, string>((values) => batches.push(values), frames.schedule);
    batcher.push('a', 'a1');
    batcher.push('b', 'b1');
    expect(frames.scheduledCount()).toBe(1);
    frames.runFrame();
    expect(batches).toEqual([['a1', 'b1']]);
  });

  it('keeps only the latest value per key', () => {
    const frames = manualFrames();
    const batches: string[][] = [];
    const batcher = createKeyedBatcher<string, string>((values) => batches.push(values), frames.schedule);
    batcher.push('a', 'a1');
    batcher.push('a', 'a2');
    frames.runFrame();
    expect(batches).toEqual([['a2']]);
  });

  it('forgets what was pending when told to discard it', () => {
    const frames = manualFrames();
    const batches: string[][] = [];
    const batcher = createKeyedBatcher<string, string>((values) => batches.push(values), frames.schedule);
    batcher.push('a', 'a1');
    batcher.discardPending();
    frames.runFrame();
    batcher.push('b', 'b1');
    frames.runFrame();
    expect(batches).toEqual([['b1']]);
  });

  it('cancels the scheduled frame when disposed', () => {
    const frames = manualFrames();
    const batcher = createKeyedBatcher<string, string>(() => undefined, frames.schedule);
    batcher.push('a', 'a1');
    batcher.dispose();
    expect(frames.scheduledCount()).toBe(0);
  });
});

describe('throttledAnimationFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first callback on the next frame and later ones no sooner than the interval after the last run', () => {
    vi.useFakeTimers();
    const schedule = throttledAnimationFrame(500, () => Date.now());
    const runs: number[] = [];
    const start = Date.now();
    schedule(() => runs.push(Date.now() - start));
    vi.advanceTimersByTime(20);
    expect(runs).toHaveLength(1);
    schedule(() => runs.push(Date.now() - start));
    vi.advanceTimersByTime(400);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBeGreaterThanOrEqual(500);
  });

  it('does not run a cancelled callback', () => {
    vi.useFakeTimers();
    const schedule = throttledAnimationFrame(500, () => Date.now());
    let ran = false;
    const cancel = schedule(() => (ran = true));
    cancel();
    vi.advanceTimersByTime(1000);
    expect(ran).toBe(false);
  });
});
