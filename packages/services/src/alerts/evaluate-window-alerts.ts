import type { DbClient } from '@wirelens/db';

import type { JobQueue } from '../queue/job-queue.js';
import { evaluateWindowRules } from './evaluate-window-rule.js';
import { cachedTargetFilters } from './rule-target.js';

/**
 * Window rules (shift, attention, anomaly) evaluated for the windows ending now. Without `ruleIds`
 * (the periodic job), every enabled window rule, so a rule also fires when nothing new arrived
 * (attention measured against a quiet baseline, a window moving past older articles); with them,
 * only those (the rules analysed articles reached, queued by `evaluateArticleAlerts`). Returns the
 * ids of the new firings.
 */
export async function evaluateWindowAlerts({
  db,
  now = new Date(),
  jobs,
  ruleIds,
}: {
  db: DbClient;
  now?: Date;
  /** Queues deliveries (webhooks, immediate e-mail) with each firing; without it only notifications are recorded. */
  jobs?: JobQueue;
  ruleIds?: readonly number[];
}): Promise<number[]> {
  const rules = await db.alertRule.findMany({
    where: {
      enabled: true,
      kind: { not: 'ARTICLE' },
      ...(ruleIds ? { id: { in: [...new Set(ruleIds)] } } : {}),
    },
    orderBy: { id: 'asc' },
  });
  return evaluateWindowRules(db, rules, cachedTargetFilters(db), now, jobs);
}
