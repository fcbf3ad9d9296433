import { articleParamsSchema, evaluateArticle, storyKey } from '@wirelens/core/alerts';
import type { DbClient } from '@wirelens/db';
import { articleMatches } from '@wirelens/db/repositories';

import { evaluateWindowRule } from './evaluate-window-rule.js';
import { recordFiring } from './record-firing.js';
import { ruleTargetFilter } from './rule-target.js';

export interface EvaluateArticleAlertsOptions {
  db: DbClient;
  articleId: number;
  /** Default: now (tests pin it). */
  now?: Date;
}

/**
 * After an analysis is stored or an editor corrected one: every enabled rule whose target covers
 * the article is evaluated on the article's effective values. Article rules fire once per story
 * cluster; window rules (shift, attention, anomaly) are re-evaluated for the window ending now,
 * so a correction can push a mean across a rule's line. Returns the ids of the new firings.
 */
export async function evaluateArticleAlerts({
  db,
  articleId,
  now = new Date(),
}: EvaluateArticleAlertsOptions): Promise<number[]> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      clusterId: true,
      importance: true,
      sentimentLabel: true,
      sentimentScore: true,
      reviewStatus: true,
      latestAnalysisId: true,
      companies: { select: { companyId: true } },
      topics: { select: { topicId: true } },
    },
  });
  if (!article || article.latestAnalysisId === null) return [];
  const companyIds = article.companies.map((c) => c.companyId);
  const topicIds = article.topics.map((t) => t.topicId);
  // Company and topic rules are found by index; list and saved-filter rules are checked by query below.
  const rules = await db.alertRule.findMany({
    where: {
      enabled: true,
      OR: [
        { companyId: { in: companyIds } },
        { topicId: { in: topicIds } },
        { watchlistId: { not: null } },
        { savedFilterId: { not: null } },
      ],
    },
    orderBy: { id: 'asc' },
  });
  const fired: number[] = [];
  for (const rule of rules) {
    const filter = await ruleTargetFilter(db, rule);
    if (!filter) continue;
    const covered =
      rule.companyId !== null || rule.topicId !== null || (await articleMatches(db, filter, article.id));
    if (!covered) continue;
    let firingId: number | null;
    if (rule.kind === 'ARTICLE') {
      // A rejected analysis is not news to alert on.
      const params = articleParamsSchema.parse(rule.params);
      const figures = article.reviewStatus === 'REJECTED' ? null : evaluateArticle(params, article);
      firingId = figures
        ? await recordFiring(db, {
            rule,
            dedupKey: storyKey(article),
            figures,
            articleIds: [article.id],
            clusterId: article.clusterId,
            now,
          })
        : null;
    } else {
      firingId = await evaluateWindowRule(db, rule, filter, now);
    }
    if (firingId !== null) fired.push(firingId);
  }
  return fired;
}
