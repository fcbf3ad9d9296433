import { describe, expect, it } from 'vitest';

import { PhraseMatcher } from './phrase-matcher.js';
import { tokenize } from './tokenize.js';

const spans = (matcher: PhraseMatcher<string>, text: string) =>
  matcher.matchAll(tokenize(text)).map((m) => [m.start, m.end, m.payload]);

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>([
    ['trade', 'word'],
    ['trade deficit', 'balance'],
    ['trade deficit widens sharply', 'long'],
    ['trade', 'second payload for the same words'],
    ['export controls', 'measure'],
  ]);

  it('takes the longest phrase at each position, and the first payload given for the same words', () => {
    expect(spans(matcher, 'The trade deficit widens again')).toEqual([[1, 3, 'balance']]);
    expect(spans(matcher, 'Trade deficit widens sharply')).toEqual([[0, 4, 'long']]);
    expect(spans(matcher, 'trade talks')).toEqual([[0, 1, 'word']]);
  });

  it('matches case-insensitively, without overlaps, and nothing for a phrase cut short', () => {
    expect(spans(matcher, 'EXPORT CONTROLS and trade')).toEqual([
      [0, 2, 'measure'],
      [3, 4, 'word'],
    ]);
    expect(spans(matcher, 'export of controls')).toEqual([]);
  });
});
