import { describe, expect, it } from 'vitest';

import type { FeedItem } from '../feeds/types.js';
import { prepareArticle } from './prepare-article.js';

const fetchedAt = new Date('2026-11-27T12:00:00Z');

function item(overrides: Partial<FeedItem>): FeedItem {
  return {
    guid: null,
    title: 'Chipmaker raises guidance',
    link: 'https://news.example.com/markets/chipmaker-guidance/?utm_source=rss&utm_medium=feed#comments',
    publishedAt: new Date('2026-11-26T09:30:00Z'),
    updatedAt: null,
    author: 'A. Writer',
    summaryHtml: '<p>Short teaser…</p>',
    summaryText: 'Short teaser…',
    contentHtml: null,
    imageUrl: null,
    categories: [],
    enclosures: [],
    ...overrides,
  };
}

const longBody = `<p>${'The company reported revenue growth across every region and raised its outlook for the year. '.repeat(10)}</p>`;

describe('prepareArticle', () => {
  it('canonicalises the link and marks a teaser for full-text extraction', () => {
    const result = prepareArticle({ item: item({}), feedLanguage: 'en-US', fetchedAt });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.canonicalUrl).toBe('https://news.example.com/markets/chipmaker-guidance');
    expect(result.draft.urlKey).toBe('news.example.com/markets/chipmaker-guidance');
    expect(result.draft.fullTextStatus).toBe('PENDING');
    expect(result.draft.language).toBe('en');
    expect(result.draft.excerpt).toBe('Short teaser…');
  });

  it('keeps full content from the feed, sanitised', () => {
    const result = prepareArticle({
      item: item({ contentHtml: `${longBody}<script>alert(1)</script><p onclick="x()">Tail</p>` }),
      fetchedAt,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.fullTextStatus).toBe('FROM_FEED');
    expect(result.draft.contentHtml).not.toMatch(/script|onclick/);
    expect(result.draft.contentText).toContain('raised its outlook');
  });

  it('gives the same hash to the same text and a different one to changed text', () => {
    const a = prepareArticle({ item: item({ contentHtml: longBody }), fetchedAt });
    const b = prepareArticle({ item: item({ contentHtml: longBody.replace('<p>', '<p>  ') }), fetchedAt });
    const c = prepareArticle({
      item: item({ contentHtml: longBody.replace('every region', 'most regions') }),
      fetchedAt,
    });
    if (!a.ok || !b.ok || !c.ok) throw new Error('unexpected skip');
    expect(a.draft.contentHash).toBe(b.draft.contentHash);
    expect(a.draft.contentHash).not.toBe(c.draft.contentHash);
  });

  it('uses a URL guid when the link is missing and skips items with no link at all', () => {
    const fromGuid = prepareArticle({
      item: item({ link: null, guid: 'https://news.example.com/a/1' }),
      fetchedAt,
    });
    expect(fromGuid.ok && fromGuid.draft.url).toBe('https://news.example.com/a/1');
    expect(prepareArticle({ item: item({ link: null, guid: 'tag:example,2026:1' }), fetchedAt })).toEqual({
      ok: false,
      reason: 'item has no link',
    });
    const bad = prepareArticle({ item: item({ link: 'javascript:alert(1)' }), fetchedAt });
    expect(bad.ok).toBe(false);
  });

  it('dates undated and far-future items at the fetch time', () => {
    const undated = prepareArticle({ item: item({ publishedAt: null }), fetchedAt });
    expect(undated.ok && undated.draft.publishedAt.toISOString()).toBe(fetchedAt.toISOString());
    const future = prepareArticle({
      item: item({ publishedAt: new Date('2030-01-01T00:00:00Z') }),
      fetchedAt,
    });
    expect(future.ok && future.draft.publishedAt.toISOString()).toBe(fetchedAt.toISOString());
  });

  it('derives a title from the text when the item has none, and refuses empty items', () => {
    const untitled = prepareArticle({ item: item({ title: null }), fetchedAt });
    expect(untitled.ok && untitled.draft.title).toBe('Short teaser…');
    const empty = prepareArticle({
      item: item({ title: null, summaryHtml: null, summaryText: null }),
      fetchedAt,
    });
    expect(empty.ok).toBe(false);
  });

  it('drops non-http image URLs', () => {
    const result = prepareArticle({ item: item({ imageUrl: 'data:image/png;base64,AAAA' }), fetchedAt });
    expect(result.ok && result.draft.imageUrl).toBeNull();
  });
});
