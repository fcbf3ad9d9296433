import type { IncomingMessage } from 'node:http';

import type { HttpGraphqlError } from './send-json.js';

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: number; error: HttpGraphqlError };

/** The media types a GraphQL-over-HTTP body may be sent as. */
const JSON_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/**
 * Reads and parses a JSON request body of at most `maxBytes`; an empty body is `{}`. A body sent as another
 * media type is refused unread (415).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!JSON_MEDIA_TYPES.has(mediaType)) {
    return {
      ok: false,
      status: 415,
      error: {
        message: 'Send the request body as JSON (Content-Type: application/json)',
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      return {
        ok: false,
        status: 413,
        error: { message: `Request body is larger than ${maxBytes} bytes`, code: 'PAYLOAD_TOO_LARGE' },
      };
    }
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, body: raw === '' ? {} : (JSON.parse(raw) as unknown) };
  } catch {
    return {
      ok: false,
      status: 400,
      error: { message: 'Request body is not valid JSON', code: 'BAD_REQUEST' },
    };
  }
}
