import { JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';

import type { JobQueue } from '../queue/job-queue.js';
import { fetchKeyOf } from './source-records.js';

/** Queues a fetch for every active source that is due; the fetch queue keeps one job per source. */
export async function pollSources({
  db,
  jobs,
  now = new Date(),
}: {
  db: DbClient;
  jobs: JobQueue;
  now?: Date;
}): Promise<number> {
  const due = await db.source.findMany({
    where: { status: 'ACTIVE', nextAttemptAt: { lte: now } },
    select: { id: true },
    orderBy: { nextAttemptAt: 'asc' },
    take: 1000,
  });
  await jobs.sendMany(
    JOBS.fetchSource,
    due.map((source) => ({
      payload: { sourceId: source.id, force: false },
      singletonKey: fetchKeyOf(source.id),
    })),
  );
  return due.length;
}
