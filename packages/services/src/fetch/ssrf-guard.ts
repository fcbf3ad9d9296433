import { type LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { AppError } from '@wirelens/core';
import { isPublicAddress } from '@wirelens/core/urls';

/** Resolves a host name to every address it has; injectable so tests never touch real DNS. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Names that reach cloud metadata services or the local machine without looking private. */
const blockedHostnames = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

function bareHostname(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function blocked(host: string, reason: string): AppError {
  return new AppError('BLOCKED_URL', `Refusing to fetch from ${host}: ${reason}`, {
    details: { host, reason },
  });
}

export interface SsrfGuardOptions {
  /**
   * Host names or IP addresses exempt from the guard (e.g. a test server on 127.0.0.1). Matched
   * against the URL's host only: a listed IP does not exempt other names that resolve to it.
   */
  allowHosts?: readonly string[];
  resolve?: ResolveHost;
}

export interface SsrfGuard {
  /** Checks what can be checked before DNS: scheme, literal IPs, forbidden names. Throws BLOCKED_URL. */
  checkUrl(url: URL): void;
  /** Resolves `hostname` and returns its addresses if every one is public (or allowed). Throws BLOCKED_URL. */
  resolvePublic(hostname: string): Promise<LookupAddress[]>;
}

export function createSsrfGuard({
  allowHosts = [],
  resolve = systemResolve,
}: SsrfGuardOptions = {}): SsrfGuard {
  const allowed = new Set(allowHosts.map((h) => h.replace(/^\[|\]$/g, '').toLowerCase()));

  return {
    checkUrl(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw blocked(url.host, `scheme ${url.protocol} is not allowed`);
      const host = bareHostname(url);
      if (allowed.has(host)) return;
      // WHATWG parsing already turned decimal, octal and hex IPv4 forms (http://2130706433/) into dotted quads.
      if (isIP(host) !== 0) {
        if (!isPublicAddress(host)) throw blocked(host, `${host} is not a public address`);
        return;
      }
      if (blockedHostnames.has(host) || host.endsWith('.localhost') || host.endsWith('.internal')) {
        throw blocked(host, `${host} is an internal host name`);
      }
    },

    async resolvePublic(hostname) {
      const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
      if (isIP(host) !== 0) {
        if (!allowed.has(host) && !isPublicAddress(host))
          throw blocked(host, `${host} is not a public address`);
        return [{ address: host, family: isIP(host) }];
      }
      const addresses = await resolve(host);
      if (addresses.length === 0) {
        throw new AppError('FETCH_FAILED', `No address found for ${host}`, { details: { host } });
      }
      // An allowed IP does not vouch for names resolving to it: that is exactly what DNS rebinding uses.
      if (!allowed.has(host)) {
        const bad = addresses.find((a) => !isPublicAddress(a.address));
        // One private address among public ones is enough to refuse: the connection could use it.
        if (bad) throw blocked(host, `${host} resolves to non-public address ${bad.address}`);
      }
      return addresses;
    },
  };
}
