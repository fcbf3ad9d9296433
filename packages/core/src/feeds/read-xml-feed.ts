import { escapeText } from 'entities';

import type { FeedFormat, RawFeedItem } from './types.js';
import { attr, child, childrenOf, htmlOf, NS, textOf, type XmlElement } from './xml-tree.js';

export interface RawFeed {
  format: FeedFormat;
  title: string | null;
  titleIsText: boolean;
  link: string | null;
  description: string | null;
  language: string | null;
  items: RawFeedItem[];
}

const ATOM = [NS.atom, NS.atom03] as const;
const RDF_ITEM_NS = [NS.rss1, NS.rss09, ''] as const;
const DC = [NS.dc, NS.dcterms] as const;

function text(el: XmlElement | undefined): string | null {
  const value = textOf(el)?.trim();
  return value ? value : null;
}

function absolute(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    return new URL(value.trim(), base ?? undefined).href;
  } catch {
    return value.trim();
  }
}

function looksLikeImage(url: string | null, type: string | null, medium: string | null): boolean {
  if (medium) return medium.toLowerCase() === 'image';
  if (type) return type.toLowerCase().startsWith('image/');
  return url !== null && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url);
}

/** Media RSS image: thumbnails first, then image-typed media:content, also inside media:group. */
function mediaImage(el: XmlElement): string | null {
  const scopes = [el, ...childrenOf(el, NS.media, 'group')];
  for (const scope of scopes) {
    const thumb = childrenOf(scope, NS.media, 'thumbnail')
      .map((t) => attr(t, 'url'))
      .find(Boolean);
    if (thumb) return thumb;
  }
  for (const scope of scopes) {
    for (const content of childrenOf(scope, NS.media, 'content')) {
      const url = attr(content, 'url');
      if (url && looksLikeImage(url, attr(content, 'type'), attr(content, 'medium'))) return url;
      const nested = attr(child(content, NS.media, 'thumbnail'), 'url');
      if (nested) return nested;
    }
  }
  return null;
}

function itunesImage(el: XmlElement): string | null {
  const image = child(el, NS.itunes, 'image');
  return attr(image, 'href') ?? text(image);
}

function emptyItem(base: string | null): RawFeedItem {
  return {
    guid: null,
    guidIsPermaLink: false,
    title: null,
    titleIsText: false,
    link: null,
    baseUrl: base,
    published: null,
    updated: null,
    author: null,
    summaryHtml: null,
    contentHtml: null,
    imageUrl: null,
    categories: [],
    enclosures: [],
  };
}

function firstText(...candidates: (XmlElement | undefined)[]): string | null {
  for (const el of candidates) {
    const value = text(el);
    if (value) return value;
  }
  return null;
}

/**
 * FeedBurner rewrote item links to feedproxy.google.com, which no longer resolves since Google
 * retired the service; the original article URL survives in feedburner:origLink.
 */
function origLink(el: XmlElement): string | null {
  return text(child(el, NS.feedburner, 'origlink'));
}

function atomAlternate(el: XmlElement): string | null {
  const links = childrenOf(el, ATOM, 'link');
  const alternates = links.filter(
    (l) => (attr(l, 'rel') ?? 'alternate').trim().toLowerCase() === 'alternate',
  );
  const preferred =
    alternates.find((l) => (attr(l, 'type') ?? 'text/html').includes('html')) ?? alternates[0];
  return preferred ? absolute(attr(preferred, 'href'), preferred.base) : null;
}

function atomEnclosures(el: XmlElement): RawFeedItem['enclosures'] {
  return childrenOf(el, ATOM, 'link')
    .filter((l) => attr(l, 'rel')?.trim().toLowerCase() === 'enclosure')
    .map((l) => ({
      url: absolute(attr(l, 'href'), l.base) ?? '',
      type: attr(l, 'type'),
      length: attr(l, 'length'),
    }));
}

/** RSS 2.0, 0.9x and 1.0 items share their element names; only the namespace differs. */
function readRssItem(item: XmlElement, ns: readonly string[], base: string | null): RawFeedItem {
  const raw = emptyItem(item.base ?? base);
  const guidEl = child(item, ns, 'guid');
  raw.guid = text(guidEl) ?? attr(item, 'rdf:about');
  raw.guidIsPermaLink =
    guidEl !== undefined && (attr(guidEl, 'ispermalink') ?? 'true').trim().toLowerCase() !== 'false';
  raw.title = firstText(child(item, ns, 'title'), child(item, DC, 'title'));
  raw.link = origLink(item) ?? text(child(item, ns, 'link')) ?? atomAlternate(item);
  raw.published = firstText(
    child(item, ns, 'pubdate'),
    child(item, DC, 'date'),
    child(item, DC, 'issued'),
    child(item, ATOM, 'published'),
  );
  raw.updated = firstText(child(item, ATOM, 'updated'), child(item, DC, 'modified'));
  raw.author = firstText(
    child(item, DC, 'creator'),
    child(item, ns, 'author'),
    child(item, NS.itunes, 'author'),
  );
  raw.summaryHtml = htmlOf(child(item, ns, 'description')) ?? htmlOf(child(item, NS.itunes, 'summary'));
  raw.contentHtml = htmlOf(child(item, NS.content, 'encoded'));
  raw.categories = [...childrenOf(item, ns, 'category'), ...childrenOf(item, DC, 'subject')]
    .map((c) => text(c))
    .filter((c): c is string => c !== null);
  raw.enclosures = childrenOf(item, ns, 'enclosure').map((e) => ({
    url: attr(e, 'url') ?? '',
    type: attr(e, 'type'),
    length: attr(e, 'length'),
  }));
  const imageEnclosure = raw.enclosures.find((e) => looksLikeImage(e.url, e.type, null));
  raw.imageUrl = mediaImage(item) ?? imageEnclosure?.url ?? itunesImage(item);
  return raw;
}

