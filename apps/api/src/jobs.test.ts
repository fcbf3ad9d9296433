import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { createTestDatabase } from '@wirelens/db/testing';

import { createPgBossQueue, noJobQueue } from './jobs.js';

describe('job queue', () => {
  it('enqueues into pg-boss under the worker’s job names, creating a missing queue', async () => {
    const database = await createTestDatabase();
    const queue = await createPgBossQueue(database.url, () => undefined);
    try {
      const id = await queue.send(JOBS.fetchSource.name, { sourceId: 7, force: true });
      expect(id).toEqual(expect.any(String));
      const rows = await database.db.$queryRawUnsafe<{ name: string; data: unknown }[]>(
        'SELECT name, data FROM pgboss.job WHERE id = $1::uuid',
        id,
      );
      expect(rows).toEqual([{ name: 'ingest-fetch-source', data: { sourceId: 7, force: true } }]);
    } finally {
      await queue.stop();
      await database.drop();
    }
  });

  it('fails clearly when no queue is configured', async () => {
    await expect(noJobQueue.send(JOBS.fetchSource.name, {})).rejects.toMatchObject({ code: 'CONFIG' });
  });
});
