import { describe, expect, it } from 'vitest';

import { parseFeed } from '../feeds/parse-feed.js';
import type { FeedItem } from '../feeds/types.js';
import { prepareArticle } from '../ingest/prepare-article.js';

/** A feed whose names and item carry the given texts, written as a publisher would send them. */
function feedWith(parts: {
  feed: string;
  description: string;
  title: string;
  author: string;
  summary: string;
  html: string;
}) {
  return parseFeed({
    body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${parts.feed}</title><link>https://example.com/</link><description>${parts.description}</description>
<item><title>${parts.title}</title><link>https://example.com/a</link>
<dc:creator>${parts.author}</dc:creator><description>${parts.summary}</description>
<content:encoded><![CDATA[${parts.html}]]></content:encoded></item>
</channel></rss>`,
    url: 'https://example.com/feed',
  });
}

describe('feeds and articles on the way in', () => {
  it.each([
    {
      kind: 'bidi controls, raw and as entities, are stripped',
      sent: {
        feed: 'Daily &#x202E;News',
        description: '\u2066Markets\u2069',
        title: 'Acme \u202eadmits fraud\u202c today',
        author: 'Jane &#8238;Doe',
        summary: 'Shares \u202dfell',
        html: '<p>Shares \u202efell 5%.</p>',
      },
      stored: {
        feed: 'Daily News',
        description: 'Markets',
        title: 'Acme admits fraud today',
        author: 'Jane Doe',
        summary: 'Shares fell',
        html: '<p>Shares fell 5%.</p>',
        text: 'Shares fell 5%.',
      },
    },
    {
      kind: 'mojibake, raw and as entities, is repaired',
      sent: {
        feed: 'CafÃ© News',
        description: 'Markets â€“ daily',
        title: 'Deutsche BÃ¶rse raises Â£400m',
        author: 'FranÃ§ois Dupont',
        summary: 'Shares â€“ up 5%',
        html: '<p>Deutsche BÃ¶rse said itâ€™s &Acirc;&pound;400m.</p>',
      },
      stored: {
        feed: 'Café News',
        description: 'Markets – daily',
        title: 'Deutsche Börse raises £400m',
        author: 'François Dupont',
        summary: 'Shares – up 5%',
        html: '<p>Deutsche Börse said it’s £400m.</p>',
        text: 'Deutsche Börse said it’s £400m.',
      },
    },
  ])('$kind in feed and item titles, authors, summaries, HTML and its text', ({ sent, stored }) => {
    const feed = feedWith(sent);
    expect(feed.title).toBe(stored.feed);
    expect(feed.description).toBe(stored.description);
    const [item] = feed.items;
    expect(item).toMatchObject({ title: stored.title, author: stored.author, summaryText: stored.summary });
    const prepared = prepareArticle({ item: item as FeedItem, fetchedAt: new Date('2026-12-01T00:00:00Z') });
    expect(prepared).toMatchObject({
      ok: true,
      draft: {
        title: stored.title,
        author: stored.author,
        excerpt: stored.summary,
        contentHtml: stored.html,
        contentText: stored.text,
      },
    });
  });
});
