import { describe, expect, it } from 'vitest';

import { isoDateTime } from './date-time.js';

describe('isoDateTime', () => {
  it('writes what toISOString writes, whole hours (remembered) or not, twice over', () => {
    const dates = [
      '0000-01-01T00:00:00.000Z',
      '1969-12-31T23:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '2024-02-29T13:00:00.000Z',
      '2024-02-29T13:00:00.001Z',
      '9999-12-31T23:00:00.000Z',
      '-000001-12-31T00:00:00.000Z',
      '+010000-01-01T00:00:00.000Z',
    ].map((text) => new Date(text));
    // More whole hours than are remembered at once: the cache starts over and still answers right.
    for (let hour = -3000; hour < 3000; hour += 1)
      dates.push(new Date(Date.UTC(2025, 0, 1) + hour * 3_600_000));
    for (const date of [...dates, ...dates]) expect(isoDateTime(date)).toBe(date.toISOString());
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => isoDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
