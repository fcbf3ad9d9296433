import { JOBS } from '@wirelens/core';

import { extractFullText } from '../ingest/extract-full-text.js';
import { fetchSource } from '../ingest/fetch-source.js';
import type { IngestConfig } from '../ingest/ingest-config.js';
import { pollSources } from '../ingest/poll-sources.js';
import { logger } from '../logger.js';
import { defineJob, type JobDefinition } from './define-job.js';

export function createIngestJobs(config: IngestConfig, concurrency: number): JobDefinition[] {
  return [
    defineJob({
      name: JOBS.pollSources.name,
      payload: JOBS.pollSources.payload,
      retryLimit: 0,
      retryDelaySeconds: 0,
      retryBackoff: false,
      expireInSeconds: 60,
      concurrency: 1,
      policy: 'exclusive',
      cron: '* * * * *',
      async handle(_payload, { db, boss }) {
        const count = await pollSources({ db, boss });
        if (count > 0) logger.info(`poll: ${count} source(s) due`);
      },
    }),
    defineJob({
      name: JOBS.fetchSource.name,
      payload: JOBS.fetchSource.payload,
      retryLimit: 3,
      retryDelaySeconds: 15,
      retryBackoff: true,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
      concurrency,
      policy: 'exclusive',
      async handle({ sourceId, force }, { db, boss }) {
        const outcome = await fetchSource({ db, boss, config, sourceId, force });
        if (outcome.status === 'ok') {
          logger.info(
            `source ${sourceId}: ${outcome.itemsNew} new, ${outcome.itemsUpdated} updated, ${outcome.itemsUnchanged} unchanged, ${outcome.itemsSkipped} skipped`,
          );
        } else if (outcome.status === 'failed') {
          logger.warn(`source ${sourceId} failed: ${outcome.error ?? 'unknown error'}`);
        }
      },
    }),
    defineJob({
      name: JOBS.extractFullText.name,
      payload: JOBS.extractFullText.payload,
      retryLimit: 3,
      retryDelaySeconds: 30,
      retryBackoff: true,
      expireInSeconds: 180,
      heartbeatSeconds: 10,
      concurrency,
      policy: 'exclusive',
      async handle({ articleId }, { db, boss }) {
        await extractFullText({ db, boss, config, articleId });
      },
    }),
  ];
}
