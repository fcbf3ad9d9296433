import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import { AppError } from '../errors/app-error.js';
import { htmlToText } from './html-to-text.js';
import { sanitizeHtml, SANITIZER_VERSION } from './sanitize-html.js';

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** Sanitised article body (see `sanitizeHtml`), links resolved against the page URL. */
  contentHtml: string;
  /** The SANITIZER_VERSION that produced `contentHtml`. */
  sanitizerVersion: number;
  text: string;
  excerpt: string | null;
  /** og:image (or twitter:image) of the page, absolute. */
  imageUrl: string | null;
  lang: string | null;
  siteName: string | null;
}

export interface ExtractArticleOptions {
  html: string;
  /** URL of the page; relative links and images resolve against it. */
  url: string;
  /** Pages longer than this many characters are refused (default 5 MB): DOM building is memory-hungry. */
  maxChars?: number;
  /** Results with less text than this are not an article (menus, error pages); default 200. */
  minTextLength?: number;
}

/** The part of the DOM read here; linkedom's own types need the DOM lib, which core does not load. */
interface PageElement {
  getAttribute(name: string): string | null;
}
interface PageDocument {
  querySelector(selectors: string): PageElement | null;
  documentElement: PageElement;
}
const parsePage = parseHTML as unknown as (html: string) => { document: PageDocument };

const DEFAULT_MAX_CHARS = 5 * 1024 * 1024;

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Full-text extraction with Mozilla Readability (the Firefox Reader View algorithm) on a linkedom
 * DOM. Returns null when the page has no recognisable article body of `minTextLength` characters.
 */
export function extractArticle({
  html,
  url,
  maxChars = DEFAULT_MAX_CHARS,
  minTextLength = 200,
}: ExtractArticleOptions): ExtractedArticle | null {
  if (html.length > maxChars) {
    throw new AppError('TOO_LARGE', `Page of ${html.length} characters exceeds the ${maxChars} limit`, {
      details: { size: html.length, maxChars },
    });
  }
  const { document } = parsePage(html);
  // Read before Readability runs: it strips the <head> metadata it does not use.
  const ogImage = document
    .querySelector(
      'meta[property="og:image"], meta[name="og:image"], meta[name="twitter:image"], meta[property="twitter:image"]',
    )
    ?.getAttribute('content');
  const htmlLang = document.documentElement.getAttribute('lang');
  const article = new Readability(document).parse();
  if (!article?.content) return null;
  const contentHtml = sanitizeHtml(article.content, { baseUrl: url });
  const text = htmlToText(contentHtml);
  if (text.length < minTextLength) return null;
  return {
    title: clean(article.title),
    byline: clean(article.byline),
    contentHtml,
    sanitizerVersion: SANITIZER_VERSION,
    text,
    excerpt: clean(article.excerpt),
    imageUrl: absoluteHttpUrl(ogImage, url),
    lang: clean(article.lang) ?? clean(htmlLang),
    siteName: clean(article.siteName),
  };
}
