import {
  evaluateAnomaly,
  evaluateAttention,
  evaluateShift,
  parseAlertParams,
  trailingWindows,
  windowPeriodKey,
  type AlertFigures,
  type TimeWindow,
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

/** The windows a window rule reads as of `now`, newest first, and how core judges them. */
interface Plan {
  windows: TimeWindow[];
  dedupKey: string;
  judge(rows: AlertWindowRow[]): AlertFigures | null;
}

function planOf(rule: WindowRule, now: Date): Plan {
  const parsed = parseAlertParams(rule.kind, rule.params);
  switch (parsed.kind) {
    case 'SENTIMENT_SHIFT':
      return {
        windows: trailingWindows(parsed.params.window, now, 2),
        dedupKey: windowPeriodKey(parsed.params.window, now),
        judge: ([current, previous]) =>
          current && previous ? evaluateShift(parsed.params, current, previous) : null,
      };
    case 'ATTENTION':
      return {
        windows: trailingWindows(parsed.params.window, now, parsed.params.baselineWindows + 1),
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
        windows: trailingWindows('DAY', now, parsed.params.baselineDays + 1),
        dedupKey: windowPeriodKey('DAY', now),
        judge: ([current, ...baseline]) =>
          current ? evaluateAnomaly(parsed.params, current, baseline) : null,
      };
    case 'ARTICLE':
      throw new Error('article rules are evaluated per article');
  }
}

/**
 * Evaluates window rules, each on its target's articles as of `now`: every rule's windows read in a
 * few statements, core's verdicts, and the firings recorded in the given order. Returns the ids of
 * the new firings.
 */
export async function evaluateWindowRules(
  db: DbClient,
  rules: readonly { rule: WindowRule; filter: ArticleFilter }[],
  now: Date,
  jobs?: JobQueue,
): Promise<number[]> {
  const plans = rules.map(({ rule }) => planOf(rule, now));
  const answers = await loadAlertWindows({
    db,
    requests: rules.map(({ filter }, i) => ({ filter, windows: plans[i]?.windows ?? [] })),
  });
  const candidates: FiringCandidate[] = [];
  for (const [i, { rule }] of rules.entries()) {
    const plan = plans[i];
    const rows = answers[i];
    if (!plan || !rows) continue;
    const figures = plan.judge(rows);
    if (!figures) continue;
    candidates.push({
      rule,
      dedupKey: plan.dedupKey,
      figures,
      articleIds: rows[0]?.articleIds ?? [],
      window: plan.windows[0] ?? null,
    });
  }
  return recordFiringsInBatches(db, candidates, { now, jobs });
}
