import { describe, expect, it } from 'vitest';

import { backoffDelayMs } from './backoff.js';

describe('backoffDelayMs', () => {
  const policy = { baseMs: 100, maxMs: 1_000 };

  it('doubles the step per retry, with the jitter in the upper half of the step', () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(0, policy, () => 1)).toBe(100);
    expect(backoffDelayMs(2, policy, () => 0)).toBe(200);
    expect(backoffDelayMs(2, policy, () => 1)).toBe(400);
  });

  it('never exceeds maxMs', () => {
    expect(backoffDelayMs(20, policy, () => 1)).toBe(1_000);
  });
});
