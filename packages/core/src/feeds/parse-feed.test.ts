import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { AppError } from '../errors/app-error.js';
import { parseFeed } from './parse-feed.js';

function invalidReason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (AppError.is(error, 'INVALID_FEED')) return error.message;
    throw error;
  }
  throw new Error('expected INVALID_FEED');
}

const rss = (items: string, channelExtra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Example &amp; Co</title><link>https://example.com/</link><description>News</description><language>en</language>${channelExtra}
${items}
</channel></rss>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed({
    url: 'https://example.com/feed.xml',
    body: rss(`
<item>
  <title>Cats &amp; dogs &lt;b&gt;live&lt;/b&gt;&nbsp;today</title>
  <link>/news/1?x=1&y=2</link>
  <guid isPermaLink="false">id-1</guid>
  <pubDate>Mon, 01 Jan 2018 10:00:00 EST</pubDate>
  <dc:creator>Jane Doe</dc:creator>
  <description><![CDATA[<p>Short <b>teaser</b></p>]]></description>
  <content:encoded><![CDATA[<p>The whole story.</p>]]></content:encoded>
  <category>Pets</category><category> Pets </category><category>Animals</category>
  <enclosure url="https://cdn.example.com/a.mp3" type="audio/mpeg" length="1234"/>
  <media:group><media:content url="https://cdn.example.com/pic.jpg" medium="image"/></media:group>
</item>
<item>
  <title>Only a guid</title>
  <guid>https://example.com/news/2</guid>
  <pubDate>not a date</pubDate>
  <author>editor@example.com (The Editor)</author>
</item>
<item><description>no title, no link, no guid</description></item>`),
  });

  it('reads channel fields', () => {
    expect(feed).toMatchObject({
      format: 'rss2',
      title: 'Example & Co',
      link: 'https://example.com/',
      description: 'News',
      language: 'en',
      droppedItems: 1,
    });
    expect(feed.items).toHaveLength(2);
  });

  it('cleans titles, resolves links and reads namespaced fields', () => {
    expect(feed.items[0]).toEqual({
      guid: 'id-1',
      title: 'Cats & dogs live today',
      link: 'https://example.com/news/1?x=1&y=2',
      publishedAt: new Date('2018-01-01T15:00:00Z'),
      updatedAt: null,
      author: 'Jane Doe',
      summaryHtml: '<p>Short <b>teaser</b></p>',
      summaryText: 'Short teaser',
      contentHtml: '<p>The whole story.</p>',
      imageUrl: 'https://cdn.example.com/pic.jpg',
      categories: ['Pets', 'Animals'],
      enclosures: [{ url: 'https://cdn.example.com/a.mp3', type: 'audio/mpeg', length: 1234 }],
    });
  });

  it('falls back to a permalink guid, drops invalid dates and keeps the author name', () => {
    expect(feed.items[1]).toMatchObject({
      link: 'https://example.com/news/2',
      publishedAt: null,
      author: 'The Editor',
    });
  });

  it('does not use a non-permalink guid that is not a URL as link', () => {
    const parsed = parseFeed({
      body: rss('<item><title>T</title><guid isPermaLink="false">abc</guid></item>'),
    });
    expect(parsed.items[0]?.link).toBeNull();
    expect(parsed.items[0]?.guid).toBe('abc');
  });

  it('takes media:thumbnail and skips tracking pixels when looking for an image', () => {
    const parsed = parseFeed({
      body: rss(`<item><title>a</title><link>https://e.com/a</link><media:thumbnail url="https://e.com/t.jpg"/></item>
<item><title>b</title><link>https://e.com/b</link><description>&lt;img src="https://px.e.com/p" width="1" height="1"&gt;&lt;img src="/real.png"&gt;</description></item>`),
    });
    expect(parsed.items.map((i) => i.imageUrl)).toEqual([
      'https://e.com/t.jpg',
      'https://example.com/real.png',
    ]);
  });

  it('identifies RSS 0.91', () => {
    const parsed = parseFeed({
      body: '<rss version="0.91"><channel><title>Old</title><item><title>x</title><link>http://e.com/x</link></item></channel></rss>',
    });
    expect(parsed.format).toBe('rss09');
    expect(parsed.items).toHaveLength(1);
  });
});

