export type FeedFormat = 'rss2' | 'rss1' | 'rss09' | 'atom' | 'json';

export interface FeedEnclosure {
  url: string;
  type: string | null;
  /** Size in bytes as declared by the feed; null when missing or not a number. */
  length: number | null;
}

export interface FeedItem {
  /** RSS guid, Atom id, RDF rdf:about or JSON Feed id, whitespace-collapsed. */
  guid: string | null;
  /** Entity-decoded, tags stripped (unless Atom type="text"), whitespace collapsed. */
  title: string | null;
  /** Absolute URL of the article, resolved against xml:base, the feed URL or the channel link. */
  link: string | null;
  /** pubDate / dc:date / published; Atom entries without <published> fall back to <updated>. */
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** dc:creator, author name(s) (Atom: the feed's author when the entry has none), or RSS author. */
  author: string | null;
  /** The teaser as the feed gives it (RSS description, Atom summary). Not sanitised. */
  summaryHtml: string | null;
  /** `summaryHtml` as plain text (see `htmlToText`). */
  summaryText: string | null;
  /** Full content when the feed carries it (content:encoded, Atom content). Not sanitised. */
  contentHtml: string | null;
  /** media:thumbnail/content, an image enclosure, itunes:image, else the first non-pixel <img>. */
  imageUrl: string | null;
  /** De-duplicated category, dc:subject and Atom category terms. */
  categories: string[];
  enclosures: FeedEnclosure[];
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  description: string | null;
  language: string | null;
  items: FeedItem[];
  /** Items left out because they had neither a link/guid nor a title. */
  droppedItems: number;
}

/** Item fields as found in the document, before cleaning; produced by the per-format readers. */
export interface RawFeedItem {
  guid: string | null;
  /** Whether the guid is declared a permalink (RSS `isPermaLink`, default true). */
  guidIsPermaLink: boolean;
  title: string | null;
  /** True when the title is plain text (Atom type="text"); otherwise it is treated as HTML. */
  titleIsText: boolean;
  link: string | null;
  /** Base against which relative links of this item resolve (xml:base or feed/channel URL). */
  baseUrl: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
  summaryHtml: string | null;
  contentHtml: string | null;
  /** media:thumbnail/content, an image enclosure, itunes:image, else the first non-pixel <img>. */
  imageUrl: string | null;
  /** De-duplicated category, dc:subject and Atom category terms. */
  categories: string[];
  enclosures: { url: string; type: string | null; length: string | null }[];
}
