import type { PgBoss } from 'pg-boss';

import { JOBS } from '@wirelens/core';
import type { UpsertedArticle } from '@wirelens/db';

/**
 * New and changed articles go on: to full-text extraction when the feed carried
 * only a teaser, else straight to analysis. Singleton keys keep a burst of
 * updates to one article from queueing the same work twice.
 */
export async function enqueueFollowUps({
  boss,
  created,
  updated,
}: {
  boss: PgBoss;
  created: UpsertedArticle[];
  updated: UpsertedArticle[];
}): Promise<void> {
  const extract = [...created, ...updated].filter((a) => a.fullTextStatus === 'PENDING');
  const analyse = [
    ...created
      .filter((a) => a.fullTextStatus !== 'PENDING')
      .map((a) => ({ id: a.id, reason: 'new' as const })),
    ...updated
      .filter((a) => a.fullTextStatus !== 'PENDING')
      .map((a) => ({ id: a.id, reason: 'changed' as const })),
  ];
  if (extract.length > 0) {
    await boss.insert(
      JOBS.extractFullText.name,
      extract.map((a) => ({ data: { articleId: a.id }, singletonKey: `article-${a.id}` })),
    );
  }
  if (analyse.length > 0) {
    await boss.insert(
      JOBS.analyzeArticle.name,
      analyse.map((a) => ({ data: { articleId: a.id, reason: a.reason }, singletonKey: `article-${a.id}` })),
    );
  }
}
