import { JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';
import { notFound, writeAudit, type Actor } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { fetchKeyOf } from './source-records.js';

/**
 * Queues a fetch of a source now, whatever its schedule or status, and audits the request. The
 * job id is null when a fetch of the source is already queued or running (it serves as well).
 */
export async function requestSourceRefresh({
  db,
  jobs,
  actor,
  sourceId,
}: {
  db: DbClient;
  jobs: JobQueue;
  actor: Actor;
  sourceId: number;
}): Promise<{ jobId: string | null }> {
  return db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
    if (!source) throw notFound('Source', sourceId);
    const jobId = await jobs.send(
      JOBS.fetchSource,
      { sourceId, force: true },
      { tx, singletonKey: fetchKeyOf(sourceId) },
    );
    await writeAudit(tx, actor, {
      action: 'source.refresh',
      entityType: 'Source',
      entityId: sourceId,
      after: { jobId },
    });
    return { jobId };
  });
}
