import type { IngestConfig } from '../ingest/ingest-config.js';
import type { JobDefinition } from './define-job.js';
import { createIngestJobs } from './ingest-jobs.js';

export interface JobDependencies {
  ingest: IngestConfig;
  concurrency: number;
}

/** Every job the worker runs. */
export function createJobs({ ingest, concurrency }: JobDependencies): JobDefinition[] {
  return [...createIngestJobs(ingest, concurrency)];
}
