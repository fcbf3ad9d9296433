import { describe, expect, it } from 'vitest';

import { analysisResultJsonSchema, analysisResultSchema, labelForScore } from './contract.js';

describe('labelForScore', () => {
  // The PRODUCT.md buckets: each label from its lowest to its highest score, edges included.
  it.each([
    [-1, -0.35, 'Bearish'],
    [-0.3499, -0.15, 'Somewhat-Bearish'],
    [-0.1499, 0.1499, 'Neutral'],
    [0.15, 0.3499, 'Somewhat-Bullish'],
    [0.35, 1, 'Bullish'],
  ] as const)('labels %d to %d as %s', (lowest, highest, label) => {
    expect(labelForScore(lowest)).toBe(label);
    expect(labelForScore(highest)).toBe(label);
  });
});

describe('analysisResultSchema', () => {
  const valid = {
    sentiment: { label: 'Neutral', score: 0, confidence: 0.5 },
    importance: {
      score: 3,
      factors: {
        eventType: null,
        eventWeight: 0.25,
        companyProminence: 0,
        coverage: 0,
        novelty: 0.7,
        sentimentMagnitude: 0,
      },
    },
    summary: 'A sentence.',
    analysis: ['One.', 'Two.', 'Three.'],
    takeaways: ['A.', 'B.', 'C.'],
    companies: [
      {
        companyId: null,
        proposedName: 'Acme Widgets Inc',
        name: 'Acme Widgets Inc',
        relevance: 0.5,
        sentimentScore: 0,
        sentences: [],
      },
    ],
    topics: [{ slug: 'ai', relevance: 0.8 }],
    language: 'en',
    analyzer: { name: 'builtin', version: '1.0.0', model: null },
    eventTypes: [],
  };

  it('accepts a well-formed result', () => {
    expect(analysisResultSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects out-of-range scores, duplicate takeaways and too few paragraphs', () => {
    expect(
      analysisResultSchema.safeParse({ ...valid, sentiment: { ...valid.sentiment, score: 1.5 } }).success,
    ).toBe(false);
    expect(analysisResultSchema.safeParse({ ...valid, takeaways: ['A.', 'A.', 'B.'] }).success).toBe(false);
    expect(analysisResultSchema.safeParse({ ...valid, analysis: ['One.'] }).success).toBe(false);
    expect(
      analysisResultSchema.safeParse({ ...valid, importance: { ...valid.importance, score: 11 } }).success,
    ).toBe(false);
  });

  it('exports a JSON Schema for structured LLM output', () => {
    expect(analysisResultJsonSchema).toMatchObject({ type: 'object' });
    expect(
      Object.keys((analysisResultJsonSchema as { properties: Record<string, unknown> }).properties),
    ).toEqual(
      expect.arrayContaining([
        'sentiment',
        'importance',
        'summary',
        'analysis',
        'takeaways',
        'companies',
        'topics',
        'language',
        'analyzer',
        'eventTypes',
      ]),
    );
  });
});
