import { JOBS } from '@wirelens/core/jobs';
import { auditRow, notFound } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { fetchKeyOf, type SourceActionOptions } from './source-records.js';

/**
 * Queues a fetch of a source now, whatever its schedule or status, and audits the request. The
 * job id is null when a fetch of the source is already queued or running (it serves as well).
 */
export async function requestSourceRefresh({
  db,
  jobs,
  actor,
  sourceId,
}: SourceActionOptions & { jobs: JobQueue }): Promise<{ jobId: string | null }> {
  return db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
    if (!source) throw notFound('Source', sourceId);
    const jobId = await jobs.send(
      JOBS.fetchSource,
      { sourceId, force: true },
      { tx, singletonKey: fetchKeyOf(sourceId) },
    );
    await auditRow(tx, actor, 'source.refresh', 'Source', sourceId, { after: { jobId } });
    return { jobId };
  });
}
