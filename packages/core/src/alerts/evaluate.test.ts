import { describe, expect, it } from 'vitest';

import {
  evaluateAnomaly,
  evaluateArticle,
  evaluateAttention,
  evaluateShift,
  isCoolingDown,
  storyKey,
  trailingWindows,
  windowPeriodKey,
} from './evaluate.js';
import { parseAlertParams, shiftParamsSchema, type AttentionParams } from './rule-params.js';

const stats = (count: number, mean: number) => ({ count, scoreSum: count * mean });

describe('article rules', () => {
  const params = { minImportance: 7, sentiments: ['BEARISH' as const, 'SOMEWHAT_BEARISH' as const] };
  it('fire for a bearish article of importance 7 and report its values', () => {
    expect(
      evaluateArticle(params, { importance: 7, sentimentLabel: 'BEARISH', sentimentScore: -0.6 }),
    ).toEqual({
      importance: 7,
      sentimentLabel: 'BEARISH',
      sentimentScore: -0.6,
      minImportance: 7,
    });
  });
  it('stay quiet below the importance or with another label', () => {
    expect(
      evaluateArticle(params, { importance: 6, sentimentLabel: 'BEARISH', sentimentScore: -0.6 }),
    ).toBeNull();
    expect(
      evaluateArticle(params, { importance: 9, sentimentLabel: 'NEUTRAL', sentimentScore: 0 }),
    ).toBeNull();
    expect(
      evaluateArticle(params, { importance: null, sentimentLabel: null, sentimentScore: null }),
    ).toBeNull();
  });
  it('without conditions match every article', () => {
    expect(
      evaluateArticle({}, { importance: 1, sentimentLabel: 'BULLISH', sentimentScore: 0.9 }),
    ).not.toBeNull();
  });
});

describe('sentiment shift rules', () => {
  const base = { window: 'DAY' as const, direction: 'EITHER' as const, minArticles: 3, threshold: null };
  it('fire when the mean moves by at least Δ and report both means', () => {
    const figures = evaluateShift({ ...base, minDelta: 0.3 }, stats(4, -0.2), stats(5, 0.15));
    expect(figures).toMatchObject({
      currentMean: -0.2,
      previousMean: 0.15,
      delta: -0.35,
      currentCount: 4,
      previousCount: 5,
    });
  });
  it('do not fire below Δ, against the direction, or with too few articles', () => {
    expect(evaluateShift({ ...base, minDelta: 0.4 }, stats(4, -0.2), stats(5, 0.15))).toBeNull();
    expect(
      evaluateShift({ ...base, minDelta: 0.3, direction: 'UP' }, stats(4, -0.2), stats(5, 0.15)),
    ).toBeNull();
    expect(evaluateShift({ ...base, minDelta: 0.3 }, stats(2, -0.2), stats(5, 0.15))).toBeNull();
  });
  it('fire on crossing a threshold in either direction, not on staying beyond it', () => {
    const rule = { ...base, minDelta: null, threshold: -0.3 };
    expect(evaluateShift(rule, stats(3, -0.35), stats(3, -0.25))).toMatchObject({
      crossed: 'DOWN',
      threshold: -0.3,
    });
    expect(evaluateShift(rule, stats(3, -0.1), stats(3, -0.4))).toMatchObject({ crossed: 'UP' });
    expect(evaluateShift(rule, stats(3, -0.5), stats(3, -0.4))).toBeNull();
  });
  it('need Δ or a threshold', () => {
    expect(shiftParamsSchema.safeParse({ window: 'DAY' }).success).toBe(false);
    expect(parseAlertParams('SENTIMENT_SHIFT', { window: 'HOUR', minDelta: 0.2 })).toEqual({
      kind: 'SENTIMENT_SHIFT',
      params: { window: 'HOUR', minDelta: 0.2, direction: 'EITHER', minArticles: 3 },
    });
  });
});

