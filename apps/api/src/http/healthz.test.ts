import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createDbClient, startEmbeddedPostgres } from '@wirelens/db';

import { createApiServer, type ApiServer } from './create-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(api: ApiServer): Promise<string> {
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
}

describe('GET /healthz', () => {
  it('answers ok while the database answers, and 503 once it is gone', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-healthz-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => database.stop());
    const db = createDbClient({ connectionString: database.connectionString });
    cleanups.push(() => db.$disconnect());
    const api = await createApiServer({
      db,
      dashboardDir: dataDir,
      graphiqlDir: dataDir,
      maxBodyBytes: 100_000,
      production: true,
    });
    cleanups.push(() => api.close());
    const url = await listen(api);

    const healthy = await fetch(`${url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok' });

    await database.stop();
    const dead = await fetch(`${url}/healthz`);
    expect(dead.status).toBe(503);
    expect(await dead.json()).toMatchObject({ status: 'unavailable' });
  });
});
