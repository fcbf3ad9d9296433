import { describe, expect, it } from 'vitest';

import { createSemaphore } from './semaphore.js';

describe('createSemaphore', () => {
  it('runs at most `limit` tasks at once, in arrival order, and frees the slot when a task fails', async () => {
    const semaphore = createSemaphore(2);
    let active = 0;
    let maxActive = 0;
    const started: number[] = [];
    const task = (id: number, fail = false) =>
      semaphore.run(async () => {
        started.push(id);
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 10));
        active -= 1;
        if (fail) throw new Error(`task ${id} failed`);
        return id;
      });

    const results = await Promise.allSettled([task(1, true), task(2), task(3), task(4), task(5)]);

    expect(maxActive).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });
});