describe('attention rules', () => {
  /** Daily windows against the four before, unless the test says otherwise. */
  const attention = (
    params: Omit<AttentionParams, 'window' | 'baselineWindows'> & Partial<AttentionParams>,
  ) => ({
    window: 'DAY' as const,
    baselineWindows: 4,
    ...params,
  });
  it('RATIO fires at k × the trailing mean count: 12 articles against a mean of 4 is 3×', () => {
    const params = attention({ mode: 'RATIO', k: 3, minArticles: 3 });
    expect(evaluateAttention(params, 12, [3, 5, 4, 4])).toMatchObject({
      currentCount: 12,
      baselineMean: 4,
      ratio: 3,
    });
    expect(evaluateAttention(params, 11, [3, 5, 4, 4])).toBeNull();
  });
  it('ZSCORE fires when the count is k standard deviations above the baseline', () => {
    const params = attention({ mode: 'ZSCORE', k: 2, minArticles: 1 });
    // Baseline 2, 4, 2, 4: mean 3, standard deviation 1 → 5 articles are z = 2.
    expect(evaluateAttention(params, 5, [2, 4, 2, 4])).toMatchObject({ zScore: 2, baselineStd: 1 });
    expect(evaluateAttention(params, 4, [2, 4, 2, 4])).toBeNull();
  });
  it('a silent subject needs real volume: the baseline counts as at least one article', () => {
    const params = attention({ window: 'HOUR', mode: 'RATIO', k: 3, baselineWindows: 3, minArticles: 3 });
    expect(evaluateAttention(params, 2, [0, 0, 0])).toBeNull();
    expect(evaluateAttention(params, 3, [0, 0, 0])).toMatchObject({ ratio: 3, baselineMean: 0 });
  });
});

describe('sentiment anomaly rules', () => {
  const params = { k: 2, baselineDays: 30, minArticles: 2 };
  // Daily means 0.1, 0.3, 0.1, 0.3: mean 0.2, standard deviation 0.1.
  const baseline = [stats(2, 0.1), stats(3, 0.3), stats(0, 0), stats(4, 0.1), stats(2, 0.3)];
  it('fire when the day is k standard deviations from the trailing mean (either side)', () => {
    expect(evaluateAnomaly(params, stats(3, -0.05), baseline)).toMatchObject({
      currentMean: -0.05,
      baselineMean: 0.2,
      baselineStd: 0.1,
      deviations: -2.5,
      baselineDays: 4,
    });
    expect(evaluateAnomaly(params, stats(3, 0.45), baseline)).toMatchObject({ deviations: 2.5 });
    expect(evaluateAnomaly(params, stats(3, 0.35), baseline)).toBeNull();
  });
  it('need enough articles today and a baseline of three days with some spread', () => {
    expect(evaluateAnomaly(params, stats(1, -0.9), baseline)).toBeNull();
    expect(evaluateAnomaly(params, stats(3, -0.9), baseline.slice(0, 2))).toBeNull();
    expect(evaluateAnomaly(params, stats(3, -0.9), [stats(1, 0.2), stats(1, 0.2), stats(1, 0.2)])).toBeNull();
  });
});

describe('cooldown, windows and keys', () => {
  const now = new Date('2026-12-03T10:30:00Z');
  it('a rule cools down for its minutes after firing', () => {
    expect(isCoolingDown(new Date('2026-12-03T10:00:00Z'), 60, now)).toBe(true);
    expect(isCoolingDown(new Date('2026-12-03T09:30:00Z'), 60, now)).toBe(false);
    expect(isCoolingDown(null, 60, now)).toBe(false);
  });
  it('windows trail `now`, newest first', () => {
    expect(trailingWindows('HOUR', now, 2).map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual([
      ['2026-12-03T09:30:00.000Z', '2026-12-03T10:30:00.000Z'],
      ['2026-12-03T08:30:00.000Z', '2026-12-03T09:30:00.000Z'],
    ]);
  });
  it('keys: one firing per window period, one per story', () => {
    expect(windowPeriodKey('WEEK', now)).toBe('week:2026-11-30T00:00:00.000Z');
    expect(windowPeriodKey('HOUR', now)).toBe('hour:2026-12-03T10:00:00.000Z');
    expect(storyKey({ id: 5, clusterId: 9 })).toBe('cluster:9');
    expect(storyKey({ id: 5, clusterId: null })).toBe('article:5');
  });
});
