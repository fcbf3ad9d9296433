import type { IncomingMessage } from 'node:http';

import proxyAddr from 'proxy-addr';

/**
 * Which peers are reverse proxies we trust (WIRELENS_TRUST_PROXY): given an address and its hop (0 is the
 * socket's peer, 1 the address that peer put last in X-Forwarded-For, …), whether it is one of ours.
 */
export type ProxyTrust = (address: string, hop: number) => boolean;

export const trustNoProxy: ProxyTrust = () => false;

/**
 * Reads WIRELENS_TRUST_PROXY: `false` (or empty) trusts nobody; a number trusts that many proxy hops in front
 * of the API; `true` is one hop (never "everyone": the left-most X-Forwarded-For entry is the client's to
 * write); anything else is a comma-separated list of proxy addresses or CIDR ranges (or proxy-addr's names
 * `loopback`, `linklocal`, `uniquelocal`). Throws a TypeError naming a bad entry.
 */
export function parseProxyTrust(value: string): ProxyTrust {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return trustNoProxy;
  if (trimmed === 'true') return hops(1);
  if (/^\d+$/.test(trimmed)) return hops(Number(trimmed));
  return proxyAddr.compile(trimmed.split(',').map((entry) => entry.trim()));
}

function hops(count: number): ProxyTrust {
  return (_address, hop) => hop < count;
}

/**
 * The client's IP address: walking X-Forwarded-For from the right, the first address that is not a trusted
 * proxy (the one the last trusted proxy saw); the socket's peer when that peer is not trusted.
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string | null {
  if (!req.socket.remoteAddress) return null;
  return proxyAddr(req, trust);
}

/** Whether the client reached us over https: directly, or as reported by a proxy we trust. */
export function cameOverHttps(req: IncomingMessage, trust: ProxyTrust): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  if (!req.socket.remoteAddress || !trust(req.socket.remoteAddress, 0)) return false;
  const forwarded = req.headers['x-forwarded-proto'];
  // A proxy that appends rather than overwrites leaves the client's own value in front: read the last one.
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').pop()?.trim();
  return last?.toLowerCase() === 'https';
}
