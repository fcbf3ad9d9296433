import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { extractArticle } from './extract-article.js';

const page = readFileSync(new URL('../../test/fixtures/html/article.html', import.meta.url), 'utf8');
const url = 'https://courier.example/news/sea-wall-vote';

describe('extractArticle', () => {
  const article = extractArticle({ html: page, url });

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: 'Harbour town votes to rebuild its flooded sea wall',
      byline: 'Maria Okafor',
      excerpt: 'Councillors approved a £14m plan after the third flood in five years.',
      imageUrl: 'https://courier.example/media/2026/11/sea-wall.jpg',
      lang: 'en-GB',
      siteName: 'The Coastal Courier',
    });
  });

  it('keeps the article body and leaves out navigation, related links, comments and footer', () => {
    const text = article?.text ?? '';
    expect(text).toMatch(/^Councillors in Port Arden voted on Tuesday night/);
    expect(text).toContain('Funding still incomplete');
    expect(text).toContain('comment online until 15 December.');
    for (const junk of [
      'Subscribe',
      'Most read',
      'Ferry timetable',
      'seagull77',
      'First!',
      'Privacy',
      'loadAd',
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it('returns sanitised HTML with absolute, hardened links', () => {
    const html = article?.contentHtml ?? '';
    expect(html).toContain(
      '<a href="https://courier.example/news/sea-wall-consultation" rel="noopener noreferrer nofollow" target="_blank">comment online</a>',
    );
    expect(html).not.toMatch(/<script|onclick|class=/);
  });

  it('returns null for a page without an article', () => {
    expect(
      extractArticle({ html: '<html><body><nav><a href="/">Home</a></nav></body></html>', url }),
    ).toBeNull();
  });

  it('refuses oversized pages', () => {
    expect(() => extractArticle({ html: page, url, maxChars: 100 })).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE' }),
    );
  });
});
