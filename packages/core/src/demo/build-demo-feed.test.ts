import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { parseFeed } from '../feeds/index.js';
import { buildDemoArticlePage, buildDemoFeed, demoPublishedAt } from './build-demo-feed.js';
import { demoContentSchema } from './demo-content.js';

const content = demoContentSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../db/prisma/seed-data/demo-articles.json', import.meta.url), 'utf8'),
  ),
);
const now = new Date('2026-11-27T12:00:00Z');

describe('demo feeds', () => {
  it('covers about 80 articles over 45 days from several sources', () => {
    expect(content.articles.length).toBeGreaterThanOrEqual(76);
    expect(content.sources.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...content.articles.map((a) => a.hoursAgo))).toBeLessThanOrEqual(45 * 24);
    for (const source of content.sources) expect(source.title.startsWith('Demo:')).toBe(true);
  });

  it('builds an RSS feed per source that parses back with every article', () => {
    let total = 0;
    for (const source of content.sources) {
      const xml = buildDemoFeed({ content, sourceKey: source.key, baseUrl: 'http://127.0.0.1:4000/', now });
      const feed = parseFeed({ body: xml, url: `http://127.0.0.1:4000/demo/feeds/${source.key}.xml` });
      const expected = content.articles.filter((a) => a.source === source.key);
      expect(feed.format).toBe('rss2');
      expect(feed.title).toBe(source.title);
      expect(feed.items).toHaveLength(expected.length);
      const first = expected[0];
      const item = feed.items.find((i) => i.guid === `wirelens-demo:${first?.key ?? ''}`);
      expect(item?.title).toBe(first?.title);
      expect(item?.link).toBe(`http://127.0.0.1:4000/demo/articles/${first?.key ?? ''}`);
      expect(item?.author).toBe(first?.author);
      expect(item?.publishedAt?.toISOString()).toBe(demoPublishedAt(first?.hoursAgo ?? 0, now).toISOString());
      expect(item?.contentHtml).toContain(first?.body[0]?.slice(0, 40) ?? '');
      expect(item?.contentHtml).toContain('Fictional news');
      total += feed.items.length;
    }
    expect(total).toBe(content.articles.length);
  });

  it('keeps publication times stable between polls a few seconds apart', () => {
    const a = buildDemoFeed({ content, sourceKey: 'demo-markets-wire', baseUrl: 'http://x', now });
    const b = buildDemoFeed({
      content,
      sourceKey: 'demo-markets-wire',
      baseUrl: 'http://x',
      now: new Date(now.getTime() + 5_000),
    });
    const dates = (xml: string) => [...xml.matchAll(/<pubDate>(.*?)<\/pubDate>/g)].map((m) => m[1]);
    expect(dates(a)).toEqual(dates(b));
  });

  it('renders the demo article page with its notice and escapes text', () => {
    const key = content.articles[0]?.key ?? '';
    const html = buildDemoArticlePage({ content, articleKey: key, now });
    expect(html).toContain('Demo content.');
    expect(html).not.toMatch(/<script/i);
    expect(() => buildDemoArticlePage({ content, articleKey: 'nope', now })).toThrow(/No demo article/);
  });
});
