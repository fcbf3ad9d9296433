import { AppError } from '@wirelens/core';
import { JOBS } from '@wirelens/core/jobs';
import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';

export interface RequestReanalysisOptions {
  db: DbClient;
  jobs: JobQueue;
  actor: Actor;
  articleIds: readonly number[];
  /** The analyzer to run; absent: the one the worker is configured with. */
  analyzer?: 'builtin' | 'llm';
  /** Whether an LLM endpoint is configured (LLM_BASE_URL and LLM_MODEL), as the transport knows it. */
  llmConfigured: boolean;
}

/**
 * Queues a new AI run for each article and audits each request in the same transaction.
 * Corrections stay in force; a disagreeing run flags the article NEEDS_REREVIEW. Asking for the
 * LLM when none is configured is refused up front (INVALID_INPUT on `analyzer`) instead of
 * queueing jobs that could only fall back. Unknown articles are NOT_FOUND on `articleIds`.
 */
export async function requestReanalysis({
  db,
  jobs,
  actor,
  articleIds,
  analyzer,
  llmConfigured,
}: RequestReanalysisOptions): Promise<{ queued: number }> {
  if (analyzer === 'llm' && !llmConfigured) {
    throw new AppError(
      'INVALID_INPUT',
      'No LLM is configured (set LLM_BASE_URL and LLM_MODEL), so an LLM run cannot be queued; use the built-in analyzer',
      { details: { field: 'analyzer' } },
    );
  }
  const ids = [...new Set(articleIds)];
  return db.$transaction(
    async (tx) => {
      const found = await tx.article.count({ where: { id: { in: ids } } });
      if (found !== ids.length) {
        throw new AppError('NOT_FOUND', 'No such article', { details: { field: 'articleIds' } });
      }
      for (const articleId of ids) {
        const payload = { articleId, reason: 'reanalyze' as const, ...(analyzer ? { analyzer } : {}) };
        const jobId = await jobs.send(JOBS.analyzeArticle, payload, {
          tx,
          singletonKey: `reanalyze-${articleId}`,
        });
        await writeAudit(tx, actor, {
          action: 'analysis.reanalyze',
          entityType: 'Article',
          entityId: articleId,
          after: { jobId, ...payload },
        });
      }
      return { queued: ids.length };
    },
    { timeout: 120_000 },
  );
}
