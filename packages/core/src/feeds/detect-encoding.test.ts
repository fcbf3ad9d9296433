import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { decodeFeedBody, detectEncoding } from './detect-encoding.js';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('detectEncoding', () => {
  it('prefers a byte-order mark', () => {
    const body = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...ascii('<?xml version="1.0" encoding="iso-8859-1"?><rss/>'),
    ]);
    expect(detectEncoding({ body, contentType: 'text/xml; charset=gbk' })).toEqual({
      encoding: 'utf-8',
      source: 'bom',
    });
  });

  it('reads the XML declaration, even after leading whitespace', () => {
    expect(
      detectEncoding({ body: ascii('\n  <?xml version="1.0" encoding="windows-1251"?><rss/>') }),
    ).toEqual({
      encoding: 'windows-1251',
      source: 'xml-declaration',
    });
  });

  it('maps ISO-8859-1 to windows-1252 and GB2312 to GBK', () => {
    expect(
      detectEncoding({ body: ascii('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>') }).encoding,
    ).toBe('windows-1252');
    expect(detectEncoding({ body: ascii("<?xml version='1.0' encoding='gb2312'?><rss/>") }).encoding).toBe(
      'gbk',
    );
  });

  it('uses the HTTP charset when the document declares none', () => {
    expect(
      detectEncoding({ body: ascii('<rss/>'), contentType: 'application/rss+xml; charset="KOI8-R"' }),
    ).toEqual({
      encoding: 'koi8-r',
      source: 'content-type',
    });
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(detectEncoding({ body: new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c]) })).toEqual({
      encoding: 'windows-1252',
      source: 'fallback',
    });
  });

  it('falls back even when UTF-8 is declared but the bytes are Latin-1', () => {
    const body = ascii('<?xml version="1.0" encoding="utf-8"?><rss><title>caf\u00e9</title></rss>');
    expect(detectEncoding({ body }).source).toBe('fallback');
  });

  it('ignores unknown charset labels', () => {
    expect(detectEncoding({ body: ascii('<rss/>'), contentType: 'text/xml; charset=bogus-enc' })).toEqual({
      encoding: 'utf-8',
      source: 'default',
    });
  });
});

describe('decodeFeedBody', () => {
  it('decodes windows-1251 and UTF-16 bodies', () => {
    const cyrillic = iconv.encode('<rss><title>Новости</title></rss>', 'windows-1251');
    expect(decodeFeedBody({ body: cyrillic, contentType: 'text/xml; charset=windows-1251' }).text).toContain(
      'Новости',
    );
    const utf16 = iconv.encode('\ufeff<rss><title>日本</title></rss>', 'utf-16le');
    expect(decodeFeedBody({ body: utf16 }).text).toBe('<rss><title>日本</title></rss>');
  });
});
