import { describe, expect, it } from 'vitest';

import { parseLiveEvent } from '@wirelens/db';

import { createEventQueue } from './event-queue.js';

describe('createEventQueue', () => {
  it('hands pushed events to the reader in order, waiting or queued', async () => {
    const queue = createEventQueue<number>(() => undefined);
    const first = queue.next();
    queue.push(1);
    queue.push(2);
    expect(await first).toEqual({ value: 1, done: false });
    expect(await queue.next()).toEqual({ value: 2, done: false });
  });

  it('keeps only the newest events for a slow reader', async () => {
    const queue = createEventQueue<number>(() => undefined, 2);
    for (const n of [1, 2, 3]) queue.push(n);
    expect(await queue.next()).toEqual({ value: 2, done: false });
    expect(await queue.next()).toEqual({ value: 3, done: false });
  });

  it('unsubscribes once when ended, and ends a waiting reader', async () => {
    let ends = 0;
    const queue = createEventQueue<number>(() => (ends += 1));
    const waiting = queue.next();
    await queue.return?.();
    await queue.return?.();
    queue.push(1);
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(await queue.next()).toEqual({ value: undefined, done: true });
    expect(ends).toBe(1);
  });
});

describe('parseLiveEvent', () => {
  it('reads the trigger payloads and nothing else', () => {
    expect(parseLiveEvent('a:42:9')).toEqual({ kind: 'article', articleId: 42, analysisId: 9 });
    expect(parseLiveEvent('a:42')).toBeNull();
    expect(parseLiveEvent('n:7')).toEqual({ kind: 'notification', notificationId: 7 });
    expect(parseLiveEvent('x:1')).toBeNull();
    expect(parseLiveEvent('a:')).toBeNull();
    expect(parseLiveEvent('a:1:2;drop')).toBeNull();
  });
});
