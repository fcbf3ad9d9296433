import { JOBS } from '@wirelens/core/jobs';
import { trainAnalyzer } from '@wirelens/services/learning';

import { defineHandler } from './define-handler.js';

export const learnAnalyzerHandler = defineHandler({
  job: JOBS.learnAnalyzer,
  concurrency: 'single',
  async handle({ force, requestedById }, { db, learnEvery, jobId, log }) {
    const result = await trainAnalyzer({
      db,
      actor: { userId: requestedById ?? null, requestId: `job:${jobId}` },
      minNewCorrections: force ? undefined : learnEvery,
    });
    if (result.status === 'skipped') {
      if (force) log.info(`learn: nothing to learn from (${result.exampleCount} reviewed articles)`);
      return;
    }
    log.info(
      `learn: model ${result.modelId} from ${result.exampleCount} reviewed articles ${result.activated ? 'beat the built-in analyzer and is active' : 'did not beat the built-in analyzer; the active model stays'}`,
    );
  },
});
