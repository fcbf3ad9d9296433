import { JOBS } from '@wirelens/core/jobs';

import type { JobQueue } from '../queue/job-queue.js';

/** Asks the worker to evaluate the alert rules covering an article (after an analysis or a correction). */
export async function queueAlertEvaluation(jobs: JobQueue, articleId: number): Promise<void> {
  await jobs.send(JOBS.evaluateArticleAlerts, { articleId }, { singletonKey: `alerts-${articleId}` });
}
