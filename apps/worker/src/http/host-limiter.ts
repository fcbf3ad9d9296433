export interface HostLimiter {
  /** Runs `fn` once fewer than `maxPerHost` calls for `host` are running; calls queue in order. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Calls for `host` currently running. */
  active(host: string): number;
  /** Calls for `host` waiting for a slot. */
  queued(host: string): number;
}

interface HostState {
  active: number;
  waiting: (() => void)[];
}

/**
 * Per-host concurrency limit, so a burst of jobs never hammers one publisher. Host names are
 * compared case-insensitively; state for a host is dropped when it goes idle.
 */
export function createHostLimiter(maxPerHost = 2): HostLimiter {
  if (!Number.isInteger(maxPerHost) || maxPerHost < 1)
    throw new RangeError('maxPerHost must be a positive integer');
  const hosts = new Map<string, HostState>();

  const release = (key: string, state: HostState) => {
    const next = state.waiting.shift();
    if (next) {
      next();
      return;
    }
    state.active -= 1;
    if (state.active === 0) hosts.delete(key);
  };

  return {
    async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const key = host.toLowerCase();
      let state = hosts.get(key);
      if (!state) {
        state = { active: 0, waiting: [] };
        hosts.set(key, state);
      }
      if (state.active < maxPerHost) {
        state.active += 1;
      } else {
        // The slot is handed over by `release` without decrementing, so no one can jump the queue.
        await new Promise<void>((resolve) => state.waiting.push(resolve));
      }
      try {
        return await fn();
      } finally {
        release(key, state);
      }
    },
    active: (host) => hosts.get(host.toLowerCase())?.active ?? 0,
    queued: (host) => hosts.get(host.toLowerCase())?.waiting.length ?? 0,
  };
}
