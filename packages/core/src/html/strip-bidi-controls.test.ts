import { describe, expect, it } from 'vitest';

import { parseFeed } from '../feeds/parse-feed.js';
import type { FeedItem } from '../feeds/types.js';
import { prepareArticle } from '../ingest/prepare-article.js';
import { htmlToText } from './html-to-text.js';
import { sanitizeHtml } from './sanitize-html.js';
import { stripBidiControls } from './strip-bidi-controls.js';

const OVERRIDES = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';

describe('stripBidiControls', () => {
  it('removes every embedding, override and isolate control', () => {
    expect(stripBidiControls(`Profit \u202ewarning\u202c for ${OVERRIDES}Acme`)).toBe(
      'Profit warning for Acme',
    );
  });

  it('keeps right-to-left text and the directional marks', () => {
    expect(stripBidiControls('שלום \u200fworld\u200e عربي')).toBe('שלום \u200fworld\u200e عربي');
  });
});

describe('HTML on the way in', () => {
  it('sanitised HTML carries no bidi controls, in text or attributes, written raw or as entities', () => {
    const html = sanitizeHtml(
      '<p>Shares \u202efell&#x202E; <img src="https://x.example/a.png" alt="\u2067chart"> &#8238;now</p>',
    );
    expect(html).toBe('<p>Shares fell <img src="https://x.example/a.png" alt="chart"> now</p>');
  });

  it('text taken from HTML carries none either', () => {
    expect(htmlToText('<p>Shares \u202efell&#x202E; now</p>')).toBe('Shares fell now');
  });
});

describe('feeds and articles on the way in', () => {
  it('strips bidi controls from feed and item titles, authors, summaries and HTML', () => {
    const feed = parseFeed({
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily &#x202E;News</title><link>https://example.com/</link><description>\u2066Markets\u2069</description>
<item><title>Acme \u202eadmits fraud\u202c today</title><link>https://example.com/a</link>
<dc:creator>Jane &#8238;Doe</dc:creator><description>Shares \u202dfell</description>
<content:encoded><![CDATA[<p>Shares \u202efell 5%.</p>]]></content:encoded></item>
</channel></rss>`,
      url: 'https://example.com/feed',
    });
    expect(feed.title).toBe('Daily News');
    expect(feed.description).toBe('Markets');
    const [item] = feed.items;
    expect(item).toMatchObject({
      title: 'Acme admits fraud today',
      author: 'Jane Doe',
      summaryText: 'Shares fell',
    });
    const prepared = prepareArticle({ item: item as FeedItem, fetchedAt: new Date('2026-12-01T00:00:00Z') });
    expect(prepared).toMatchObject({
      ok: true,
      draft: {
        title: 'Acme admits fraud today',
        author: 'Jane Doe',
        excerpt: 'Shares fell',
        contentHtml: '<p>Shares fell 5%.</p>',
        contentText: 'Shares fell 5%.',
      },
    });
  });
});
