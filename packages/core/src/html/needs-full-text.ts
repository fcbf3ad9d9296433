import { htmlToText } from './html-to-text.js';

/** Below this many characters of text a feed item is treated as a teaser. */
const TEASER_MAX_CHARS = 500;

const teaserEndings = [
  /(?:…|\.\.\.)\s*\]?\s*$/,
  /\[\s*(?:…|\.\.\.)\s*\]\s*$/,
  /\b(?:read|continue|keep) (?:reading|more|the (?:full|rest of the) (?:story|article|post))\b[\s\S]{0,40}$/i,
  /\b(?:the post|the article) .{1,200} appeared first on .{1,100}$/i,
  /\b(?:weiterlesen|leia mais|lire la suite|leer más|continua a leggere)\b[\s\S]{0,40}$/i,
];

/**
 * Whether an item's own content is only a teaser, so the article page should be fetched for the
 * full text: little text, or text that ends in an ellipsis or a "Read more" link.
 */
export function needsFullText(item: { contentHtml?: string | null; summaryHtml?: string | null }): boolean {
  const html = item.contentHtml ?? item.summaryHtml;
  if (!html) return true;
  return isTeaserText(htmlToText(html));
}

/** The same test on text already extracted from the item's HTML (saves converting it twice). */
export function isTeaserText(text: string): boolean {
  if (text.length < TEASER_MAX_CHARS) return true;
  return teaserEndings.some((pattern) => pattern.test(text));
}
