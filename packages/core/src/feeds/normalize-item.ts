import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';

import { cleanText } from '../html/clean-text.js';
import { htmlToText } from '../html/html-to-text.js';
import { parseFeedDate } from './parse-date.js';
import type { FeedEnclosure, FeedItem, RawFeedItem } from './types.js';

/** Resolves `value` against `base`; only http(s) results are kept, anything else is not a link. */
export function resolveHttpUrl(
  value: string | null | undefined,
  base: string | null | undefined,
): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function collapse(value: string | null | undefined): string | null {
  const text = value === null || value === undefined ? null : cleanText(value).replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** Titles and similar one-line fields: HTML-decoded, tags stripped, whitespace collapsed. */
export function cleanTitle(value: string | null | undefined, { isText = false } = {}): string | null {
  if (!value) return null;
  return collapse(isText ? value : htmlToText(value));
}

/** `jane@example.com (Jane Doe)` is how RSS `<author>` is specified; people want the name. */
function cleanAuthor(value: string | null | undefined): string | null {
  const text = collapse(value);
  if (!text) return null;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return collapse(named?.[1]) ?? text;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}

function toEnclosure(raw: RawFeedItem['enclosures'][number], base: string | null): FeedEnclosure | null {
  const url = resolveHttpUrl(raw.url, base);
  if (!url) return null;
  const length = raw.length && /^\d+$/.test(raw.length.trim()) ? Number(raw.length.trim()) : null;
  return { url, type: nonEmpty(raw.type), length };
}

/**
 * Turns the fields a reader found into a clean {@link FeedItem}, or null when the item has
 * nothing to identify it by (no link, no guid and no title).
 */
export function normalizeItem(raw: RawFeedItem): FeedItem | null {
  const base = raw.baseUrl;
  const guid = collapse(raw.guid);
  const link =
    resolveHttpUrl(raw.link, base) ??
    (raw.guidIsPermaLink || /^https?:\/\//i.test(guid ?? '') ? resolveHttpUrl(guid, null) : null);
  const title = cleanTitle(raw.title, { isText: raw.titleIsText });
  if (!link && !guid && !title) return null;
  const summaryHtml = nonEmpty(raw.summaryHtml);
  const contentHtml = nonEmpty(raw.contentHtml);
  const categories = [
    ...new Set(raw.categories.map((c) => collapse(c)).filter((c): c is string => c !== null)),
  ];
  const enclosures = raw.enclosures
    .map((e) => toEnclosure(e, base))
    .filter((e): e is FeedEnclosure => e !== null);
  return {
    guid,
    title,
    link,
    publishedAt: parseFeedDate(raw.published) ?? parseFeedDate(raw.updated),
    updatedAt: parseFeedDate(raw.updated),
    author: cleanAuthor(raw.author),
    summaryHtml,
    summaryText: summaryHtml ? nonEmpty(htmlToText(summaryHtml)) : null,
    contentHtml,
    imageUrl: resolveHttpUrl(raw.imageUrl, base) ?? firstImage(contentHtml ?? summaryHtml, base),
    categories,
    enclosures,
  };
}

/** First real image of the HTML body; 1×1 tracking pixels (FeedBurner and the like) are skipped. */
function firstImage(html: string | null, base: string | null): string | null {
  if (!html || !/<img\b/i.test(html)) return null;
  const images = findAll((el) => el.name === 'img', parseDocument(html).children);
  for (const img of images) {
    const { width, height, src } = img.attribs;
    if (width?.trim() === '1' || height?.trim() === '1' || width?.trim() === '0') continue;
    const url = resolveHttpUrl(src, base);
    if (url) return url;
  }
  return null;
}
