import { describe, expect, it } from 'vitest';

import { labelForScore } from '../analysis/contract.js';
import {
  changedFields,
  correctionValuesSchema,
  disagreeingFields,
  mergeCorrectionValues,
  overlayCorrections,
} from './effective-values.js';
import { labelEnumForScore, labelToEnum, sentimentClassOf } from './labels.js';
import { sampleAiValues } from './testing/sample-values.js';

const ai = sampleAiValues;

describe('labels', () => {
  it('maps every contract label and agrees with labelForScore', () => {
    for (const score of [-1, -0.35, -0.2, -0.15, 0, 0.15, 0.3, 0.35, 1]) {
      expect(labelEnumForScore(score)).toBe(labelToEnum(labelForScore(score)));
    }
    expect(labelToEnum('Somewhat-Bearish')).toBe('SOMEWHAT_BEARISH');
    expect(sentimentClassOf('SOMEWHAT_BULLISH')).toBe('bullish');
    expect(sentimentClassOf('SOMEWHAT_BEARISH')).toBe('bearish');
    expect(sentimentClassOf('NEUTRAL')).toBe('neutral');
  });
});

describe('corrections', () => {
  it('overlays corrected fields and leaves the rest to the AI', () => {
    const effective = overlayCorrections(ai, { importance: 9, summary: 'Editor summary' });
    expect(effective).toEqual({ ...ai, importance: 9, summary: 'Editor summary' });
  });

  it('derives the label from a corrected score', () => {
    expect(mergeCorrectionValues({}, { sentimentScore: -0.5 }, ai)).toEqual({
      sentimentScore: -0.5,
      sentimentLabel: 'BEARISH',
    });
  });

  it('keeps a score that fits a corrected label, else moves it into the bucket', () => {
    expect(mergeCorrectionValues({}, { sentimentLabel: 'SOMEWHAT_BULLISH' }, ai).sentimentScore).toBe(0.2);
    expect(mergeCorrectionValues({}, { sentimentLabel: 'BEARISH' }, ai).sentimentScore).toBe(-0.6);
  });

  it('refuses a label that contradicts the score', () => {
    expect(() => mergeCorrectionValues({}, { sentimentLabel: 'BULLISH', sentimentScore: -0.9 }, ai)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('accumulates values across corrections', () => {
    const first = mergeCorrectionValues({}, { importance: 2 }, ai);
    const second = mergeCorrectionValues(first, { summary: 'S' }, overlayCorrections(ai, first));
    expect(second).toEqual({ importance: 2, summary: 'S' });
  });

  it('flags only corrected fields the AI disagrees with', () => {
    expect(disagreeingFields(ai, { importance: 6 })).toEqual([]);
    expect(disagreeingFields(ai, { importance: 8, summary: 'AI summary' })).toEqual(['importance']);
    expect(disagreeingFields(ai, { sentimentLabel: 'SOMEWHAT_BULLISH', sentimentScore: 0.3 })).toEqual([]);
    expect(disagreeingFields(ai, { companies: [{ companyId: 2, relevance: 1, sentimentScore: 0 }] })).toEqual(
      ['companies'],
    );
  });

  it('lists changed fields', () => {
    expect(changedFields(ai, { ...ai, importance: 1 })).toEqual(['importance']);
    expect(changedFields(null, ai)).toHaveLength(9);
  });

  it('validates input with field paths', () => {
    const result = correctionValuesSchema.safeParse({ importance: 11, summary: 'x'.repeat(5000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'importance',
      'summary',
    ]);
    expect(correctionValuesSchema.safeParse({ bogus: 1 }).success).toBe(false);
  });
});
