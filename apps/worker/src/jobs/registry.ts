import type { AnalyzerSet } from '../analysis/analyzer-set.js';
import type { IngestConfig } from '../ingest/ingest-config.js';
import { createAnalysisJobs } from './analysis-jobs.js';
import type { JobDefinition } from './define-job.js';
import { createIngestJobs } from './ingest-jobs.js';

export interface JobDependencies {
  ingest: IngestConfig;
  analyzers: AnalyzerSet;
  concurrency: number;
}

/** Every job the worker runs. */
export function createJobs({ ingest, analyzers, concurrency }: JobDependencies): JobDefinition[] {
  return [...createIngestJobs(ingest, concurrency), ...createAnalysisJobs(analyzers, concurrency)];
}
