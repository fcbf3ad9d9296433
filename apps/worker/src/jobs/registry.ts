import type { JobDefinition } from './define-job.js';

/** Every job the worker runs. Ingestion and analysis jobs register here. */
export const jobs: JobDefinition[] = [];
