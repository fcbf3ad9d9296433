/**
 * The three URL columns of a test article at `https://<host>/<path>`: the link, its canonical form and the
 * dedup key (canonical URL without scheme), which ingestion would derive the same way for such a plain URL.
 */
export function articleUrls(
  host: string,
  path: string,
): { url: string; canonicalUrl: string; urlKey: string } {
  const canonicalUrl = `https://${host}/${path}`;
  return { url: canonicalUrl, canonicalUrl, urlKey: `${host}/${path}` };
}
