import { canonicalizeUrl } from './canonicalize-url.js';

/**
 * Deduplication key for an article URL: the canonical URL without its scheme and without a
 * leading `www.`, so http/https and www/bare variants of one article collide. Not fetchable.
 */
export function urlKey(url: string): string {
  const canonical = canonicalizeUrl(url);
  return canonical.replace(/^https?:\/\//, '').replace(/^([^/@]*@)?www\./, '$1');
}
