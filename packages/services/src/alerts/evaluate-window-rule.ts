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
import { loadAlertWindows, type ArticleFilter } from '@wirelens/db/repositories';

import type { JobQueue } from '../queue/job-queue.js';
import { recordFiring } from './record-firing.js';

export interface WindowRule {
  id: number;
  ownerId: number;
  kind: AlertRuleKind;
  params: Prisma.JsonValue;
  cooldownMinutes: number;
  emailMode: AlertEmailMode;
}

interface Verdict {
  figures: AlertFigures | null;
  window: TimeWindow;
  articleIds: number[];
  dedupKey: string;
}

/** Reads the windows a window rule needs for `filter` and asks core whether it crossed. */
async function judge(db: DbClient, rule: WindowRule, filter: ArticleFilter, now: Date): Promise<Verdict> {
  const parsed = parseAlertParams(rule.kind, rule.params);
  switch (parsed.kind) {
    case 'SENTIMENT_SHIFT': {
      const windows = trailingWindows(parsed.params.window, now, 2);
      const [current, previous] = await loadAlertWindows({ db, filter, windows });
      return {
        figures: current && previous ? evaluateShift(parsed.params, current, previous) : null,
        window: windows[0] as TimeWindow,
        articleIds: current?.articleIds ?? [],
        dedupKey: windowPeriodKey(parsed.params.window, now),
      };
    }
    case 'ATTENTION': {
      const windows = trailingWindows(parsed.params.window, now, parsed.params.baselineWindows + 1);
      const [current, ...baseline] = await loadAlertWindows({ db, filter, windows });
      return {
        figures: current
          ? evaluateAttention(
              parsed.params,
              current.count,
              baseline.map((w) => w.count),
            )
          : null,
        window: windows[0] as TimeWindow,
        articleIds: current?.articleIds ?? [],
        dedupKey: windowPeriodKey(parsed.params.window, now),
      };
    }
    case 'SENTIMENT_ANOMALY': {
      const windows = trailingWindows('DAY', now, parsed.params.baselineDays + 1);
      const [current, ...baseline] = await loadAlertWindows({ db, filter, windows });
      return {
        figures: current ? evaluateAnomaly(parsed.params, current, baseline) : null,
        window: windows[0] as TimeWindow,
        articleIds: current?.articleIds ?? [],
        dedupKey: windowPeriodKey('DAY', now),
      };
    }
    case 'ARTICLE':
      throw new Error('article rules are evaluated per article');
  }
}

/** Evaluates one window rule on its target's articles as of `now`; the firing id when it fired. */
export async function evaluateWindowRule(
  db: DbClient,
  rule: WindowRule,
  filter: ArticleFilter,
  now: Date,
  jobs?: JobQueue,
): Promise<number | null> {
  const verdict = await judge(db, rule, filter, now);
  if (!verdict.figures) return null;
  return recordFiring(db, {
    rule,
    dedupKey: verdict.dedupKey,
    figures: verdict.figures,
    articleIds: verdict.articleIds,
    window: verdict.window,
    now,
    jobs,
  });
}
