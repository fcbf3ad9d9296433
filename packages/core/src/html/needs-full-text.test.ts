import { describe, expect, it } from 'vitest';

import { needsFullText } from './needs-full-text.js';

const long = `<p>${'Substantial reporting with plenty of detail. '.repeat(20)}</p>`;

describe('needsFullText', () => {
  it('is true for items without content or with short teasers', () => {
    expect(needsFullText({})).toBe(true);
    expect(needsFullText({ summaryHtml: '<p>The council voted on the sea wall.</p>' })).toBe(true);
  });

  it.each([
    [`${long}<p>And then…</p>`],
    [`${long}<p>And then [&hellip;]</p>`],
    [`${long}<p>More soon...</p>`],
    [`${long}<p><a href="https://e.com/a">Read more</a></p>`],
    [`${long}<p><a href="https://e.com/a">Continue reading →</a></p>`],
    [`${long}<p>The post Sea wall appeared first on Coastal Courier.</p>`],
  ])('is true for long text that ends as a teaser (%#)', (html) => {
    expect(needsFullText({ summaryHtml: html })).toBe(true);
  });

  it('is false for full content', () => {
    expect(needsFullText({ contentHtml: long, summaryHtml: '<p>short</p>' })).toBe(false);
  });
});
