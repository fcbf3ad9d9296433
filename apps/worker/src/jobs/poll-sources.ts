import { JOBS } from '@wirelens/core/jobs';
import { pollSources } from '@wirelens/services/sources';

import { defineHandler } from './define-handler.js';

export const pollSourcesHandler = defineHandler({
  job: JOBS.pollSources,
  concurrency: 'single',
  async handle(_payload, { db, jobs, log }) {
    const count = await pollSources({ db, jobs });
    if (count > 0) log.info(`poll: ${count} source(s) due`);
  },
});
