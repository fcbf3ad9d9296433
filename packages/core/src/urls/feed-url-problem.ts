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
 * Syntactic check of a feed URL before it is stored (API, CLI): http(s), no credentials, and not
 * an obviously local or private target. The worker's SSRF guard re-checks every address after DNS
 * resolution; this keeps plainly internal targets out of the database. Returns a reason, or null.
 * (WHATWG URL parsing already turns numeric hosts such as 2130706433 or 0x7f.1 into dotted quads.)
 */
export function feedUrlProblem(
  value: string,
  { allowHosts = [] }: { allowHosts?: readonly string[] } = {},
): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username || url.password) return 'must not contain credentials';
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!host) return 'must have a host';
  if (allowHosts.includes(host)) return null;
  if (
    localNames.has(host) ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  ) {
    return 'must not point at a local host';
  }
  if (isIP(host) !== 0 && !isPublicAddress(host)) return 'must not point at a private or reserved address';
  return null;
}
