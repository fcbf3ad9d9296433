import { describe, expect, it } from 'vitest';

import { buildOpml } from './build-opml.js';
import { parseOpml } from './parse-opml.js';

const exported = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My subscriptions &amp; more</title></head>
  <body>
    <outline text="Tech" title="Tech">
      <outline type="rss" text="Heise" title="heise developer" xmlUrl="https://www.heise.de/developer/rss/news-atom.xml" htmlUrl="https://www.heise.de/developer/"/>
      <outline text="Blogs">
        <outline type="rss" text="Avian" xmlUrl="http://www.tablix.org/~avian/blog/atom.xml"/>
      </outline>
    </outline>
    <outline type="rss" text="Guardian" xmlURL="https://www.theguardian.com/us/rss" category="/News/World"/>
    <outline type="rss" text="Q&A feed" xmlUrl="https://e.com/feed?a=1&b=2"/>
    <outline type="rss" text="No URL"/>
    <outline type="rss" text="Bad scheme" xmlUrl="javascript:alert(1)"/>
  </body>
</opml>`;

describe('parseOpml', () => {
  const doc = parseOpml(exported);

  it('flattens folders and names the innermost folder as category', () => {
    expect(doc.title).toBe('My subscriptions & more');
    expect(doc.outlines).toEqual([
      {
        xmlUrl: 'https://www.heise.de/developer/rss/news-atom.xml',
        htmlUrl: 'https://www.heise.de/developer/',
        title: 'heise developer',
        text: 'Heise',
        category: 'Tech',
      },
      {
        xmlUrl: 'http://www.tablix.org/~avian/blog/atom.xml',
        htmlUrl: null,
        title: null,
        text: 'Avian',
        category: 'Blogs',
      },
      {
        xmlUrl: 'https://www.theguardian.com/us/rss',
        htmlUrl: null,
        title: null,
        text: 'Guardian',
        category: 'World',
      },
      { xmlUrl: 'https://e.com/feed?a=1&b=2', htmlUrl: null, title: null, text: 'Q&A feed', category: null },
      { xmlUrl: '', htmlUrl: null, title: null, text: 'No URL', category: null },
      { xmlUrl: 'javascript:alert(1)', htmlUrl: null, title: null, text: 'Bad scheme', category: null },
    ]);
    expect(doc.skipped).toEqual([]);
  });

  it('lists feeds nested deeper than 64 folders as skipped instead of dropping them', () => {
    const folders = (depth: number, inner: string): string =>
      depth === 0 ? inner : `<outline text="F${depth}">${folders(depth - 1, inner)}</outline>`;
    const deep = parseOpml(
      `<opml version="2.0"><body>${folders(64, '<outline type="rss" text="Edge" xmlUrl="https://edge.example/rss"/>')}${folders(65, '<outline type="rss" text="Too deep" xmlUrl="https://deep.example/rss"/>')}${folders(3000, '<outline text="Bottom"/>')}</body></opml>`,
    );
    expect(deep.outlines.map((o) => o.xmlUrl)).toEqual(['https://edge.example/rss']);
    expect(deep.skipped).toEqual([
      { url: 'https://deep.example/rss', reason: 'nested deeper than 64 levels' },
      { url: '', reason: 'nested deeper than 64 levels' },
    ]);
  });

  it('rejects documents that are not OPML', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('buildOpml', () => {
  const sources = [
    {
      xmlUrl: 'https://a.example/feed?x=1&y="2"',
      htmlUrl: 'https://a.example/',
      title: 'A <&> "quoted"',
      category: 'News',
    },
    { xmlUrl: 'https://b.example/rss', title: 'B\u0001 control', category: 'News' },
    { xmlUrl: 'https://c.example/atom', title: null, category: null },
    { xmlUrl: 'https://d.example/feed', title: 'D', category: 'Tech & Science' },
  ];
  const xml = buildOpml({ title: 'Export <1>', sources, dateCreated: new Date('2026-11-27T00:00:00Z') });

  it('writes escaped OPML 2.0', () => {
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('<title>Export &lt;1&gt;</title>');
    expect(xml).toContain('<dateCreated>Fri, 27 Nov 2026 00:00:00 GMT</dateCreated>');
    expect(xml).toContain('xmlUrl="https://a.example/feed?x=1&amp;y=&quot;2&quot;"');
    expect(xml).not.toContain('\u0001');
  });

  it('round-trips through parseOpml', () => {
    const parsed = parseOpml(xml);
    expect(parsed.title).toBe('Export <1>');
    expect(
      parsed.outlines.map(({ xmlUrl, htmlUrl, title, category }) => ({ xmlUrl, htmlUrl, title, category })),
    ).toEqual([
      {
        xmlUrl: 'https://a.example/feed?x=1&y="2"',
        htmlUrl: 'https://a.example/',
        title: 'A <&> "quoted"',
        category: 'News',
      },
      { xmlUrl: 'https://b.example/rss', htmlUrl: null, title: 'B control', category: 'News' },
      { xmlUrl: 'https://d.example/feed', htmlUrl: null, title: 'D', category: 'Tech & Science' },
      { xmlUrl: 'https://c.example/atom', htmlUrl: null, title: 'https://c.example/atom', category: null },
    ]);
  });
});
