import { describe, expect, it } from 'vitest';

import { splitSentences } from './split-sentences.js';
import { tokenize } from './tokenize.js';

describe('splitSentences', () => {
  it('splits news prose but not abbreviations, initials or decimals', () => {
    const text =
      'Acme Corp. said revenue rose 4.5% to $1.2 billion. J.P. Morgan analysts agreed. Mr. Smith, the CEO, was upbeat! Is it over? "Not yet," he said.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Acme Corp. said revenue rose 4.5% to $1.2 billion.',
      'J.P. Morgan analysts agreed.',
      'Mr. Smith, the CEO, was upbeat!',
      'Is it over?',
      '"Not yet," he said.',
    ]);
  });

  it('treats blank lines as sentence ends and keeps offsets', () => {
    const text = 'Headline without a full stop\n\nBody text follows.';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['Headline without a full stop', 'Body text follows.']);
    for (const span of spans) expect(text.slice(span.start, span.start + span.text.length)).toBe(span.text);
  });
});

describe('tokenize', () => {
  it('splits possessives, keeps hyphenated words and parses numbers', () => {
    const tokens = tokenize("Apple's pre-tax profit rose to EUR74.8m from 1,200.5");
    expect(tokens.map((t) => t.text)).toEqual([
      'Apple',
      "'s",
      'pre-tax',
      'profit',
      'rose',
      'to',
      'EUR',
      '74.8',
      'm',
      'from',
      '1,200.5',
    ]);
    expect(tokens.find((t) => t.text === '1,200.5')?.value).toBe(1200.5);
  });

  it("reads a possessive split off its word as one, and leaves quotes and 's-Hertogenbosch alone", () => {
    expect(tokenize("decrease the Company 's debt").map((t) => t.lower)).toEqual([
      'decrease',
      'the',
      'company',
      "'s",
      'debt',
    ]);
    expect(tokenize("ups Contoso to 'sell' and 's-Hertogenbosch").map((t) => t.lower)).toEqual([
      'ups',
      'contoso',
      'to',
      'sell',
      'and',
      's-hertogenbosch',
    ]);
  });
});
