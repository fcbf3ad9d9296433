import { JOBS } from '@wirelens/core/jobs';
import { applyRetention } from '@wirelens/services/articles';

import { defineHandler } from './define-handler.js';

export const applyRetentionHandler = defineHandler({
  job: JOBS.applyRetention,
  concurrency: 'single',
  async handle(_payload, { db, retentionDays, log }) {
    if (retentionDays === null) return;
    const result = await applyRetention({ db, days: retentionDays });
    if (result.articles > 0) {
      log.info(
        `retention: dropped the full text of ${result.articles} article(s) published before ${result.cutoff.toISOString()} (${Math.round(result.bytes / 1024)} KiB)`,
      );
    }
  },
});
