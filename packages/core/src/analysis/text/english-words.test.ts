import { describe, expect, it } from 'vitest';

import { isEnglishWord } from './english-words.js';

describe('isEnglishWord', () => {
  it('knows ordinary words and their inflections, not coined company names', () => {
    expect(['news', 'next', 'sage', 'shells', 'targets'].filter(isEnglishWord)).toHaveLength(5);
    expect(['centrica', 'aviva', 'glencore', 'tullow'].some(isEnglishWord)).toBe(false);
  });
});
