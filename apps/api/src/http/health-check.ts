import type { DbClient } from '@wirelens/db';

import type { RouteHandler } from './routes.js';
import { sendJson } from './send-json.js';

async function databaseAnswers(db: DbClient): Promise<boolean> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** /healthz: 200 while the database answers within 5 s, else 503. */
export function createHealthCheck(db: DbClient): RouteHandler {
  return async (_req, res) => {
    const ok = await databaseAnswers(db);
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' });
  };
}
