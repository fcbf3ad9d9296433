import type { IncomingMessage } from 'node:http';

/** Whether X-Forwarded-For / X-Forwarded-Proto come from a reverse proxy we trust (WIRELENS_TRUST_PROXY). */
export type ProxyTrust = boolean;

/** The client's IP address: the socket's peer, or the one the trusted proxy reports. */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string | null {
  const forwarded = trust ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || null;
}

/** Whether the client reached us over https: directly, or through the trusted proxy. */
export function cameOverHttps(req: IncomingMessage, trust: ProxyTrust): boolean {
  const forwardedProto = trust ? req.headers['x-forwarded-proto'] : undefined;
  return forwardedProto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
}
