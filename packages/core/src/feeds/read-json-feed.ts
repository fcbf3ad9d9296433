import { escapeText } from 'entities';

import { AppError } from '../errors/app-error.js';
import type { RawFeed } from './read-xml-feed.js';
import type { RawFeedItem } from './types.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

function authorName(obj: Json): string | null {
  const authors = Array.isArray(obj.authors) ? obj.authors : isObject(obj.author) ? [obj.author] : [];
  const names = authors.map((a) => (isObject(a) ? str(a.name) : null)).filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(', ') : null;
}

/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1). */
export function readJsonFeed(text: string, feedUrl: string | null): RawFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_FEED', 'Invalid feed: body looks like JSON but does not parse');
  }
  if (!isObject(doc) || !Array.isArray(doc.items)) {
    throw new AppError('INVALID_FEED', 'Invalid feed: JSON without an "items" array is not a JSON Feed');
  }
  const link = str(doc.home_page_url);
  const base = feedUrl ?? link;
  const feedAuthor = authorName(doc);
  const items = doc.items.filter(isObject).map((item): RawFeedItem => {
    const contentText = str(item.content_text);
    const summary = str(item.summary);
    return {
      guid: str(item.id),
      guidIsPermaLink: false,
      title: str(item.title),
      titleIsText: true,
      link: str(item.url) ?? str(item.external_url),
      baseUrl: base,
      published: str(item.date_published),
      updated: str(item.date_modified),
      author: authorName(item) ?? feedAuthor,
      summaryHtml: summary ? escapeText(summary) : null,
      contentHtml: str(item.content_html) ?? (contentText ? escapeText(contentText) : null),
      imageUrl: str(item.image) ?? str(item.banner_image),
      categories: Array.isArray(item.tags) ? item.tags.map(str).filter((t): t is string => t !== null) : [],
      enclosures: (Array.isArray(item.attachments) ? item.attachments : []).filter(isObject).map((a) => ({
        url: str(a.url) ?? '',
        type: str(a.mime_type),
        length: str(a.size_in_bytes),
      })),
    };
  });
  return {
    format: 'json',
    title: str(doc.title),
    titleIsText: true,
    link,
    description: str(doc.description),
    language: str(doc.language),
    items,
  };
}
