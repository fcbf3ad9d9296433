/** Same rule as the API (http or https, a host): catches typos before a round trip; the server checks the rest. */
export function feedUrlProblem(text: string): string | null {
  const value = text.trim();
  if (!value) return 'Enter the feed’s URL.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/feed.xml.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The URL must start with http:// or https://.';
  if (!url.hostname) return 'The URL needs a host name.';
  return null;
}
