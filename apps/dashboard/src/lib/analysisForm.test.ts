import { describe, expect, it } from 'vitest';

import { correctionPayload, validateAnalysisForm, type AnalysisFormValues } from './analysisForm.js';

const initial: AnalysisFormValues = {
  sentimentLabel: 'BEARISH',
  sentimentScore: '-0.6',
  importance: '7',
  summary: 'Summary.',
  paragraphs: 'One.\n\nTwo.',
  takeaways: 'A\nB',
  companies: [{ companyId: 'Q29tcGFueToxMg==', name: 'NVIDIA', relevance: '0.9', sentimentScore: '-0.7' }],
  topics: [{ topicId: 'VG9waWM6MQ==', name: 'AI', relevance: '0.8' }],
  note: '',
};

describe('analysis edit form', () => {
  it('accepts the loaded values unchanged', () => {
    expect(validateAnalysisForm(initial, initial)).toEqual({});
    expect(correctionPayload(initial, initial)).toEqual({});
  });

  it('reports every out-of-range field', () => {
    const errors = validateAnalysisForm(
      {
        ...initial,
        sentimentScore: '2',
        importance: '0',
        paragraphs: ' ',
        takeaways: Array.from({ length: 11 }, (_, i) => `T${i}`).join('\n'),
        companies: [{ companyId: 'Q29tcGFueToxMg==', name: 'NVIDIA', relevance: '1.5', sentimentScore: '0' }],
      },
      initial,
    );
    expect(Object.keys(errors).sort()).toEqual([
      'companies.0',
      'importance',
      'paragraphs',
      'sentimentScore',
      'takeaways',
    ]);
  });

  it('requires a changed score to agree with the label', () => {
    const errors = validateAnalysisForm(
      { ...initial, sentimentScore: '0.5', sentimentLabel: 'BEARISH' },
      initial,
    );
    expect(errors.sentimentLabel).toContain('Bullish');
  });

  it('sends only changed fields, parsed', () => {
    expect(
      correctionPayload(initial, {
        ...initial,
        sentimentScore: '0.4',
        sentimentLabel: 'BULLISH',
        takeaways: 'A\nB\nC',
        topics: [],
      }),
    ).toEqual({ sentimentScore: 0.4, takeaways: ['A', 'B', 'C'], topics: [] });
  });
});
