import { JOBS } from '@wirelens/core/jobs';
import { extractFullText } from '@wirelens/services/articles';

import { defineHandler } from './define-handler.js';

export const extractFullTextHandler = defineHandler({
  job: JOBS.extractFullText,
  concurrency: 'configured',
  async handle({ articleId }, { db, jobs, ingest, signal }) {
    await extractFullText({ db, jobs, config: ingest, articleId, signal });
  },
});
