import { JOBS } from '@wirelens/core/jobs';
import { refreshSource } from '@wirelens/services/sources';

import { defineHandler } from './define-handler.js';

export const fetchSourceHandler = defineHandler({
  job: JOBS.fetchSource,
  concurrency: 'configured',
  async handle({ sourceId, force }, { db, jobs, ingest, signal, log, metrics }) {
    const outcome = await refreshSource({ db, jobs, config: ingest, sourceId, force, signal });
    metrics.fetched(sourceId, outcome.status);
    if (outcome.status === 'ok') {
      log.info(
        `source ${sourceId}: ${outcome.itemsNew} new, ${outcome.itemsUpdated} updated, ${outcome.itemsUnchanged} unchanged, ${outcome.itemsSkipped} skipped`,
      );
    } else if (outcome.status === 'failed') {
      log.warn(`source ${sourceId} failed: ${outcome.error ?? 'unknown error'}`);
    }
  },
});
