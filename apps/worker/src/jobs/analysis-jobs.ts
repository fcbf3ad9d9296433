import { JOBS } from '@wirelens/core';

import { analyzeArticle } from '../analysis/analyze-article.js';
import type { AnalyzerSet } from '../analysis/analyzer-set.js';
import { logger } from '../logger.js';
import { defineJob, type JobDefinition } from './define-job.js';

export function createAnalysisJobs(analyzers: AnalyzerSet, concurrency: number): JobDefinition[] {
  return [
    defineJob({
      name: JOBS.analyzeArticle.name,
      payload: JOBS.analyzeArticle.payload,
      retryLimit: 3,
      retryDelaySeconds: 20,
      retryBackoff: true,
      expireInSeconds: 600,
      heartbeatSeconds: 30,
      concurrency,
      policy: 'exclusive',
      async handle({ articleId, reason, analyzer }, { db, boss }) {
        const outcome = await analyzeArticle({ db, analyzers, articleId, reason, analyzer });
        if (outcome.status !== 'analyzed') return;
        if (outcome.fallbackReason) {
          logger.warn(
            `article ${articleId}: LLM failed, built-in analyzer answered (${outcome.fallbackReason})`,
          );
        }
        // A new source for the story: its earlier articles' importance counts sources.
        if (outcome.rescore.length > 0) {
          await boss.insert(
            JOBS.analyzeArticle.name,
            outcome.rescore.map((id) => ({
              data: { articleId: id, reason: 'coverage' as const },
              singletonKey: `coverage-${id}`,
            })),
          );
        }
      },
    }),
  ];
}
