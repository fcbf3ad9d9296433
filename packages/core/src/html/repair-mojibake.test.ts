import { describe, expect, it } from 'vitest';

import { parseFeed } from '../feeds/parse-feed.js';
import type { FeedItem } from '../feeds/types.js';
import { prepareArticle } from '../ingest/prepare-article.js';
import { mojibakeOf } from '../testing/mojibake.js';
import { htmlToText } from './html-to-text.js';
import { repairMojibake } from './repair-mojibake.js';
import { sanitizeHtml } from './sanitize-html.js';

describe('repairMojibake', () => {
  it('turns doubly decoded UTF-8 back into the characters it was', () => {
    expect(repairMojibake('Metro Bank raises Â£400m ahead of listing')).toBe(
      'Metro Bank raises £400m ahead of listing',
    );
    expect(repairMojibake('Deutsche BÃ¶rse merger â€“ what next')).toBe('Deutsche Börse merger – what next');
    expect(repairMojibake('PKN OrlenÂ\u00a0and Åšwiat: Å‚Ã³dÅº')).toBe('PKN Orlen\u00a0and Świat: łódź');
    expect(repairMojibake('itâ€™s a â€œturnaroundâ€\u009d')).toBe('it’s a “turnaround”');
  });

  it('repairs any text broken once: accents, signs, Greek, Cyrillic, CJK and emoji', () => {
    const texts = [
      'Nestlé and L’Oréal: €1.2bn deal, “cautious” outlook — 5½ pct',
      'Ørsted, Société Générale, Crédit Agricole, Škoda, Łódź',
      'Ρωσία και Ελλάδα · Привет, Газпром',
      '北京 — 東京 · 서울 🚀📉',
    ];
    for (const text of texts) expect(repairMojibake(mojibakeOf(text))).toBe(text);
  });

  it('repairs text broken twice', () => {
    expect(repairMojibake(mojibakeOf(mojibakeOf('Börse £5')))).toBe('Börse £5');
  });

  it('leaves correct text alone, in every language the repair could mistake', () => {
    const texts = [
      'São Paulo, naïve café, Æon, « Élysée », ÀÉÎÕÜ',
      // A German closing quote after ß: the bytes DF 93 are valid UTF-8 (an N'Ko letter).
      'Er sagte „viele Grüße“ und „Gruß“',
      'Â alone, Ã alone, price Â 5, Ð and Ñ',
      'ﬁnance 北京 🚀 שלום عربي',
      '',
    ];
    for (const text of texts) expect(repairMojibake(text)).toBe(text);
  });

  it('keeps a broken run that is not valid UTF-8 as it came', () => {
    // "â€" needs a third byte; an overlong two-byte form (C0/C1 leads) is never valid.
    expect(repairMojibake('driveâ€ now')).toBe('driveâ€ now');
    expect(repairMojibake('Ã€ and Ã')).toBe('À and Ã');
  });
});

describe('mojibake on the way in', () => {
  it('is repaired in item titles, authors, summaries, HTML and the text taken from it', () => {
    const feed = parseFeed({
      body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>CafÃ© News</title><link>https://example.com/</link>
<item><title>Deutsche BÃ¶rse raises Â£400m</title><link>https://example.com/a</link>
<dc:creator>FranÃ§ois Dupont</dc:creator><description>Shares â€“ up 5%</description>
<content:encoded><![CDATA[<p>Deutsche BÃ¶rse said itâ€™s &Acirc;&pound;400m.</p>]]></content:encoded></item>
</channel></rss>`,
      url: 'https://example.com/feed',
    });
    expect(feed.title).toBe('Café News');
    const [item] = feed.items;
    expect(item).toMatchObject({
      title: 'Deutsche Börse raises £400m',
      author: 'François Dupont',
      summaryText: 'Shares – up 5%',
    });
    const prepared = prepareArticle({ item: item as FeedItem, fetchedAt: new Date('2026-12-01T00:00:00Z') });
    expect(prepared).toMatchObject({
      ok: true,
      draft: {
        title: 'Deutsche Börse raises £400m',
        contentHtml: '<p>Deutsche Börse said it’s £400m.</p>',
        contentText: 'Deutsche Börse said it’s £400m.',
      },
    });
  });

  it('never turns broken characters into markup', () => {
    // No repaired character is below U+0080, so no repair can open a tag or an entity.
    expect(sanitizeHtml('<p>Â£5 &lt;b&gt; Ã¶</p>')).toBe('<p>£5 &lt;b&gt; ö</p>');
    expect(htmlToText('<p>Ã¶ &amp; Â£</p>')).toBe('ö & £');
  });
});
