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
import type { RuleTarget, TargetFilters } from './rule-target.js';

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
 * Evaluates window rules, each on its target's articles as of `now` (a rule whose target is gone is
 * skipped), and records the firings in the given order. Rules on the same target (`filterOf` hands
 * rules sharing a target one filter object, as `cachedTargetFilters` does) and window length share
 * one read: the longest run of windows any of them needs, each rule judging its newest ones. So a
 * company's hourly shift, daily attention and 30-day anomaly rules, however many analysts set them,
 * cost one read per window length. Returns the ids of the new firings.
 */
export async function evaluateWindowRules(
  db: DbClient,
  rules: readonly (WindowRule & RuleTarget)[],
  filterOf: TargetFilters,
  now: Date,
  jobs?: JobQueue,
): Promise<number[]> {
  await filterOf.load(rules);
  // One read per (target, window length), as long as its longest rule needs.
  const reads = new Map<ArticleFilter, Map<AlertWindow, { count: number; rows?: AlertWindowRow[] }>>();
  const planned: { rule: WindowRule; plan: Plan; read: { count: number; rows?: AlertWindowRow[] } }[] = [];
  for (const rule of rules) {
    const filter = await filterOf(rule);
    if (!filter) continue;
    const plan = planOf(rule, now);
    const byWindow = reads.get(filter) ?? new Map<AlertWindow, { count: number }>();
    reads.set(filter, byWindow);
    const read = byWindow.get(plan.window) ?? { count: 0 };
    byWindow.set(plan.window, read);
    read.count = Math.max(read.count, plan.count);
    planned.push({ rule, plan, read });
  }
  const requests = [...reads].flatMap(([filter, byWindow]) =>
    [...byWindow].map(([window, read]) => ({
      filter,
      windows: trailingWindows(window, now, read.count),
      read,
    })),
  );
  const answers = await loadAlertWindows({ db, requests });
  for (const [i, { read }] of requests.entries()) read.rows = answers[i];

  const candidates: FiringCandidate[] = [];
  for (const { rule, plan, read } of planned) {
    const rows = read.rows?.slice(0, plan.count);
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
