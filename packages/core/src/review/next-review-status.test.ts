import { describe, expect, it } from 'vitest';

import { nextReviewStatus } from './next-review-status.js';
import { sampleAiValues } from './testing/sample-values.js';

const ai = sampleAiValues;

describe('nextReviewStatus', () => {
  it.each(['UNREVIEWED', 'REJECTED', 'NEEDS_REREVIEW'] as const)(
    'keeps %s whatever the run says',
    (current) => {
      const contradicting = { ...ai, sentimentLabel: 'BEARISH' as const, sentimentScore: -0.6 };
      expect(
        nextReviewStatus({
          current,
          newAi: contradicting,
          previousEffective: ai,
          corrections: { sentimentLabel: 'BULLISH', sentimentScore: 0.6 },
        }),
      ).toBe(current);
    },
  );

  it('flags an approval whose corrected field the new run contradicts, and keeps one it agrees with', () => {
    const corrections = { sentimentLabel: 'BEARISH' as const, sentimentScore: -0.5 };
    const agreeing = { ...ai, sentimentLabel: 'BEARISH' as const, sentimentScore: -0.4 };
    expect(nextReviewStatus({ current: 'APPROVED', newAi: ai, previousEffective: ai, corrections })).toBe(
      'NEEDS_REREVIEW',
    );
    expect(
      nextReviewStatus({ current: 'APPROVED', newAi: agreeing, previousEffective: ai, corrections }),
    ).toBe('APPROVED');
  });

  it('judges an approval without corrections by what readers see: label, importance, companies, topics', () => {
    const base = { current: 'APPROVED' as const, previousEffective: ai, corrections: null };
    expect(nextReviewStatus({ ...base, newAi: { ...ai, summary: 'Reworded' } })).toBe('APPROVED');
    expect(nextReviewStatus({ ...base, newAi: { ...ai, sentimentScore: 0.3 } })).toBe('APPROVED');
    expect(nextReviewStatus({ ...base, newAi: { ...ai, importance: 9 } })).toBe('NEEDS_REREVIEW');
    expect(nextReviewStatus({ ...base, newAi: { ...ai, topics: [] } })).toBe('NEEDS_REREVIEW');
    expect(nextReviewStatus({ ...base, corrections: {}, newAi: { ...ai, companies: [] } })).toBe(
      'NEEDS_REREVIEW',
    );
  });

  it('keeps an approval when there was no earlier run to compare with', () => {
    expect(
      nextReviewStatus({ current: 'APPROVED', newAi: ai, previousEffective: null, corrections: null }),
    ).toBe('APPROVED');
  });
});
