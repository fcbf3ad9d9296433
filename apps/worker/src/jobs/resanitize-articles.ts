import { JOBS } from '@wirelens/core/jobs';
import { resanitizeArticles } from '@wirelens/services/articles';

import { defineHandler } from './define-handler.js';

/** Rows one job re-sanitises before it hands the rest to the next job (a few seconds of work). */
const SLICE_ROWS = 3_000;

export const resanitizeArticlesHandler = defineHandler({
  job: JOBS.resanitizeArticles,
  concurrency: 'single',
  async handle(_payload, { db, jobs, log }) {
    const result = await resanitizeArticles({ db, via: 'job', maxRows: SLICE_ROWS });
    if (result.scanned > 0) {
      log.info(
        `re-sanitised ${result.scanned} stored article(s) (${result.changed} changed, sanitiser version ${result.sanitizerVersion}); ${result.remaining} left`,
      );
    }
    // The stately queue keeps one queued job beside this active one, so the rest follows at once.
    if (result.remaining > 0) {
      await jobs.send(JOBS.resanitizeArticles, {}, { singletonKey: JOBS.resanitizeArticles.name });
    }
  },
});
