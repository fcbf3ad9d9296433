/**
 * pnpm bench:pipeline [--articles 2000] [--workers 1] [--feeds 1] — the whole pipeline.
 *
 * Serves --articles new articles in --feeds local RSS feeds, starts --workers real worker
 * processes (`src/main.ts`, the built-in analyzer, WORKER_* from the environment), queues one
 * fetch per feed and times fetch + store, analysis (with story clusters and sentiment buckets)
 * and the coverage re-analyses until the queue is empty. Prints wall seconds, articles/s and
 * the workers' CPU seconds. Database: as `bench:ingest` (a scratch database it drops afterwards).
 */
import { parseArgs } from 'node:util';

import { scriptArgs } from '@wirelens/core/testing';

import { benchConditions, pipelineTable, runPipelineBench } from './pipeline-run.js';

const { values } = parseArgs({
  args: scriptArgs(),
  options: {
    articles: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1' },
    feeds: { type: 'string', default: '1' },
  },
});

const passOn = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[0].startsWith('WORKER_') && entry[1] !== undefined,
  ),
);
const result = await runPipelineBench({
  articles: Number(values.articles),
  workers: Number(values.workers),
  feeds: Number(values.feeds),
  env: passOn,
  label: 'pipeline',
});
process.stdout.write(`${benchConditions(passOn)}\n\n${pipelineTable([result])}\n`);
