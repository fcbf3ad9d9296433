import { describe, expect, it } from 'vitest';

import { continuousStarts, fillBucketGaps, type SentimentBucket } from './sentiment-bucket.js';

const bucket = (start: string, meanScore: number): SentimentBucket => ({
  start,
  meanScore,
  count: 2,
  bullish: 1,
  neutral: 1,
  bearish: 0,
});

describe('fillBucketGaps', () => {
  it('adds an empty bucket for every day without articles between the first and the last', () => {
    const filled = fillBucketGaps(
      [bucket('2026-11-01T00:00:00.000Z', 0.4), bucket('2026-11-04T00:00:00.000Z', -0.2)],
      'day',
    );
    expect(filled.map((b) => [b.start, b.meanScore, b.count])).toEqual([
      ['2026-11-01T00:00:00.000Z', 0.4, 2],
      ['2026-11-02T00:00:00.000Z', null, 0],
      ['2026-11-03T00:00:00.000Z', null, 0],
      ['2026-11-04T00:00:00.000Z', -0.2, 2],
    ]);
  });

  it('steps by hours and by weeks, and keeps the given buckets as they are', () => {
    const hours = [bucket('2026-11-01T22:00:00Z', 0.1), bucket('2026-11-02T01:00:00Z', 0.2)];
    const filledHours = fillBucketGaps(hours, 'hour');
    expect(filledHours).toHaveLength(4);
    expect(filledHours[0]).toBe(hours[0]);
    expect(filledHours[3]).toBe(hours[1]);
    expect(continuousStarts(['2026-11-02T00:00:00.000Z', '2026-11-23T00:00:00.000Z'], 'week')).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-09T00:00:00.000Z',
      '2026-11-16T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
    ]);
  });

  it('leaves starts that are not on one grid as they are, in time order', () => {
    expect(continuousStarts(['2026-11-03T05:00:00Z', '2026-11-01T00:00:00Z'], 'day')).toEqual([
      '2026-11-01T00:00:00Z',
      '2026-11-03T05:00:00Z',
    ]);
    expect(fillBucketGaps([], 'day')).toEqual([]);
  });
});
