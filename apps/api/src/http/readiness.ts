import { pendingMigrations, type DbClient } from '@wirelens/db';

import type { RouteHandler } from './routes.js';
import { sendJson } from './send-json.js';

/**
 * /readyz: 200 when this API can serve — the database answers within 5 s and its schema has every
 * migration this build ships — else 503 with the reason. /healthz stays the liveness check.
 */
export function createReadinessCheck(db: DbClient): RouteHandler {
  return async (_req, res) => {
    let pending: string[];
    try {
      pending = await Promise.race([
        pendingMigrations({ db }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000).unref()),
      ]);
    } catch {
      sendJson(res, 503, { status: 'unavailable', database: 'down' });
      return;
    }
    if (pending.length > 0) {
      sendJson(res, 503, { status: 'unavailable', database: 'up', migrations: 'pending', pending });
      return;
    }
    sendJson(res, 200, { status: 'ready', database: 'up', migrations: 'current' });
  };
}
