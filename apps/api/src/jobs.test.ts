import { describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { createTestDatabase } from '@wirelens/db/testing';
import { expectedQueueSettings, readQueueSettings } from '@wirelens/services/testing';

import { createPgBossQueue, noJobQueue } from './jobs.js';

describe('job queue', () => {
  it('creates every queue with its definition’s policy and dead-letter queue when the API sends first', async () => {
    const database = await createTestDatabase();
    const queue = await createPgBossQueue(database.url, () => undefined);
    try {
      const id = await queue.send(
        JOBS.fetchSource,
        { sourceId: 7, force: true },
        { singletonKey: 'source-7' },
      );
      expect(id).toEqual(expect.any(String));
      const rows = await database.db.$queryRawUnsafe<{ name: string; data: unknown; policy: string }[]>(
        'SELECT name, data, policy FROM pgboss.job WHERE id = $1::uuid',
        id,
      );
      expect(rows).toEqual([
        { name: 'ingest-fetch-source', data: { sourceId: 7, force: true }, policy: 'exclusive' },
      ]);
      expect(await readQueueSettings(database.db)).toEqual(expectedQueueSettings());
    } finally {
      await queue.stop();
      await database.drop();
    }
  });

  it('fails clearly when no queue is configured', async () => {
    await expect(noJobQueue.send(JOBS.fetchSource, { sourceId: 1 })).rejects.toMatchObject({
      code: 'CONFIG',
    });
  });
});
