import { isIP } from 'node:net';

/**
 * Syntactic check of a feed URL before it is stored: http(s), no credentials, and not an obvious
 * private address. The worker re-checks after DNS resolution (its SSRF guard); this only keeps
 * plainly internal targets out of the database. Returns a reason, or null when acceptable.
 */
export function feedUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
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
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  ) {
    return 'must not point at a local host';
  }
  const version = isIP(host);
  if (version === 4 && isPrivateV4(host)) return 'must not point at a private or reserved address';
  if (version === 6 && isPrivateV6(host)) return 'must not point at a private or reserved address';
  // (WHATWG URL parsing already turns numeric hosts such as 2130706433 or 0x7f.1 into dotted quads.)
  return null;
}

function isPrivateV4(host: string): boolean {
  const [a = 0, b = 0] = host.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function isPrivateV6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === '::' || h === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped?.[1]) return isPrivateV4(mapped[1]);
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(h) || h.startsWith('::ffff:');
}
