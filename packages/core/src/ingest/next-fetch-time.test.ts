import { describe, expect, it } from 'vitest';

import { nextFetchTime, type NextFetchTimeOptions } from './next-fetch-time.js';

const now = new Date('2026-11-27T00:00:00Z');
/** Minutes until the next fetch of a 15-minute feed with no failures, unless `options` say otherwise. */
const delayMinutes = (options: Partial<NextFetchTimeOptions>) => {
  const next = nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 0, ...options });
  return (next.getTime() - now.getTime()) / 60_000;
};

describe('nextFetchTime', () => {
  it('polls at the interval after a success, never faster than once a minute', () => {
    expect(delayMinutes({})).toBe(15);
    expect(delayMinutes({ intervalSeconds: 5 })).toBe(1);
  });

  it('waits longer when caching headers say the feed cannot change sooner', () => {
    expect(delayMinutes({ cacheMaxAgeMs: 3_600_000 })).toBe(60);
    expect(delayMinutes({ cacheMaxAgeMs: 60_000 })).toBe(15);
    // A year of max-age is capped at a day.
    expect(delayMinutes({ cacheMaxAgeMs: 365 * 86_400_000 })).toBe(1440);
  });

  it('backs off exponentially on failures up to the cap, and keeps trying', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20, 200].map((failures) =>
      delayMinutes({ consecutiveFailures: failures }),
    );
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
    expect(delayMinutes({ consecutiveFailures: 3, backoffCapSeconds: 3600 })).toBe(60);
  });

  it('honours Retry-After when it asks for more time', () => {
    expect(delayMinutes({ intervalSeconds: 60, consecutiveFailures: 1, retryAfterMs: 600_000 })).toBe(10);
    expect(delayMinutes({ consecutiveFailures: 1, retryAfterMs: 1_000 })).toBe(30);
  });
});
