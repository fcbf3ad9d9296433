import { PgBoss } from 'pg-boss';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { expectedQueueSettings, readQueueSettings } from '../testing/queue-settings.js';
import { ensureQueues, QUEUE_SCHEMA } from './ensure-queues.js';
import { jobQueueOf } from './job-queue.js';

let test: TestDatabase;
const bosses: PgBoss[] = [];

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: test.url,
    schema: QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  bosses.push(boss);
  return boss;
}

beforeEach(async () => {
  test = await createTestDatabase();
});

afterEach(async () => {
  for (const boss of bosses.splice(0)) await boss.stop({ graceful: false, close: true });
  await test.drop();
});

describe('ensureQueues', () => {
  it('corrects queues an older version created with pg-boss defaults, keeping their jobs', async () => {
    const boss = await startBoss();
    // What the API used to do when it enqueued first: createQueue(name) with pg-boss defaults.
    await boss.createQueue(JOBS.fetchSource.name);
    await boss.createQueue(JOBS.analyzeArticle.name, { policy: 'standard', retryLimit: 9, retryDelay: 1 });
    const waiting = await boss.send(JOBS.fetchSource.name, { sourceId: 1, force: false });

    await ensureQueues(boss);

    expect(await readQueueSettings(test.db)).toEqual(expectedQueueSettings());
    const [job] = await test.db.$queryRawUnsafe<{ state: string }[]>(
      `SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE id = $1::uuid`,
      waiting,
    );
    expect(job?.state).toBe('created');
    // The corrected policy holds for new jobs: a second fetch of the same source is not queued.
    const jobs = jobQueueOf(boss);
    expect(await jobs.send(JOBS.fetchSource, { sourceId: 2 }, { singletonKey: 'source-2' })).not.toBeNull();
    expect(await jobs.send(JOBS.fetchSource, { sourceId: 2 }, { singletonKey: 'source-2' })).toBeNull();
  });

  it('lets several processes start at once on an empty database', async () => {
    const starters = await Promise.all([startBoss(), startBoss(), startBoss()]);
    await Promise.all(starters.map((boss) => ensureQueues(boss)));
    expect(await readQueueSettings(test.db)).toEqual(expectedQueueSettings());
  });

  it('refuses to send a payload its definition does not accept', async () => {
    const jobs = jobQueueOf(await startBoss());
    await ensureQueues(bosses[0] as PgBoss);
    await expect(jobs.send(JOBS.fetchSource, { sourceId: -1 })).rejects.toThrow(/Invalid payload/);
  });
});
