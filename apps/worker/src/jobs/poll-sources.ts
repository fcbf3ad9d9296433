import { JOBS } from '@wirelens/core/jobs';
import { pollSources } from '@wirelens/services/sources';

import { logger } from '../logger.js';
import { defineHandler } from './define-handler.js';

export const pollSourcesHandler = defineHandler({
  job: JOBS.pollSources,
  concurrency: 'single',
  async handle(_payload, { db, jobs }) {
    const count = await pollSources({ db, jobs });
    if (count > 0) logger.info(`poll: ${count} source(s) due`);
  },
});
