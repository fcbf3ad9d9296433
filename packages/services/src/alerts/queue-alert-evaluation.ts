import { JOBS } from '@wirelens/core/jobs';

import type { JobQueue, SendOptions } from '../queue/job-queue.js';

/**
 * Asks the worker to evaluate the alert rules covering these articles (after analyses or a correction):
 * one job per article, one statement for all of them.
 */
export async function queueAlertEvaluation(
  jobs: JobQueue,
  articleIds: readonly number[],
  options: Pick<SendOptions, 'tx'> = {},
): Promise<void> {
  await jobs.sendMany(
    JOBS.evaluateArticleAlerts,
    articleIds.map((articleId) => ({ payload: { articleId }, singletonKey: `alerts-${articleId}` })),
    options,
  );
}
