import { JOBS } from '@wirelens/core/jobs';
import { analyzeAndStore } from '@wirelens/services/analysis';

import { defineHandler } from './define-handler.js';

export const analyzeArticleHandler = defineHandler({
  job: JOBS.analyzeArticle,
  concurrency: 'configured',
  async handle({ articleId, reason, analyzer }, { db, jobs, analyzers, signal, log, metrics }) {
    const outcome = await analyzeAndStore({ db, jobs, analyzers, articleId, reason, analyzer, signal });
    if (outcome.status === 'analyzed') metrics.analyzed(outcome.analyzer, outcome.fallbackReason);
    if (outcome.status === 'analyzed' && outcome.fallbackReason) {
      log.warn(
        `article ${articleId}: the built-in analyzer answered instead of the LLM (${outcome.fallbackReason})`,
      );
    }
  },
});
