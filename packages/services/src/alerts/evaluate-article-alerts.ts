import {
  ALERT_WINDOWS,
  articleParamsSchema,
  evaluateArticle,
  storyKey,
  windowPeriodKey,
} from '@wirelens/core/alerts';
import { JOBS } from '@wirelens/core/jobs';
import type { AlertRule, DbClient } from '@wirelens/db';
import {
  alertRulesCovering,
  articlesMatchingFilters,
  articleStateSelect,
  filteredAlertRuleIds,
  type ArticleFilter,
  type PeriodKeys,
} from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { evaluateWindowRules } from './evaluate-window-rule.js';
import { recordFiringsInBatches, type FiringCandidate } from './record-firing.js';
import { cachedTargetFilters } from './rule-target.js';

export interface EvaluateArticleAlertsOptions {
  db: DbClient;
  /** The articles to evaluate together (e.g. an analysed batch); their firings are recorded in this order. */
  articleIds: readonly number[];
  /** Default: now (tests pin it). */
  now?: Date;
  /** Queues deliveries (webhooks, immediate e-mail) with each firing; without it only notifications are recorded. */
  jobs?: JobQueue;
  /**
   * What happens to the window rules the articles reach: evaluated here, after the article rules
   * (default), or queued as one `alerts-evaluate-window-rules` job for a worker to evaluate apart
   * (the worker's way: article alerts do not wait behind window reads, and the rules reached by
   * consecutive batches are evaluated once).
   */
  windowRules?: 'evaluate' | { queue: JobQueue };
}

/**
 * After analyses are stored or an editor corrected one: every enabled rule whose target covers one
 * of the articles is evaluated on the article's effective values. Set-based, so the cost follows
 * the rules the articles reach, not all rules: one statement finds the rules reached through the
 * articles' companies and topics (directly or on a list), leaving out the rules that cannot fire
 * now, and one checks every saved-filter target against all the articles. Article rules fire once
 * per story cluster, all firings of the batch in one transaction; the window rules (shift,
 * attention, anomaly) reached are re-evaluated once for the window ending now (here or in a queued
 * job, see `windowRules`), so a correction can push a mean across a rule's line. Returns the ids
 * of the new firings.
 */
export async function evaluateArticleAlerts({
  db,
  articleIds,
  now = new Date(),
  jobs,
  windowRules = 'evaluate',
}: EvaluateArticleAlertsOptions): Promise<number[]> {
  const wanted = [...new Set(articleIds)];
  const rows = await db.article.findMany({
    where: { id: { in: wanted }, latestAnalysisId: { not: null } },
    // The article's effective state, as every consumer of it reads it, plus what rules match on.
    select: { ...articleStateSelect, clusterId: true, importance: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const articles = wanted.flatMap((id) => byId.get(id) ?? []);
  if (articles.length === 0) return [];
  const ids = articles.map((article) => article.id);

  // Rules that cannot fire now (cooling down, conditions the article fails, already fired for the
  // story or period, articles older than every window they read) are left out by the database
  // rather than loaded and evaluated here: each window rule evaluated costs a statement.
  const periodKeys = Object.fromEntries(ALERT_WINDOWS.map((w) => [w, windowPeriodKey(w, now)])) as PeriodKeys;
  const direct = await alertRulesCovering(db, ids, { now, periodKeys });
  const filtered = new Set(await filteredAlertRuleIds(db, now));
  const rules = await db.alertRule.findMany({
    where: { id: { in: [...new Set([...direct.map((c) => c.ruleId), ...filtered])] }, enabled: true },
    orderBy: { id: 'asc' },
  });
  const covered = new Map<number, Set<number>>();
  const cover = (ruleId: number, articleId: number) => {
    const set = covered.get(ruleId) ?? new Set<number>();
    set.add(articleId);
    covered.set(ruleId, set);
  };
  for (const { ruleId, articleId } of direct) cover(ruleId, articleId);

  const filterOf = cachedTargetFilters(db);
  await filterOf.load(rules.filter((rule) => filtered.has(rule.id)));
  // Saved-filter targets (and lists holding saved filters): every distinct target checked once, in
  // one statement (a statement per rule was 1,000 branches at 10,000 rules, and took a minute).
  const filterRules: { rule: AlertRule; target: number }[] = [];
  const targets: ArticleFilter[] = [];
  const targetIndex = new Map<ArticleFilter, number>();
  for (const rule of rules) {
    if (!filtered.has(rule.id)) continue;
    const filter = await filterOf(rule);
    if (!filter) continue;
    let target = targetIndex.get(filter);
    if (target === undefined) {
      target = targets.push(filter) - 1;
      targetIndex.set(filter, target);
    }
    filterRules.push({ rule, target });
  }
  const matches = await articlesMatchingFilters(db, targets, ids);
  for (const { rule, target } of filterRules) {
    for (const articleId of matches[target] ?? []) cover(rule.id, articleId);
  }

  const reached = rules.filter((rule) => covered.has(rule.id));
  const candidates: FiringCandidate[] = [];
  const articleRules = reached
    .filter((rule) => rule.kind === 'ARTICLE')
    .map((rule) => ({ rule, params: articleParamsSchema.parse(rule.params) }));
  for (const article of articles) {
    // A rejected analysis is not news to alert on.
    if (article.reviewStatus === 'REJECTED') continue;
    for (const { rule, params } of articleRules) {
      if (!covered.get(rule.id)?.has(article.id)) continue;
      const figures = evaluateArticle(params, article);
      if (!figures) continue;
      candidates.push({
        rule,
        dedupKey: storyKey(article),
        figures,
        articleIds: [article.id],
        clusterId: article.clusterId,
      });
    }
  }
  const fired = await recordFiringsInBatches(db, candidates, { now, jobs });
  const reachedWindowRules = reached.filter((rule) => rule.kind !== 'ARTICLE');
  if (reachedWindowRules.length === 0) return fired;
  if (windowRules !== 'evaluate') {
    await windowRules.queue.send(JOBS.evaluateWindowRules, {
      ruleIds: reachedWindowRules.map((rule) => rule.id),
    });
    return fired;
  }
  fired.push(...(await evaluateWindowRules(db, reachedWindowRules, filterOf, now, jobs)));
  return fired;
}
