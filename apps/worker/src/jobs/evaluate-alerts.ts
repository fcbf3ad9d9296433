import { JOBS } from '@wirelens/core/jobs';
import { evaluateArticleAlerts, evaluateWindowAlerts } from '@wirelens/services/alerts';

import { defineHandler } from './define-handler.js';

/**
 * The articles of one fetch (up to the job's batch size) are evaluated together, set-based: their
 * article rules here, the window rules they reach queued for `evaluateWindowRulesHandler`. One
 * batch at a time per process: concurrent batches reach the same rules and would wait on each
 * other's rule locks (seen at 10,000 rules: transactions queued for over 30 s).
 */
export const evaluateArticleAlertsHandler = defineHandler({
  job: JOBS.evaluateArticleAlerts,
  concurrency: 'single',
  async handle({ articleId }, { db, jobs, log }) {
    const fired = await evaluateArticleAlerts({
      db,
      articleIds: [articleId],
      jobs,
      windowRules: { queue: jobs },
    });
    if (fired.length > 0) log.info(`article ${articleId}: ${fired.length} alert(s) fired`);
  },
  async handleMany(items, { db, jobs }) {
    const articleIds = items.map((item) => item.payload.articleId);
    try {
      const fired = await evaluateArticleAlerts({ db, articleIds, jobs, windowRules: { queue: jobs } });
      if (fired.length > 0)
        items[0]?.log.info(`${articleIds.length} article(s): ${fired.length} alert(s) fired`);
      return items.map(() => null);
    } catch (error) {
      // One transaction for the batch's firings: every job is retried (a retry fires only what is still due).
      const failure = error instanceof Error ? error : new Error(String(error));
      return items.map(() => failure);
    }
  },
});

/**
 * The window rules analysed batches reached: every job of one fetch (up to 100) is evaluated as one
 * pass over the union of their rules, so while a pass runs the batches arriving queue their rules
 * and the next pass reads each of them once. One pass at a time per process (firings lock rules).
 */
export const evaluateWindowRulesHandler = defineHandler({
  job: JOBS.evaluateWindowRules,
  concurrency: 'single',
  async handle({ ruleIds }, { db, jobs, log }) {
    const fired = await evaluateWindowAlerts({ db, jobs, ruleIds });
    if (fired.length > 0) log.info(`${ruleIds.length} window rule(s): ${fired.length} alert(s) fired`);
  },
  async handleMany(items, { db, jobs }) {
    const ruleIds = [...new Set(items.flatMap((item) => item.payload.ruleIds))];
    try {
      const fired = await evaluateWindowAlerts({ db, jobs, ruleIds });
      if (fired.length > 0)
        items[0]?.log.info(`${ruleIds.length} window rule(s): ${fired.length} alert(s) fired`);
      return items.map(() => null);
    } catch (error) {
      // A retry evaluates the rules again; a firing already recorded for the period is not repeated.
      const failure = error instanceof Error ? error : new Error(String(error));
      return items.map(() => failure);
    }
  },
});

export const evaluateWindowAlertsHandler = defineHandler({
  job: JOBS.evaluateWindowAlerts,
  concurrency: 'single',
  async handle(_payload, { db, jobs, log }) {
    const fired = await evaluateWindowAlerts({ db, jobs });
    if (fired.length > 0) log.info(`window rules: ${fired.length} alert(s) fired (${fired.join(', ')})`);
  },
});