describe('parseFeed: RSS 1.0 and 0.90 (RDF)', () => {
  it('reads items that are siblings of the channel', () => {
    const parsed = parseFeed({
      body: `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://e.com/"><title>RDF feed</title><link>https://e.com/</link><description>d</description></channel>
  <item rdf:about="https://e.com/1"><title>One</title><link>https://e.com/1</link><dc:date>2017-06-15T10:29:47-07:00</dc:date><dc:creator>A. Author</dc:creator><dc:subject>Science</dc:subject></item>
</rdf:RDF>`,
    });
    expect(parsed.format).toBe('rss1');
    expect(parsed.items[0]).toMatchObject({
      guid: 'https://e.com/1',
      title: 'One',
      publishedAt: new Date('2017-06-15T17:29:47Z'),
      author: 'A. Author',
      categories: ['Science'],
    });
  });

  it('identifies RSS 0.90', () => {
    const parsed = parseFeed({
      body: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
<item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item></rdf:RDF>`,
    });
    expect(parsed.format).toBe('rss09');
    expect(parsed.items[0]?.link).toBe('http://www.mozilla.org/status/');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed({
    url: 'https://blog.example.org/feed.atom',
    body: `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de" xml:base="https://blog.example.org/base/">
  <title type="text">Blog &lt;3</title>
  <link rel="self" href="/feed.atom"/><link href="https://blog.example.org/"/>
  <author><name>Feed Author</name></author>
  <entry>
    <title type="html">&lt;em&gt;Hello&lt;/em&gt; world</title>
    <link rel="alternate" type="text/html" href="posts/hello"/>
    <link rel="enclosure" href="/a.ogg" type="audio/ogg" length="10"/>
    <id>urn:uuid:1</id>
    <updated>2020-01-02T00:00:00Z</updated>
    <summary type="text">Less &lt;than&gt; more</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full <b>text</b></p></div></content>
    <category term="tech"/>
  </entry>
  <entry xml:base="https://other.example.net/x/">
    <title>Second</title><link href="y"/><id>urn:uuid:2</id>
    <published>2020-01-01T00:00:00Z</published>
    <author><name>Entry Author</name></author>
  </entry>
</feed>`,
  });

  it('keeps text titles verbatim and strips tags from html titles', () => {
    expect(feed.title).toBe('Blog <3');
    expect(feed.language).toBe('de');
    expect(feed.items[0]?.title).toBe('Hello world');
  });

  it('resolves links against xml:base and reads Atom constructs', () => {
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:uuid:1',
      link: 'https://blog.example.org/base/posts/hello',
      publishedAt: new Date('2020-01-02T00:00:00Z'),
      updatedAt: new Date('2020-01-02T00:00:00Z'),
      author: 'Feed Author',
      summaryHtml: 'Less &lt;than&gt; more',
      summaryText: 'Less <than> more',
      contentHtml: '<p>Full <b>text</b></p>',
      categories: ['tech'],
      enclosures: [{ url: 'https://blog.example.org/a.ogg', type: 'audio/ogg', length: 10 }],
    });
    expect(feed.items[1]).toMatchObject({ link: 'https://other.example.net/x/y', author: 'Entry Author' });
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads JSON Feed 1.1', () => {
    const parsed = parseFeed({
      body: JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON & friends',
        home_page_url: 'https://j.example/',
        language: 'en',
        authors: [{ name: 'Feed Person' }],
        items: [
          {
            id: 1,
            url: '/posts/1',
            title: 'First',
            content_html: '<p>Hi</p>',
            summary: 'A <summary>',
            date_published: '2021-05-01T12:00:00+02:00',
            tags: ['a', 'b'],
            image: 'https://j.example/i.png',
            attachments: [{ url: 'https://j.example/f.mp3', mime_type: 'audio/mpeg', size_in_bytes: 99 }],
          },
          { id: '2', content_text: 'Plain & simple', external_url: 'https://elsewhere.example/2' },
          { content_text: 'nothing to identify' },
        ],
      }),
    });
    expect(parsed).toMatchObject({
      format: 'json',
      title: 'JSON & friends',
      language: 'en',
      droppedItems: 1,
    });
    expect(parsed.items[0]).toMatchObject({
      guid: '1',
      link: 'https://j.example/posts/1',
      publishedAt: new Date('2021-05-01T10:00:00Z'),
      author: 'Feed Person',
      summaryHtml: 'A &lt;summary&gt;',
      contentHtml: '<p>Hi</p>',
      categories: ['a', 'b'],
      imageUrl: 'https://j.example/i.png',
      enclosures: [{ url: 'https://j.example/f.mp3', type: 'audio/mpeg', length: 99 }],
    });
    expect(parsed.items[1]).toMatchObject({
      link: 'https://elsewhere.example/2',
      contentHtml: 'Plain &amp; simple',
    });
  });

  it('rejects JSON that is not a feed', () => {
    expect(invalidReason(() => parseFeed({ body: '{"hello": 1}' }))).toMatch(/items/);
    expect(invalidReason(() => parseFeed({ body: '{"items": [' }))).toMatch(/does not parse/);
  });
});

describe('parseFeed: encodings', () => {
  it('decodes by HTTP charset when undeclared', () => {
    const body = iconv.encode('<rss><channel><title>Новости</title></channel></rss>', 'windows-1251');
    expect(parseFeed({ body, contentType: 'application/rss+xml; charset=windows-1251' }).title).toBe(
      'Новости',
    );
  });

  it('decodes GBK declared as GB2312 and Latin-1 without declaration', () => {
    const gbk = iconv.encode(
      '<?xml version="1.0" encoding="gb2312"?><rss><channel><title>新闻</title></channel></rss>',
      'gbk',
    );
    expect(parseFeed({ body: gbk }).title).toBe('新闻');
    const latin1 = iconv.encode('<rss><channel><title>Notícias</title></channel></rss>', 'latin1');
    expect(parseFeed({ body: latin1 }).title).toBe('Notícias');
  });
});

describe('parseFeed: tolerated breakage', () => {
  it('accepts bare ampersands, HTML entities and junk before the declaration', () => {
    const parsed = parseFeed({
      body: `\n\n  <?xml version="1.0"?><rss><channel><title>AT&T &nbsp;&mdash; R&D</title>
<item><title>Q&A &hellip;</title><link>https://e.com/?a=1&b=2</link></item></channel></rss>`,
    });
    expect(parsed.title).toBe('AT&T — R&D');
    expect(parsed.items[0]).toMatchObject({ title: 'Q&A …', link: 'https://e.com/?a=1&b=2' });
  });

  it('treats prototype-like names as ordinary names', () => {
    const parsed = parseFeed({
      body: '<rss xmlns:__proto__="x"><channel><constructor:title>no</constructor:title><title>T</title><item><toString:x/><title>i</title><link>https://e.com/</link></item></channel></rss>',
      contentType: 'text/xml; charset=constructor',
    });
    expect(parsed.title).toBe('T');
    expect(parsed.items).toHaveLength(1);
  });

  it('finds a feed wrapped in an HTML page', () => {
    const parsed = parseFeed({
      body: `<!DOCTYPE html><html><body><pre><rss version="2.0"><channel><title>Wrapped</title>
<item><title>x</title><link>https://e.com/x</link></item></channel></rss></pre></body></html>`,
    });
    expect(parsed.title).toBe('Wrapped');
    expect(parsed.items).toHaveLength(1);
  });

  it('keeps the complete items of a truncated feed', () => {
    const parsed = parseFeed({
      body: '<rss><channel><title>T</title><item><title>a</title><link>https://e.com/a</link></item><item><title>b',
    });
    expect(parsed.items.map((i) => i.title)).toEqual(['a', 'b']);
  });

  it('accepts a well-formed feed without items', () => {
    expect(
      parseFeed({ body: '<rss version="2.0"><channel><title>Empty</title></channel></rss>' }).items,
    ).toEqual([]);
  });
});

