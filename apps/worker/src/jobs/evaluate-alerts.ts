import { JOBS } from '@wirelens/core/jobs';
import { evaluateArticleAlerts, evaluateWindowAlerts } from '@wirelens/services/alerts';

import { defineHandler } from './define-handler.js';

export const evaluateArticleAlertsHandler = defineHandler({
  job: JOBS.evaluateArticleAlerts,
  concurrency: 'configured',
  async handle({ articleId }, { db, log }) {
    const fired = await evaluateArticleAlerts({ db, articleId });
    if (fired.length > 0)
      log.info(`article ${articleId}: ${fired.length} alert(s) fired (${fired.join(', ')})`);
  },
});

export const evaluateWindowAlertsHandler = defineHandler({
  job: JOBS.evaluateWindowAlerts,
  concurrency: 'single',
  async handle(_payload, { db, log }) {
    const fired = await evaluateWindowAlerts({ db });
    if (fired.length > 0) log.info(`window rules: ${fired.length} alert(s) fired (${fired.join(', ')})`);
  },
});
