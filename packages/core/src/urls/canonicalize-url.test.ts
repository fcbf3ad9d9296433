import { describe, expect, it } from 'vitest';

import { canonicalizeUrl, isTrackingParam } from './canonicalize-url.js';
import { urlKey } from './url-key.js';

describe('canonicalizeUrl', () => {
  it.each([
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['https://example.com/a/', 'https://example.com/a'],
    ['https://example.com/a//', 'https://example.com/a'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com.', 'https://example.com/'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    [
      'https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x&id=7',
      'https://example.com/a?id=7',
    ],
    ['https://example.com/a?UTM_Source=Twitter', 'https://example.com/a'],
    ['https://example.com/a?fbclid=IwAR0abc&gclid=xyz&dclid=1&msclkid=2', 'https://example.com/a'],
    ['https://example.com/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5', 'https://example.com/a'],
    ['https://example.com/a?ref=hn&ref_src=twsrc&igshid=1&yclid=2&spm=a.b', 'https://example.com/a'],
    ['https://example.com/a?cmpid=rss&ncid=x&sr_share=twitter&page=2', 'https://example.com/a?page=2'],
    [
      'https://www.heise.de/meldung/x-3088438.html?wt_mc=rss.developer.beitrag.atom',
      'https://www.heise.de/meldung/x-3088438.html',
    ],
    ['https://example.com/a?q=a+b&x=%2f', 'https://example.com/a?q=a+b&x=%2F'],
    ['https://example.com/%7euser/%41', 'https://example.com/~user/A'],
    ['https://example.com/a?flag', 'https://example.com/a?flag'],
    ['https://example.com/a?b=1&&a=2', 'https://example.com/a?a=2&b=1'],
    ['https://bücher.example/a', 'https://xn--bcher-kva.example/a'],
    ['https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['http://[::1]:80/x', 'http://[::1]/x'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('maps the same article with different tracking junk to one URL', () => {
    const variants = [
      'https://news.example.com/story/42?utm_source=newsletter&utm_medium=email#comments',
      'https://NEWS.example.com:443/story/42/?fbclid=abc',
      'https://news.example.com/story/42?utm_campaign=spring&gclid=zzz&ref=homepage',
    ];
    expect(new Set(variants.map(canonicalizeUrl))).toEqual(new Set(['https://news.example.com/story/42']));
  });

  it('keeps the scheme and www, which can name different servers', () => {
    expect(canonicalizeUrl('http://www.example.com/a')).toBe('http://www.example.com/a');
  });

  it.each(['not a url', 'ftp://example.com/file', 'javascript:alert(1)', 'mailto:a@example.com', ''])(
    'rejects %j with INVALID_INPUT',
    (input) => {
      expect(() => canonicalizeUrl(input)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    },
  );
});

describe('urlKey', () => {
  it('ignores scheme and a www. prefix', () => {
    expect(urlKey('http://www.Example.com/a/?utm_source=x')).toBe('example.com/a');
    expect(urlKey('https://example.com/a')).toBe('example.com/a');
  });

  it('keeps other subdomains apart', () => {
    expect(urlKey('https://blog.example.com/a')).not.toBe(urlKey('https://example.com/a'));
  });
});

describe('isTrackingParam', () => {
  it('knows tracking parameters and leaves content parameters alone', () => {
    expect(['utm_content', 'fbclid', 'Gclid', 'pk_campaign'].every(isTrackingParam)).toBe(true);
    expect(['id', 'page', 'q', 'p', 'v'].some(isTrackingParam)).toBe(false);
  });
});
