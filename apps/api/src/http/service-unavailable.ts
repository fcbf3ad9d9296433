import type { ServerResponse } from 'node:http';

import type { RequestScope } from './routes.js';
import { sendGraphqlError, type HttpGraphqlError } from './send-json.js';

/** A database restart (crash recovery included) takes a few seconds. */
export const SERVICE_RETRY_AFTER_SECONDS = 5;

export const SERVICE_UNAVAILABLE_MESSAGE = 'The database is unavailable right now; retry shortly';

/** 503 with `Retry-After` for a request that needed the database while it cannot be reached. */
export function sendServiceUnavailable(
  res: ServerResponse,
  scope: RequestScope,
  cost?: HttpGraphqlError['cost'],
): void {
  scope.log.warn('database unavailable: answered 503');
  sendGraphqlError(
    res,
    503,
    {
      message: SERVICE_UNAVAILABLE_MESSAGE,
      code: 'SERVICE_UNAVAILABLE',
      extensions: { retryAfter: SERVICE_RETRY_AFTER_SECONDS, requestId: scope.requestId },
      cost,
    },
    { 'retry-after': String(SERVICE_RETRY_AFTER_SECONDS) },
  );
}
