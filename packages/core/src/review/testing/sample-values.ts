import type { AnalysisValues } from '../effective-values.js';

/** One AI run's values, for tests of the review rules. */
export const sampleAiValues: AnalysisValues = {
  sentimentLabel: 'SOMEWHAT_BULLISH',
  sentimentScore: 0.2,
  confidence: 0.7,
  importance: 6,
  summary: 'AI summary',
  paragraphs: ['p1', 'p2', 'p3'],
  takeaways: ['t1', 't2', 't3'],
  companies: [{ companyId: 1, relevance: 0.9, sentimentScore: 0.2 }],
  topics: [{ topicId: 3, relevance: 0.8 }],
};
