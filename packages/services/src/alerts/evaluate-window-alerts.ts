import type { DbClient } from '@wirelens/db';
import type { ArticleFilter } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { evaluateWindowRules } from './evaluate-window-rule.js';
import { cachedTargetFilters } from './rule-target.js';

/**
 * Periodic: every enabled window rule (shift, attention, anomaly) evaluated for the window ending
 * now, so a rule also fires when nothing new arrived (e.g. attention measured against a quiet
 * baseline, or a window moving past older articles). Returns the ids of the new firings.
 */
export async function evaluateWindowAlerts({
  db,
  now = new Date(),
  jobs,
}: {
  db: DbClient;
  now?: Date;
  /** Queues deliveries (webhooks, immediate e-mail) with each firing; without it only notifications are recorded. */
  jobs?: JobQueue;
}): Promise<number[]> {
  const rules = await db.alertRule.findMany({
    where: { enabled: true, kind: { not: 'ARTICLE' } },
    orderBy: { id: 'asc' },
  });
  const targets: { rule: (typeof rules)[number]; filter: ArticleFilter }[] = [];
  const filterOf = cachedTargetFilters(db);
  for (const rule of rules) {
    const filter = await filterOf(rule);
    if (filter) targets.push({ rule, filter });
  }
  return evaluateWindowRules(db, targets, now, jobs);
}
