import iconv from 'iconv-lite';

export type EncodingSource = 'bom' | 'xml-declaration' | 'content-type' | 'default' | 'fallback';

export interface DetectedEncoding {
  /** iconv-lite name of the encoding used to decode the body. */
  encoding: string;
  source: EncodingSource;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * WHATWG treats these labels as windows-1252: servers that say Latin-1 nearly always
 * send cp1252 (curly quotes, euro sign in 0x80–0x9F), and decoding as such loses nothing.
 */
const labelAliases = new Map<string, string>([
  ['iso-8859-1', 'windows-1252'],
  ['iso8859-1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['us-ascii', 'windows-1252'],
  ['ascii', 'windows-1252'],
  // GBK is a superset of GB2312; publishers labelled GB2312 routinely use GBK characters.
  ['gb2312', 'gbk'],
  ['x-gbk', 'gbk'],
  ['utf8', 'utf-8'],
]);

function normalizeLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const resolved = labelAliases.get(lower) ?? lower;
  return iconv.encodingExists(resolved) ? resolved : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding we accept, so a byte-wise view of the head suffices.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return normalizeLabel(match?.[1]);
}

function contentTypeCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return normalizeLabel(match?.[2]);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the encoding of a feed body. Order: BOM, then the XML declaration, then the HTTP charset.
 * The declaration beats the header (against RFC 7303) because the feed generator writes the
 * declaration while the header is often a server-wide default; when UTF-8 is claimed or assumed
 * but the bytes are not valid UTF-8, windows-1252 (a Latin-1 superset) is used instead.
 */
export function detectEncoding({
  body,
  contentType,
}: {
  body: Uint8Array;
  contentType?: string | null;
}): DetectedEncoding {
  const bom = bomEncoding(body);
  if (bom) return { encoding: bom, source: 'bom' };
  const declared = declaredEncoding(body);
  const fromHeader = contentTypeCharset(contentType);
  const chosen: DetectedEncoding = declared
    ? { encoding: declared, source: 'xml-declaration' }
    : fromHeader
      ? { encoding: fromHeader, source: 'content-type' }
      : { encoding: 'utf-8', source: 'default' };
  if (chosen.encoding === 'utf-8' && !isValidUtf8(body)) {
    return { encoding: 'windows-1252', source: 'fallback' };
  }
  return chosen;
}

/** Decodes a feed body to a string (without BOM) using {@link detectEncoding}. */
export function decodeFeedBody({ body, contentType }: { body: Uint8Array; contentType?: string | null }): {
  text: string;
  encoding: DetectedEncoding;
} {
  const encoding = detectEncoding({ body, contentType });
  const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding.encoding, {
    stripBOM: true,
  });
  return { text, encoding };
}
