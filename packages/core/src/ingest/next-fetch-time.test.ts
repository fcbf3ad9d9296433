import { describe, expect, it } from 'vitest';

import { nextFetchTime } from './next-fetch-time.js';

const now = new Date('2026-11-27T00:00:00Z');
const minutesAfter = (date: Date) => (date.getTime() - now.getTime()) / 60_000;

describe('nextFetchTime', () => {
  it('polls at the interval after a success, never faster than once a minute', () => {
    expect(minutesAfter(nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 0 }))).toBe(15);
    expect(minutesAfter(nextFetchTime({ now, intervalSeconds: 5, consecutiveFailures: 0 }))).toBe(1);
  });

  it('waits longer when caching headers say the feed cannot change sooner', () => {
    expect(
      minutesAfter(
        nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 0, cacheMaxAgeMs: 3_600_000 }),
      ),
    ).toBe(60);
    expect(
      minutesAfter(
        nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 0, cacheMaxAgeMs: 60_000 }),
      ),
    ).toBe(15);
    // A year of max-age is capped at a day.
    expect(
      minutesAfter(
        nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 0, cacheMaxAgeMs: 365 * 86_400_000 }),
      ),
    ).toBe(1440);
  });

  it('backs off exponentially on failures up to the cap, and keeps trying', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20, 200].map((failures) =>
      minutesAfter(nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: failures })),
    );
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
    expect(
      minutesAfter(
        nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 3, backoffCapSeconds: 3600 }),
      ),
    ).toBe(60);
  });

  it('honours Retry-After when it asks for more time', () => {
    expect(
      minutesAfter(
        nextFetchTime({ now, intervalSeconds: 60, consecutiveFailures: 1, retryAfterMs: 600_000 }),
      ),
    ).toBe(10);
    expect(
      minutesAfter(nextFetchTime({ now, intervalSeconds: 900, consecutiveFailures: 1, retryAfterMs: 1_000 })),
    ).toBe(30);
  });
});
