import { JOBS } from '@wirelens/core/jobs';
import type { UpsertedArticle } from '@wirelens/db';
import type { Tx } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';

/**
 * New and changed articles go on: to full-text extraction when the feed carried only a teaser,
 * else straight to analysis. One key per article keeps a burst of updates to it from queueing
 * the same work twice. Pass the transaction that stored the articles: the jobs then exist exactly
 * when the articles do, and a worker killed in between loses neither.
 */
export async function queueArticleFollowUps({
  jobs,
  tx,
  created,
  updated,
}: {
  jobs: JobQueue;
  tx?: Tx;
  created: UpsertedArticle[];
  updated: UpsertedArticle[];
}): Promise<void> {
  const extract = [...created, ...updated].filter((a) => a.fullTextStatus === 'PENDING');
  const analyze = [
    ...created
      .filter((a) => a.fullTextStatus !== 'PENDING')
      .map((a) => ({ id: a.id, reason: 'new' as const })),
    ...updated
      .filter((a) => a.fullTextStatus !== 'PENDING')
      .map((a) => ({ id: a.id, reason: 'changed' as const })),
  ];
  await jobs.sendMany(
    JOBS.extractFullText,
    extract.map((a) => ({ payload: { articleId: a.id }, singletonKey: `article-${a.id}` })),
    { tx },
  );
  await jobs.sendMany(
    JOBS.analyzeArticle,
    analyze.map((a) => ({ payload: { articleId: a.id, reason: a.reason }, singletonKey: `article-${a.id}` })),
    { tx },
  );
}
