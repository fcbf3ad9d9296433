import { isIP } from 'node:net';

import { isPublicAddress } from './public-address.js';

/** Names that reach the local machine or cloud metadata services without looking like IPs. */
const localNames = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
]);

/**
 * Why a feed URL cannot be stored: INVALID_INPUT for what is not a usable http(s) URL,
 * BLOCKED_URL for a local or private target (which FETCH_ALLOW_HOSTS can allow).
 */
export interface FeedUrlProblem {
  code: 'INVALID_INPUT' | 'BLOCKED_URL';
  /** Reads after "the feed URL …", e.g. "must use http or https". */
  message: string;
}

// WHATWG parsing reads `http:///x` and `http:x` as `http://x/`; a feed URL must name its host itself.
const hasAuthority = /^https?:\/\/[^/\\?#]/i;

/**
 * Syntactic check of a feed URL before it is stored (API, CLI): http(s), a host, no credentials,
 * and not an obviously local or private target. The fetcher's SSRF guard re-checks every address
 * after DNS resolution; this keeps plainly internal targets out of the database. Returns null when
 * the URL is fine. (WHATWG URL parsing already turns numeric hosts such as 2130706433 or 0x7f.1
 * into dotted quads.)
 */
export function feedUrlProblem(
  value: string,
  { allowHosts = [] }: { allowHosts?: readonly string[] } = {},
): FeedUrlProblem | null {
  const invalid = (message: string): FeedUrlProblem => ({ code: 'INVALID_INPUT', message });
  const blocked = (message: string): FeedUrlProblem => ({ code: 'BLOCKED_URL', message });
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return invalid('must be an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('must use http or https');
  if (!hasAuthority.test(trimmed)) return invalid('must have a host');
  if (url.username || url.password) return invalid('must not contain credentials');
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!host) return invalid('must have a host');
  if (allowHosts.includes(host)) return null;
  if (
    localNames.has(host) ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  ) {
    return blocked('must not point at a local host');
  }
  if (isIP(host) !== 0 && !isPublicAddress(host)) {
    return blocked('must not point at a private or reserved address');
  }
  return null;
}