export function readRss(root: XmlElement, feedUrl: string | null): RawFeed {
  const channel = child(root, '', 'channel') ?? root;
  const link = text(child(channel, '', 'link')) ?? atomAlternate(channel);
  const base = feedUrl ?? absolute(link, null);
  const version = attr(root, 'version')?.trim() ?? '';
  const items = [
    ...childrenOf(channel, '', 'item'),
    ...(channel === root ? [] : childrenOf(root, '', 'item')),
  ];
  return {
    format: /^0\.9/.test(version) ? 'rss09' : 'rss2',
    title: text(child(channel, '', 'title')),
    titleIsText: false,
    link,
    description: text(child(channel, '', 'description')),
    language: text(child(channel, '', 'language')) ?? text(child(channel, DC, 'language')),
    items: items.map((item) => readRssItem(item, [''], base)),
  };
}

export function readRdf(root: XmlElement, feedUrl: string | null): RawFeed {
  const channel = child(root, RDF_ITEM_NS, 'channel');
  const items = childrenOf(root, RDF_ITEM_NS, 'item');
  const link = channel ? text(child(channel, RDF_ITEM_NS, 'link')) : null;
  const base = feedUrl ?? absolute(link, null);
  const isRss09 = (channel ?? items[0])?.ns === NS.rss09;
  return {
    format: isRss09 ? 'rss09' : 'rss1',
    title: channel ? text(child(channel, RDF_ITEM_NS, 'title')) : null,
    titleIsText: false,
    link,
    description: channel ? text(child(channel, RDF_ITEM_NS, 'description')) : null,
    language: channel ? text(child(channel, DC, 'language')) : null,
    items: items.map((item) => readRssItem(item, RDF_ITEM_NS, base)),
  };
}

/** Atom text constructs: `text` is escaped into HTML, `html` and `xhtml` are returned as markup. */
function atomHtml(el: XmlElement | undefined): string | null {
  if (!el || attr(el, 'src')) return null;
  const type = (attr(el, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'text' || type === 'text/plain') {
    const plain = textOf(el);
    return plain === null ? null : escapeText(plain.trim());
  }
  if (type.includes('html')) return htmlOf(el);
  return null;
}

function atomTitle(el: XmlElement | undefined): { title: string | null; isText: boolean } {
  if (!el) return { title: null, isText: true };
  const type = (attr(el, 'type') ?? 'text').trim().toLowerCase();
  if (type.includes('html')) return { title: htmlOf(el), isText: false };
  return { title: textOf(el), isText: true };
}

function atomAuthor(el: XmlElement): string | null {
  const names = childrenOf(el, ATOM, 'author')
    .map((a) => text(child(a, ATOM, 'name')) ?? text(child(a, ATOM, 'email')))
    .filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(', ') : text(child(el, DC, 'creator'));
}

export function readAtom(root: XmlElement, feedUrl: string | null): RawFeed {
  const feedLink = atomAlternate(root);
  const feedAuthor = atomAuthor(root);
  const feedTitle = atomTitle(child(root, ATOM, 'title'));
  const items = childrenOf(root, ATOM, 'entry').map((entry) => {
    const raw = emptyItem(entry.base ?? feedUrl ?? feedLink);
    const title = atomTitle(child(entry, ATOM, 'title'));
    raw.guid = text(child(entry, ATOM, 'id'));
    raw.title = title.title;
    raw.titleIsText = title.isText;
    raw.link = origLink(entry) ?? atomAlternate(entry);
    raw.published = firstText(
      child(entry, ATOM, 'published'),
      child(entry, ATOM, 'issued'),
      child(entry, DC, 'date'),
    );
    raw.updated = firstText(child(entry, ATOM, 'updated'), child(entry, ATOM, 'modified'));
    raw.author = atomAuthor(entry) ?? feedAuthor;
    raw.summaryHtml = atomHtml(child(entry, ATOM, 'summary'));
    raw.contentHtml = atomHtml(child(entry, ATOM, 'content'));
    raw.categories = childrenOf(entry, ATOM, 'category')
      .map((c) => attr(c, 'term') ?? attr(c, 'label'))
      .filter((c): c is string => c !== null);
    raw.enclosures = atomEnclosures(entry);
    raw.imageUrl = mediaImage(entry) ?? itunesImage(entry);
    return raw;
  });
  return {
    format: 'atom',
    title: feedTitle.title,
    titleIsText: feedTitle.isText,
    link: feedLink,
    description: text(child(root, ATOM, 'subtitle')) ?? text(child(root, ATOM, 'tagline')),
    language: attr(root, 'xml:lang'),
    items,
  };
}
