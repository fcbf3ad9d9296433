import { describe, expect, it } from 'vitest';

import { createExampleRetriever, type CorrectedExample } from './similar-examples.js';

const example = (title: string, text = ''): CorrectedExample => ({
  title,
  text,
  sentimentLabel: 'Neutral',
  sentimentScore: 0,
  companies: [],
  topics: [],
});

describe('createExampleRetriever', () => {
  const retriever = createExampleRetriever([
    example('Central bank raises interest rates again', 'The bank lifted its key rate by a quarter point.'),
    example('Oil prices climb as OPEC cuts output'),
    example('Carmaker recalls vehicles over faulty brakes'),
    example('Central bank holds interest rates steady'),
  ]);

  it('ranks by shared, rare words and drops examples with nothing in common', () => {
    const nearest = retriever.nearest(
      { title: 'Interest rates: central bank surprises markets', text: '' },
      3,
    );
    expect(nearest.map((e) => e.title)).toEqual([
      'Central bank holds interest rates steady',
      'Central bank raises interest rates again',
    ]);
    expect(retriever.nearest({ title: 'Brakes recall widens', text: '' }, 3)[0]?.title).toBe(
      'Carmaker recalls vehicles over faulty brakes',
    );
    expect(retriever.nearest({ title: 'The of and', text: '' }, 3)).toEqual([]);
  });

  it('returns at most k', () => {
    expect(retriever.nearest({ title: 'central bank oil carmaker', text: '' }, 2)).toHaveLength(2);
  });
});