describe('parseFeed: refused input', () => {
  it.each([
    ['an empty body', '', /empty body/],
    ['whitespace only', ' \n\t ', /empty body/],
    [
      'an HTML page',
      '<!doctype html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>',
      /HTML page/,
    ],
    ['an HTML page without doctype', '<html><body>Not a feed</body></html>', /HTML page/],
    ['other XML', '<?xml version="1.0"?><note><to>you</to></note>', /no <rss>/],
    ['plain text', 'just some words', /no <rss>/],
    [
      'truncated XML without items',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut of',
      /truncated/,
    ],
  ])('rejects %s with INVALID_FEED', (_name, body, reason) => {
    expect(invalidReason(() => parseFeed({ body }))).toMatch(reason);
  });

  it('never expands DTD entities (billion laughs)', () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const body = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol0 "lol">
${levels}
]>
<rss><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://e.com/a</link></item></channel></rss>`;
    const started = Date.now();
    const parsed = parseFeed({ body });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(parsed.title).toBe('&lol9;');
    expect(parsed.items[0]?.title).toBe('&lol9;');
  });

  it('refuses bodies over maxBytes with TOO_LARGE', () => {
    expect(() => parseFeed({ body: new Uint8Array(2048), maxBytes: 1024 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }),
    );
  });

  it('survives absurdly deep nesting', () => {
    const body = `<rss><channel><title>Deep</title><item><title>t</title><link>https://e.com/</link><description>${'<div>'.repeat(20000)}x</description></item></channel></rss>`;
    expect(parseFeed({ body }).items).toHaveLength(1);
  });
});
