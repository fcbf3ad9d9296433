import type { ServerResponse } from 'node:http';

/** Sent with every response: the dashboard and GraphiQL load nothing from other origins. */
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [key, value] of Object.entries(securityHeaders)) res.setHeader(key, value);
}
