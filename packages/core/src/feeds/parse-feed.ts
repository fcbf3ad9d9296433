import { AppError } from '../errors/app-error.js';
import { decodeFeedBody } from './detect-encoding.js';
import { cleanTitle, normalizeItem, resolveHttpUrl } from './normalize-item.js';
import { readJsonFeed } from './read-json-feed.js';
import { readAtom, readRdf, readRss, type RawFeed } from './read-xml-feed.js';
import type { FeedItem, ParsedFeed } from './types.js';
import { buildTree, findElement, NS, parseXml, type XmlElement } from './xml-tree.js';

export interface ParseFeedOptions {
  body: Uint8Array | string;
  /** HTTP Content-Type, used for its charset when the document declares none. */
  contentType?: string | null;
  /** URL the feed was fetched from; relative links resolve against it. */
  url?: string | null;
  /** Bodies larger than this are refused (default 20 MB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function invalid(reason: string): AppError {
  return new AppError('INVALID_FEED', `Invalid feed: ${reason}`);
}

function isFeedRoot(el: XmlElement): boolean {
  if (el.local === 'rss' && el.ns === '') return true;
  if (el.local === 'rdf' && el.ns === NS.rdf) return true;
  return el.local === 'feed' && (el.ns === NS.atom || el.ns === NS.atom03 || el.ns === '');
}

function readDocument(text: string, url: string | null): RawFeed {
  const tree = buildTree(parseXml(text), { base: url });
  // Searching the whole tree (not only the top level) finds feeds wrapped in an HTML page.
  const root = findElement(tree, isFeedRoot);
  if (!root) {
    const isHtml =
      /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(text) ||
      findElement(tree, (el) => el.local === 'html');
    throw invalid(
      isHtml ? 'the document is an HTML page, not a feed' : 'no <rss>, <feed> or <rdf:RDF> element found',
    );
  }
  const feed =
    root.local === 'rss'
      ? readRss(root, url)
      : root.local === 'rdf'
        ? readRdf(root, url)
        : readAtom(root, url);
  const closing = new RegExp(`</${root.node.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>`, 'i');
  if (feed.items.length === 0 && !closing.test(text)) {
    throw invalid(`truncated document: no closing </${root.node.name}> and no complete item`);
  }
  return feed;
}

/**
 * Parses an RSS 2.0/0.9x, RSS 1.0 (RDF), Atom 1.0/0.3 or JSON Feed document into clean items.
 * Tolerates what real feeds get wrong (bare `&`, HTML entities, junk before the XML declaration,
 * a feed embedded in an HTML page); DTD entities are never expanded, so entity bombs stay inert.
 * Throws AppError INVALID_FEED with a one-line reason otherwise, TOO_LARGE above `maxBytes`.
 */
export function parseFeed({
  body,
  contentType,
  url,
  maxBytes = DEFAULT_MAX_BYTES,
}: ParseFeedOptions): ParsedFeed {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > maxBytes) {
    throw new AppError('TOO_LARGE', `Feed body of ${size} bytes exceeds the ${maxBytes}-byte limit`, {
      details: { size, maxBytes },
    });
  }
  const text = (typeof body === 'string' ? body : decodeFeedBody({ body, contentType }).text).replace(
    /^\uFEFF/,
    '',
  );
  const trimmed = text.trimStart();
  if (trimmed === '') throw invalid('empty body');
  const feedUrl = resolveHttpUrl(url, null);
  // Sniffed rather than taken from Content-Type, which servers get wrong in both directions.
  const raw = trimmed.startsWith('{') ? readJsonFeed(trimmed, feedUrl) : readDocument(trimmed, feedUrl);
  const items: FeedItem[] = [];
  for (const rawItem of raw.items) {
    const item = normalizeItem(rawItem);
    if (item) items.push(item);
  }
  const description = raw.description ? cleanTitle(raw.description) : null;
  return {
    format: raw.format,
    title: cleanTitle(raw.title, { isText: raw.titleIsText }),
    link: resolveHttpUrl(raw.link, feedUrl),
    description,
    language: raw.language?.trim() || null,
    items,
    droppedItems: raw.items.length - items.length,
  };
}
