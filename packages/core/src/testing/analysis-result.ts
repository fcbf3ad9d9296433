import { labelForScore, type AnalysisResult, type ImportanceResult } from '../analysis/contract.js';

export interface AnalysisResultOptions extends Partial<Omit<AnalysisResult, 'sentiment' | 'importance'>> {
  score: number;
  importance: number;
  confidence?: number;
  factors?: Partial<ImportanceResult['factors']>;
}

/**
 * What an analyzer could answer for an article with this sentiment score and importance: the label follows
 * the score, everything else is plain filler a test overrides when it is about it.
 */
export function sampleAnalysisResult({
  score,
  importance,
  confidence = 0.6,
  factors,
  ...rest
}: AnalysisResultOptions): AnalysisResult {
  return {
    sentiment: { label: labelForScore(score), score, confidence },
    importance: {
      score: importance,
      factors: {
        eventType: null,
        eventWeight: 0.5,
        companyProminence: 0.5,
        coverage: 0.2,
        novelty: 0.5,
        sentimentMagnitude: Math.abs(score),
        ...factors,
      },
    },
    summary: 'A summary.',
    analysis: ['First paragraph.', 'Second paragraph.', 'Third paragraph.'],
    takeaways: ['One.', 'Two.', 'Three.'],
    companies: [],
    topics: [],
    language: 'en',
    analyzer: { name: 'builtin', version: '1.0.0', model: null },
    eventTypes: [],
    ...rest,
  };
}
