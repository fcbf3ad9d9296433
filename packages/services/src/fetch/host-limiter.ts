import pLimit, { type LimitFunction } from 'p-limit';

export interface HostLimiter {
  /** Runs `fn` once fewer than `maxPerHost` calls for `host` are running; calls queue in order. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Calls for `host` currently running. */
  active(host: string): number;
  /** Calls for `host` waiting for a slot. */
  queued(host: string): number;
}

/**
 * Per-host concurrency limit, so a burst of jobs never hammers one publisher: one p-limit per
 * host, compared case-insensitively. A host's limiter is dropped when it goes idle, so the map
 * only ever holds the hosts being fetched right now.
 */
export function createHostLimiter(maxPerHost = 2): HostLimiter {
  if (!Number.isInteger(maxPerHost) || maxPerHost < 1)
    throw new RangeError('maxPerHost must be a positive integer');
  // `calls` counts running and waiting calls ourselves: p-limit's own counters settle a tick apart.
  const hosts = new Map<string, { limit: LimitFunction; calls: number }>();
  return {
    async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const key = host.toLowerCase();
      let entry = hosts.get(key);
      if (!entry) {
        entry = { limit: pLimit(maxPerHost), calls: 0 };
        hosts.set(key, entry);
      }
      entry.calls += 1;
      try {
        return await entry.limit(fn);
      } finally {
        entry.calls -= 1;
        if (entry.calls === 0) hosts.delete(key);
      }
    },
    active: (host) => hosts.get(host.toLowerCase())?.limit.activeCount ?? 0,
    queued: (host) => hosts.get(host.toLowerCase())?.limit.pendingCount ?? 0,
  };
}
