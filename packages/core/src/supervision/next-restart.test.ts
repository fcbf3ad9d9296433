import { describe, expect, it } from 'vitest';

import { defaultRestartPolicy, nextRestart } from './next-restart.js';

const policy = { maxCrashes: 5, windowMs: 60_000, baseDelayMs: 500, maxDelayMs: 4_000 };

describe('nextRestart', () => {
  it('restarts after the base delay on a first crash', () => {
    expect(nextRestart({ crashes: [1_000], now: 1_000, policy })).toEqual({
      action: 'restart',
      delayMs: 500,
      recentCrashes: 1,
    });
  });

  it('doubles the delay for each crash within the window, up to the cap', () => {
    const delays = [1, 2, 3, 4].map((count) => {
      const crashes = Array.from({ length: count }, (_, i) => i * 1_000);
      const decision = nextRestart({ crashes, now: count * 1_000, policy });
      return decision.action === 'restart' ? decision.delayMs : null;
    });
    expect(delays).toEqual([500, 1_000, 2_000, 4_000]);
    const capped = nextRestart({
      crashes: [0, 1, 2, 3],
      now: 10,
      policy: { ...policy, maxDelayMs: 1_500 },
    });
    expect(capped).toMatchObject({ action: 'restart', delayMs: 1_500 });
  });

  it('gives up on the fifth crash within a minute', () => {
    expect(nextRestart({ crashes: [0, 5_000, 10_000, 20_000, 59_000], now: 59_000, policy })).toEqual({
      action: 'give-up',
      recentCrashes: 5,
    });
  });

  it('forgets crashes older than the window', () => {
    const decision = nextRestart({ crashes: [0, 1_000, 2_000, 3_000, 70_000], now: 70_000, policy });
    expect(decision).toEqual({ action: 'restart', delayMs: 500, recentCrashes: 1 });
  });

  it('by default gives up after 5 crashes within 60 s', () => {
    expect(defaultRestartPolicy).toMatchObject({ maxCrashes: 5, windowMs: 60_000 });
    const four = nextRestart({ crashes: [0, 1, 2, 3], now: 4 });
    expect(four.action).toBe('restart');
    expect(nextRestart({ crashes: [0, 1, 2, 3, 4], now: 5 }).action).toBe('give-up');
  });
});
