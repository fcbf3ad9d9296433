import { JOBS } from '@wirelens/core/jobs';
import { analyzeAndStoreMany } from '@wirelens/services/analysis';

import { defineHandler, type BatchItem, type WorkerDependencies } from './define-handler.js';

type AnalyzeItem = BatchItem<typeof JOBS.analyzeArticle>;

/** Analyses a batch of articles together; each job's error, or null, in order. */
async function analyzeBatch(
  items: AnalyzeItem[],
  { db, jobs, analyzers, metrics }: WorkerDependencies,
): Promise<(Error | null)[]> {
  const outcomes = await analyzeAndStoreMany({
    db,
    jobs,
    analyzers,
    requests: items.map(({ payload: { articleId, reason, analyzer }, signal }) => ({
      articleId,
      reason,
      analyzer,
      signal,
    })),
  });
  return outcomes.map((outcome, i) => {
    const item = items[i];
    if (outcome.status === 'failed') return asError(outcome.error);
    if (outcome.status === 'analyzed') {
      metrics.analyzed(outcome.analyzer, outcome.fallbackReason);
      if (outcome.fallbackReason) {
        item?.log.warn(
          `article ${item.payload.articleId}: the built-in analyzer answered instead of the LLM (${outcome.fallbackReason})`,
        );
      }
    }
    return null;
  });
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : `analysis failed: ${JSON.stringify(error)}`);
}

export const analyzeArticleHandler = defineHandler({
  job: JOBS.analyzeArticle,
  concurrency: 'configured',
  async handle(payload, context) {
    const [error] = await analyzeBatch([{ ...context, payload }], context);
    if (error) throw error;
  },
  handleMany: analyzeBatch,
});
