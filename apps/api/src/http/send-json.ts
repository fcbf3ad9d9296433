import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

export interface HttpGraphqlError {
  message: string;
  /** `extensions.code`, as in errors from executed operations. */
  code: string;
  extensions?: Record<string, unknown>;
  /** The response's `extensions.cost` (nothing analysed: see noCost). */
  cost?: unknown;
}

/**
 * A GraphQL-shaped answer for a request refused before any operation runs (rate limit, bad token, bad body),
 * so clients read every failure the same way.
 */
export function sendGraphqlError(
  res: ServerResponse,
  status: number,
  { message, code, extensions, cost }: HttpGraphqlError,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(
    res,
    status,
    {
      errors: [{ message, extensions: { code, ...extensions } }],
      ...(cost === undefined ? {} : { extensions: { cost } }),
    },
    headers,
  );
}
