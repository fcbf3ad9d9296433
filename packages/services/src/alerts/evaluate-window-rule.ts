import {
  evaluateAnomaly,
  evaluateAttention,
  evaluateShift,
  parseAlertParams,
  trailingWindows,
  windowPeriodKey,
  type AlertFigures,
  type AlertWindow,
} from '@wirelens/core/alerts';
import type { AlertEmailMode, AlertRuleKind, DbClient, Prisma } from '@wirelens/db';
import { loadAlertWindows, type AlertWindowRow, type ArticleFilter } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { recordFiringsInBatches, type FiringCandidate } from './record-firing.js';

export interface WindowRule {
  id: number;
  ownerId: number;
  kind: AlertRuleKind;
  params: Prisma.JsonValue;
  cooldownMinutes: number;
  emailMode: AlertEmailMode;
}

/**
 * What a window rule reads as of `now`: the `count` newest `window`-long windows ending now, the
 * period its firing would take, and how core judges those windows (newest first).
 */
interface Plan {
  window: AlertWindow;
  count: number;
  dedupKey: string;
  judge(rows: AlertWindowRow[]): AlertFigures | null;
}

function planOf(rule: WindowRule, now: Date): Plan {
  const parsed = parseAlertParams(rule.kind, rule.params);
  switch (parsed.kind) {
    case 'SENTIMENT_SHIFT':
      return {
        window: parsed.params.window,
        count: 2,
        dedupKey: windowPeriodKey(parsed.params.window, now),
        judge: ([current, previous]) =>
          current && previous ? evaluateShift(parsed.params, current, previous) : null,
      };
    case 'ATTENTION':
      return {
        window: parsed.params.window,
        count: parsed.params.baselineWindows + 1,
        dedupKey: windowPeriodKey(parsed.params.window, now),
        judge: ([current, ...baseline]) =>
          current
            ? evaluateAttention(
                parsed.params,
                current.count,
                baseline.map((w) => w.count),
              )
            : null,
      };
    case 'SENTIMENT_ANOMALY':
      return {
        window: 'DAY',
        count: parsed.params.baselineDays + 1,
        dedupKey: windowPeriodKey('DAY', now),
        judge: ([current, ...baseline]) =>
          current ? evaluateAnomaly(parsed.params, current, baseline) : null,
      };
    case 'ARTICLE':
      throw new Error('article rules are evaluated per article');
  }
}

/**
 * Evaluates window rules, each on its target's articles as of `now`, and records the firings in the
 * given order. Rules on the same target (the same filter object, as `cachedTargetFilters` hands out)
 * and window length share one read: the longest run of windows any of them needs, each rule judging
 * its newest ones. So a company's hourly shift, daily attention and 30-day anomaly rules, however
 * many analysts set them, cost one read per window length. Returns the ids of the new firings.
 */
export async function evaluateWindowRules(
  db: DbClient,
  rules: readonly { rule: WindowRule; filter: ArticleFilter }[],
  now: Date,
  jobs?: JobQueue,
): Promise<number[]> {
  const plans = rules.map(({ rule }) => planOf(rule, now));
  const reads: { filter: ArticleFilter; window: AlertWindow; count: number }[] = [];
  const readOf = new Map<ArticleFilter, Partial<Record<AlertWindow, number>>>();
  const readIndex = plans.map((plan, i) => {
    const filter = (rules[i] as (typeof rules)[number]).filter;
    const byWindow = readOf.get(filter) ?? {};
    readOf.set(filter, byWindow);
    let index = byWindow[plan.window];
    if (index === undefined) {
      index = reads.push({ filter, window: plan.window, count: 0 }) - 1;
      byWindow[plan.window] = index;
    }
    const read = reads[index] as (typeof reads)[number];
    read.count = Math.max(read.count, plan.count);
    return index;
  });
  const answers = await loadAlertWindows({
    db,
    requests: reads.map(({ filter, window, count }) => ({
      filter,
      windows: trailingWindows(window, now, count),
    })),
  });
  const candidates: FiringCandidate[] = [];
  for (const [i, { rule }] of rules.entries()) {
    const plan = plans[i] as Plan;
    const rows = answers[readIndex[i] as number]?.slice(0, plan.count);
    if (!rows) continue;
    const figures = plan.judge(rows);
    if (!figures) continue;
    candidates.push({
      rule,
      dedupKey: plan.dedupKey,
      figures,
      articleIds: rows[0]?.articleIds ?? [],
      window: trailingWindows(plan.window, now, 1)[0] ?? null,
    });
  }
  return recordFiringsInBatches(db, candidates, { now, jobs });
}
