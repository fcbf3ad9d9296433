import { JOBS, type JobDefinition, type JobPayload } from '@wirelens/core/jobs';
import { evaluateArticleAlerts, evaluateWindowAlerts } from '@wirelens/services/alerts';

import { defineHandler, type JobHandler, type WorkerDependencies } from './define-handler.js';

/**
 * A job, or every job of one fetch, as one evaluation: `evaluate` gets their payloads and returns
 * what to log (null: nothing). Its firings are written together, so a failure (thrown) fails every
 * job of the fetch and the queue retries them (a retry fires only what is still due).
 */
function evaluatedTogether<Job extends JobDefinition>(
  evaluate: (payloads: JobPayload<Job>[], dependencies: WorkerDependencies) => Promise<string | null>,
): Pick<JobHandler<Job>, 'handle' | 'handleMany'> {
  return {
    async handle(payload, context) {
      const said = await evaluate([payload], context);
      if (said) context.log.info(said);
    },
    async handleMany(items, dependencies) {
      const said = await evaluate(
        items.map((item) => item.payload),
        dependencies,
      );
      if (said) items[0]?.log.info(said);
      return items.map(() => null);
    },
  };
}

/**
 * The articles of one fetch (up to the job's batch size) are evaluated together, set-based: their
 * article rules here, the window rules they reach queued for `evaluateWindowRulesHandler`. One
 * batch at a time per process: concurrent batches reach the same rules and would wait on each
 * other's rule locks (seen at 10,000 rules: transactions queued for over 30 s).
 */
export const evaluateArticleAlertsHandler = defineHandler({
  job: JOBS.evaluateArticleAlerts,
  concurrency: 'single',
  ...evaluatedTogether<typeof JOBS.evaluateArticleAlerts>(async (payloads, { db, jobs }) => {
    const articleIds = payloads.map((payload) => payload.articleId);
    const fired = await evaluateArticleAlerts({ db, articleIds, jobs, windowRules: { queue: jobs } });
    return fired.length > 0 ? `${articleIds.length} article(s): ${fired.length} alert(s) fired` : null;
  }),
});

/**
 * The window rules analysed batches reached: every job of one fetch (up to 100) is evaluated as one
 * pass over the union of their rules, so while a pass runs the batches arriving queue their rules
 * and the next pass reads each of them once. One pass at a time per process (firings lock rules).
 */
export const evaluateWindowRulesHandler = defineHandler({
  job: JOBS.evaluateWindowRules,
  concurrency: 'single',
  ...evaluatedTogether<typeof JOBS.evaluateWindowRules>(async (payloads, { db, jobs }) => {
    const ruleIds = [...new Set(payloads.flatMap((payload) => payload.ruleIds))];
    const fired = await evaluateWindowAlerts({ db, jobs, ruleIds });
    return fired.length > 0 ? `${ruleIds.length} window rule(s): ${fired.length} alert(s) fired` : null;
  }),
});

export const evaluateWindowAlertsHandler = defineHandler({
  job: JOBS.evaluateWindowAlerts,
  concurrency: 'single',
  async handle(_payload, { db, jobs, log }) {
    const fired = await evaluateWindowAlerts({ db, jobs });
    if (fired.length > 0) log.info(`window rules: ${fired.length} alert(s) fired (${fired.join(', ')})`);
  },
});
