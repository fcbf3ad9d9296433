import type { ServerResponse } from 'node:http';

const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Sent with every response: the dashboard and GraphiQL load nothing from other origins. */
const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': contentSecurityPolicy,
};

/** GraphiQL's bundled CSS carries most of its fonts (codicons, Fira Code, Roboto) as data: URIs. */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = `${contentSecurityPolicy}; font-src 'self' data:`;

/** Browsers keep to https for a year once they saw this over https (they ignore it over http). */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export function setSecurityHeaders(res: ServerResponse, { https }: { https: boolean }): void {
  for (const [key, value] of Object.entries(securityHeaders)) res.setHeader(key, value);
  if (https) res.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
}
