import { describe, expect, it } from 'vitest';

import { contentHash } from './content-hash.js';

describe('contentHash', () => {
  it('is a sha256 hex digest', () => {
    expect(contentHash({ title: 'a', text: 'b' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores case, whitespace and Unicode compatibility forms', () => {
    const base = contentHash({ title: 'Hello World', text: 'Some  text\nhere.' });
    expect(contentHash({ title: '  hello   world ', text: 'SOME text here.' })).toBe(base);
    expect(contentHash({ title: 'Ｈｅｌｌｏ World', text: 'some\u00a0text here.' })).toBe(base);
  });

  it('changes with any wording change', () => {
    const base = contentHash({ title: 'Title', text: 'The rate rose 2%.' });
    expect(contentHash({ title: 'Title', text: 'The rate rose 3%.' })).not.toBe(base);
    expect(contentHash({ title: 'Title!', text: 'The rate rose 2%.' })).not.toBe(base);
  });

  it('keeps title and text apart', () => {
    expect(contentHash({ title: 'ab', text: 'c' })).not.toBe(contentHash({ title: 'a', text: 'bc' }));
  });

  it('treats missing fields as empty', () => {
    expect(contentHash({ title: null, text: 'x' })).toBe(contentHash({ title: '', text: 'x' }));
  });
});
