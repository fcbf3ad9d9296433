import { AppError } from '../errors/app-error.js';
import type { FeedItem } from '../feeds/types.js';
import { contentHash } from '../hashing/content-hash.js';
import { htmlToText } from '../html/html-to-text.js';
import { isTeaserText } from '../html/needs-full-text.js';
import { sanitizeHtml, SANITIZER_VERSION } from '../html/sanitize-html.js';
import { canonicalizeUrl } from '../urls/canonicalize-url.js';
import { urlKey } from '../urls/url-key.js';

/** An article ready to be stored: cleaned, sanitised and keyed for deduplication. */
export interface ArticleDraft {
  guid: string | null;
  url: string;
  canonicalUrl: string;
  urlKey: string;
  title: string;
  author: string | null;
  publishedAt: Date;
  imageUrl: string | null;
  excerpt: string | null;
  /** Sanitised HTML of the full text when the feed carried it, else of the teaser. */
  contentHtml: string | null;
  /** The SANITIZER_VERSION that produced `contentHtml`. */
  sanitizerVersion: number;
  contentText: string | null;
  /** FROM_FEED when the feed carried the full text, PENDING when the page must be fetched. */
  fullTextStatus: 'FROM_FEED' | 'PENDING';
  language: string | null;
  contentHash: string;
}

export type PrepareArticleResult = { ok: true; draft: ArticleDraft } | { ok: false; reason: string };

export interface PrepareArticleOptions {
  item: FeedItem;
  feedLanguage?: string | null;
  /** Used when the item has no date; defaults to now. */
  fetchedAt?: Date;
}

const EXCERPT_CHARS = 400;
// Dates far in the future are feed errors; clamp them to the fetch time so they do not pin the feed's top.
const MAX_FUTURE_MS = 24 * 3_600_000;

function excerptOf(text: string): string | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (clean.length <= EXCERPT_CHARS) return clean;
  const cut = clean.slice(0, EXCERPT_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > EXCERPT_CHARS / 2 ? lastSpace : EXCERPT_CHARS)}…`;
}

function linkOf(item: FeedItem): string | null {
  if (item.link) return item.link;
  if (item.guid && /^https?:\/\//i.test(item.guid)) return item.guid;
  return null;
}

/** Turns a parsed feed item into an article draft, or says why it cannot be stored. */
export function prepareArticle({
  item,
  feedLanguage = null,
  fetchedAt = new Date(),
}: PrepareArticleOptions): PrepareArticleResult {
  const link = linkOf(item);
  if (!link) return { ok: false, reason: 'item has no link' };
  let canonicalUrl: string;
  let key: string;
  try {
    canonicalUrl = canonicalizeUrl(link);
    key = urlKey(link);
  } catch (error) {
    return {
      ok: false,
      reason: AppError.is(error) ? `${error.message}: ${link.slice(0, 200)}` : 'invalid link',
    };
  }
  // The teaser test runs on the sanitised text: sanitising only drops markup, not words.
  const rawHtml = item.contentHtml ?? item.summaryHtml ?? null;
  const contentHtml = rawHtml ? sanitizeHtml(rawHtml, { baseUrl: link }) : null;
  const contentText = contentHtml ? htmlToText(contentHtml) : null;
  const full = contentText !== null && !isTeaserText(contentText);
  const summaryText = item.summaryText ?? (item.summaryHtml ? htmlToText(item.summaryHtml) : null);
  const title = item.title?.trim() || excerptOf(contentText ?? summaryText ?? '')?.slice(0, 140) || null;
  if (!title) return { ok: false, reason: 'item has neither a title nor text' };

  const dated = item.publishedAt ?? item.updatedAt;
  const publishedAt =
    dated && dated.getTime() <= fetchedAt.getTime() + MAX_FUTURE_MS ? dated : new Date(fetchedAt.getTime());
  let imageUrl = item.imageUrl;
  if (imageUrl && !/^https?:\/\//i.test(imageUrl)) imageUrl = null;

  return {
    ok: true,
    draft: {
      guid: item.guid?.slice(0, 1000) ?? null,
      url: link,
      canonicalUrl,
      urlKey: key,
      title: title.slice(0, 1000),
      author: item.author?.slice(0, 300) ?? null,
      publishedAt,
      imageUrl,
      excerpt: excerptOf(summaryText ?? contentText ?? ''),
      contentHtml,
      sanitizerVersion: SANITIZER_VERSION,
      contentText,
      fullTextStatus: full ? 'FROM_FEED' : 'PENDING',
      language: feedLanguage ? (feedLanguage.toLowerCase().split(/[-_]/)[0] ?? null) : null,
      contentHash: contentHash({ title, text: contentText ?? summaryText ?? '' }),
    },
  };
}
