import iconv from 'iconv-lite';

/**
 * What a publisher's system makes of UTF-8 text that it decodes once more as Windows-1252: the
 * mojibake `repairMojibake` undoes. The five bytes Windows-1252 leaves undefined become their C1
 * control characters, as in WHATWG decoders.
 */
export function mojibakeOf(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (byte) => {
    const char = iconv.decode(Buffer.from([byte]), 'windows-1252');
    return char === '\ufffd' ? String.fromCharCode(byte) : char;
  }).join('');
}
