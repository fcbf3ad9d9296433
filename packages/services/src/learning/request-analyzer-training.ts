import { JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';

/**
 * An admin asks for a model to be trained now. The worker trains it (a job, so a long training
 * never holds a request) and activates it only if it beats the built-in analyzer.
 */
export async function requestAnalyzerTraining({
  db,
  jobs,
  actor,
}: {
  db: DbClient;
  jobs: JobQueue;
  actor: Actor;
}): Promise<{ jobId: string | null }> {
  return db.$transaction(async (tx) => {
    const jobId = await jobs.send(
      JOBS.learnAnalyzer,
      { force: true, requestedById: actor.userId ?? undefined },
      { tx, singletonKey: 'learn-now' },
    );
    await writeAudit(tx, actor, {
      action: 'analyzer-model.train.request',
      entityType: 'AnalyzerModel',
      after: { jobId },
    });
    return { jobId };
  });
}
