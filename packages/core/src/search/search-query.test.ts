import { describe, expect, it } from 'vitest';

import { parseSearchQuery } from './search-query.js';

const word = (text: string, negated = false) => ({ kind: 'word', text, negated });

describe('parseSearchQuery', () => {
  it('reads words as AND, quoted text as a phrase, a trailing * as a prefix', () => {
    expect(parseSearchQuery('"export controls" semicond* China')).toEqual([
      [
        { kind: 'phrase', text: 'export controls', negated: false },
        { kind: 'prefix', text: 'semicond', negated: false },
        word('China'),
      ],
    ]);
  });

  it('splits alternatives at "or" and keeps exclusions in their alternative', () => {
    expect(parseSearchQuery('tariffs -steel OR "price caps"')).toEqual([
      [word('tariffs'), word('steel', true)],
      [{ kind: 'phrase', text: 'price caps', negated: false }],
    ]);
  });

  it('never lets punctuation through: quotes, colons and operators become word boundaries or vanish', () => {
    expect(parseSearchQuery(`o'neil & (x:* | y) "a`)).toEqual([
      [word('o'), word('neil'), word('x'), word('y'), word('a')],
    ]);
  });

  it('keeps numbers and hyphenated words whole, as the database indexes them', () => {
    expect(parseSearchQuery('"cost $4.2 billion" non-farm')).toEqual([
      [{ kind: 'phrase', text: 'cost 4.2 billion', negated: false }, word('non-farm')],
    ]);
  });

  it('reads one-letter prefixes and a one-word phrase as plain words', () => {
    expect(parseSearchQuery('a* "chips"')).toEqual([[word('a'), word('chips')]]);
  });

  it('drops alternatives that only exclude, and is empty when nothing is searchable', () => {
    expect(parseSearchQuery('-china or lithium')).toEqual([[word('lithium')]]);
    expect(parseSearchQuery(' *** "" or ')).toEqual([]);
  });
});
