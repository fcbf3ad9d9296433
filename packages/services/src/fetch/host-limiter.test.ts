import { describe, expect, it } from 'vitest';

import { createHostLimiter } from './host-limiter.js';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createHostLimiter', () => {
  it('runs at most maxPerHost calls per host, in order, and hosts independently', async () => {
    const limiter = createHostLimiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run('Example.com', async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    const other = limiter.run('other.example', () => Promise.resolve('other'));
    await expect(other).resolves.toBe('other');
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.active('example.com')).toBe(2);
    expect(limiter.queued('example.com')).toBe(1);

    gates[1]?.resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect(limiter.active('example.com')).toBe(0);
  });

  it('frees the slot when a call fails', async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('h', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('rejects a non-positive limit', () => {
    expect(() => createHostLimiter(0)).toThrow(RangeError);
  });
});
